package org.codedesk.content;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to HTML for editorial text, sanitised: raw HTML in the source is escaped (never passed through) and link
 * targets other than http(s), mailto and relative ones are dropped, so an explanation (or a job description) cannot
 * carry script. Thread-safe.
 */
public final class MarkdownRenderer {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    public String render(String markdown) {
        return renderer.render(parser.parse(markdown == null ? "" : markdown));
    }
}
