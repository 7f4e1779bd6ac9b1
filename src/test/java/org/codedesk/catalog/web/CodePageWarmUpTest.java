package org.codedesk.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.codedesk.StatementLog;
import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.Release;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The warm-up at start assembles and renders pages in force today, which are then served from the cache. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:code-page-warm-up;DB_CLOSE_DELAY=-1",
        "codedesk.home=target/test-data-code-page-warm-up"})
@Import(StatementLog.Config.class)
class CodePageWarmUpTest {

    @Autowired CatalogImporter importer;
    @Autowired CodePageWarmUp warmUp;
    @Autowired Catalog catalog;
    @Autowired StatementLog log;

    @Test
    void pagesInForceTodayAreAssembledOnceAndThenServedFromTheCache() {
        assertThat(importer.importPaths(List.of(Path.of("src/test/resources/fixtures/releases"))).failed()).isFalse();
        List<String> viewed = warmUp.warmUp(6);
        assertThat(viewed).as("a few pages of each code system in force").hasSizeBetween(2, 9);

        Release cm = catalog.releaseInForce(CodeSystem.ICD10CM, LocalDate.now()).orElseThrow();
        String first = catalog.codes(cm, "", false, 0, 1).get(0).code();
        log.clear();
        assertThat(catalog.datedPage(CodeSystem.ICD10CM, first, LocalDate.now())).isPresent();
        assertThat(log.touching("catalog_note")).as("the warmed page is not assembled again").isEmpty();
        assertThat(log.touching("catalog_release")).hasSize(1);

        assertThat(warmUp.warmUp(0)).isEmpty();
    }
}
