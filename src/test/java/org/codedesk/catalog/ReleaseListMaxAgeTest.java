package org.codedesk.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.codedesk.HttpVisitor;
import org.codedesk.StatementLog;
import org.codedesk.catalog.importing.CatalogImporter;
import org.codedesk.search.SearchIndexes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Within {@code codedesk.catalog.release-list-max-age} of its last check, a request answers from the release list as read
 * (a page seen before costs no statement at all); this node's import clears it at once, and reads outside a request (an
 * import's own, background work) always check the table. The max age is an hour here so that no check falls due during the
 * test. A database of its own: the releases written here are made up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:release-list-max-age;DB_CLOSE_DELAY=-1",
        "codedesk.home=target/test-data-release-list-max-age", "codedesk.catalog.release-list-max-age=1h"})
@Import(StatementLog.Config.class)
class ReleaseListMaxAgeTest {

    @LocalServerPort int port;
    @Autowired CatalogImporter importer;
    @Autowired StatementLog log;
    @Autowired JdbcTemplate jdbc;
    @Autowired Catalog catalog;
    @Autowired ApplicationEventPublisher events;
    @Autowired SearchIndexes searchIndexes;

    @Test
    void aPageSeenBeforeIsNoStatementAndAnImportHereShowsAtOnce() throws Exception {
        assertThat(importer.importPaths(List.of(CodePagesTest.FIXTURES)).failed()).isFalse();
        // the import's search index build reads in the background: wait for it, its statements are not a page's
        for (int i = 0; i < 600 && searchIndexes.state() != null; i++) {
            Thread.sleep(100);
        }
        assertThat(searchIndexes.state()).as("the search index built after the import").isNull();
        String path = "/codes/icd10cm/S72.001A?date=2016-06-01";
        String first = get(path);
        log.clear();
        assertThat(get(path)).isEqualTo(first);
        assertThat(log.statements()).as("a guest's view of a page seen before, the list checked a moment ago").isEmpty();

        // another node's import, written straight into the table: not checked for until the max age is over
        insert("2061");
        assertThat(get("/api/v1/releases")).doesNotContain("\"2061\"");
        // ... but a read outside a request checks the table, and requests answer from what it read
        assertThat(catalog.releases()).anyMatch(r -> r.version().equals("2061"));
        assertThat(get("/api/v1/releases")).contains("\"2061\"");

        // this node's import: the next request checks the table, whatever the list's age
        insert("2062");
        assertThat(get("/api/v1/releases")).doesNotContain("\"2062\"");
        events.publishEvent(new CatalogChanged(List.of("ICD-10-CM FY2062")));
        assertThat(get("/api/v1/releases")).contains("\"2062\"");
    }

    private String get(String path) {
        HttpVisitor.Reply reply = new HttpVisitor(port).get(path);
        assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(200);
        return reply.body();
    }

    private void insert(String version) {
        jdbc.update("insert into catalog_release (code_system, version, label, effective_from, contents, fingerprint, imported_at)"
                + " values ('icd10cm', ?, ?, ?, 'codes', 'test', ?)", version, "ICD-10-CM FY" + version, LocalDate.of(2060, 10, 1),
                Timestamp.from(Instant.now()));
    }
}
