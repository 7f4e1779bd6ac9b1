package org.codedesk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.util.List;

import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A code with more index entries than the page lists at first (36, as D69.0 has in the full index) shows them all:
 * the first 20, then "and 16 more" folded in a {@code <details>}. Its own database: the fixture is an FY2015 release.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:many-index-entries;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class IndexEntriesTest {

    @Autowired MockMvc mvc;
    @Autowired CatalogImporter importer;

    @Test
    void everyIndexEntryIsOnThePageAndTheFoldSaysHowManyMore() throws Exception {
        ImportReport report = importer.importPaths(List.of(Path.of("src/test/resources/fixtures/many-index-entries")));
        assertThat(report.failed()).as(report.toString()).isFalse();

        String html = mvc.perform(get("/codes/icd10cm/D69.0?date=2015-06-01").with(user("index-member@example.org").roles("MEMBER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String index = html.substring(html.indexOf("id=\"index\""));
        index = index.substring(0, index.indexOf("</section>"));
        assertThat(index).contains("id=\"index-more\"");
        String listed = index.substring(0, index.indexOf("<details"));
        String folded = index.substring(index.indexOf("<details"));
        assertThat(count(listed, "Purpura &gt; fixture form")).isEqualTo(20);
        assertThat(listed).contains("fixture form 01").contains("fixture form 20").doesNotContain("fixture form 21");
        assertThat(folded).contains("<summary>and 16 more entries</summary>");
        assertThat(count(folded, "Purpura &gt; fixture form")).isEqualTo(16);
        assertThat(folded).contains("fixture form 21").contains("fixture form 36");
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
