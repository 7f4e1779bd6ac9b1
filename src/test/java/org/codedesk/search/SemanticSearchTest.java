package org.codedesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** With the in-process embedding model on, a query that shares no word with any title still finds its concept. */
// its own database: with semantic search on, the full data other tests import would take minutes to embed
@SpringBootTest(properties = {"codedesk.search.semantic=true", "codedesk.home=target/test-data-semantic",
        "spring.datasource.url=jdbc:h2:mem:semantic;DB_CLOSE_DELAY=-1"})
class SemanticSearchTest {

    @Autowired Search search;
    @Autowired CatalogImporter importer;

    @Test
    void findsTheConceptWithoutALexicalMatch() {
        importer.importPaths(List.of(Path.of("src/test/resources/fixtures/releases")));
        // neither word is in any fixture title, index path or synonym list
        Search.Results semantic = search.search(new Search.Request("thighbone broke", null, false, null, null, LocalDate.of(2016, 6, 1), 5));
        assertThat(semantic.hits()).isNotEmpty();
        assertThat(semantic.hits().get(0).code()).startsWith("S72");
        assertThat(semantic.hits().get(0).reasons()).contains("semantic similarity");
    }
}
