package org.codedesk.content;

import java.time.Instant;

/** A published plain-language explanation of a code: safe HTML rendered from the editor's Markdown, with its author. */
public record Explanation(String html, String author, Instant publishedAt) {
}
