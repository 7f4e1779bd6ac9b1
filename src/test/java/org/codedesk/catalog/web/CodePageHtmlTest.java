package org.codedesk.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The viewer-independent parts of a code page are rendered once per cached page and hold nothing of a viewer or a date:
 * two dates selecting the same releases share them, the currency and the views remaining are not in them.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:code-page-html;DB_CLOSE_DELAY=-1",
        "codedesk.home=target/test-data-code-page-html"})
class CodePageHtmlTest {

    @Autowired CatalogImporter importer;
    @Autowired Catalog catalog;
    @Autowired CodePageHtml html;

    @BeforeEach
    void fixtures() {
        if (catalog.isEmpty()) {
            assertThat(importer.importPaths(List.of(Path.of("src/test/resources/fixtures/releases"))).failed()).isFalse();
        }
    }

    @Test
    void partsAreRenderedOncePerCachedPageAndHoldNoDateOrViewer() {
        Catalog.DatedPage june = catalog.datedPage(CodeSystem.ICD10CM, "S72.001A", LocalDate.of(2016, 6, 1)).orElseThrow();
        Catalog.DatedPage july = catalog.datedPage(CodeSystem.ICD10CM, "S72.001A", LocalDate.of(2016, 7, 1)).orElseThrow();
        assertThat(july.shared()).as("two dates in one release share the cached page").isSameAs(june.shared());

        CodePageHtml.Parts parts = html.of(june.shared());
        assertThat(html.of(july.shared())).as("rendered once, kept with the page").isSameAs(parts);
        assertThat(parts.top()).contains("S72.001A").contains("breadcrumb");
        assertThat(parts.descriptor()).contains(june.shared().longDescription());
        assertThat(parts.facts()).contains("7th characters");
        String all = parts.top() + parts.descriptor() + parts.facts() + parts.history();
        assertThat(all).doesNotContain("2016-06-01").doesNotContain("2016-07-01")
                .doesNotContain("views remaining").doesNotContain("Register to view content").doesNotContain("id=\"currency\"");
    }
}
