package org.codedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every page template goes through the one layout (fragments/layout.html), so none can miss the skip link, the
 * navigation, the catalog notice or the footer with the AMA notice; every table header says what it heads. Templates
 * holding only fragments (code page sections, the autocomplete list) are inserted into pages and need no layout.
 */
class LayoutTemplatesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern LAYOUT_ROOT = Pattern.compile(
            "<html [^>]*th:replace=\"~\\{fragments/layout :: (page|page-with-head)\\(.*~\\{::main\\}\\)\\}\">");
    private static final Pattern TH = Pattern.compile("<th(?=[\\s>])[^>]*>");

    @Test
    void everyPageUsesTheLayoutWithItsContentInMainContent() throws IOException {
        List<Path> pages = templates().stream().filter(LayoutTemplatesTest::isPage).toList();
        assertThat(pages).hasSizeGreaterThan(40);
        List<String> wrong = new ArrayList<>();
        for (Path page : pages) {
            String html = Files.readString(page);
            if (!LAYOUT_ROOT.matcher(html).find()) {
                wrong.add(page + ": the <html> element does not replace itself with fragments/layout :: page(title, ~{::main})");
            }
            if (!html.contains("<main id=\"content\"")) {
                wrong.add(page + ": no <main id=\"content\"> (the skip link's target)");
            }
            if (html.contains("<header") || html.contains("<footer")) {
                wrong.add(page + ": a header or footer of its own");
            }
        }
        assertThat(wrong).as(String.join("\n", wrong)).isEmpty();
    }

    @Test
    void theLayoutHasTheSkipLinkTheNoticeAndTheFooterNotices() throws IOException {
        String layout = Files.readString(TEMPLATES.resolve("fragments/layout.html"));
        assertThat(layout).contains("<a class=\"skip-link\" href=\"#content\">Skip to content</a>")
                .contains("~{fragments/layout :: notice}").contains("~{fragments/layout :: footer}")
                .contains("CPT&reg; is a registered trademark of the American Medical Association");
    }

    @Test
    void everyTableHeaderHasAScope() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher th = TH.matcher(Files.readString(template));
            while (th.find()) {
                if (!th.group().contains("scope=")) {
                    missing.add(template + ": " + th.group());
                }
            }
        }
        assertThat(missing).as(String.join("\n", missing)).isEmpty();
    }

    private static boolean isPage(Path template) {
        try {
            return !template.startsWith(TEMPLATES.resolve("fragments")) && !Files.readString(template).contains("th:fragment=");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }
}
