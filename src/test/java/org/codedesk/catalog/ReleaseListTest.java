package org.codedesk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The release list is kept between reads but never older than the table: a release written or deleted by another node
 * (here: straight into the table, as that node's import would) is in or out of the very next read, and a release deleted
 * and written again (a re-import, same count) is read anew; over HTTP, in the next request (with the max age 0: see
 * ReleaseListMaxAgeTest for the default). A database of its own: the rows written here are made up.
 */
@AutoConfigureMockMvc
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:release-list;DB_CLOSE_DELAY=-1",
        "codedesk.home=target/test-data-release-list", "codedesk.catalog.release-list-max-age=0"})
class ReleaseListTest {

    @Autowired Catalog catalog;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    @Test
    void anotherNodesImportIsInTheNextRead() {
        int before = catalog.releases().size();
        insert("2051", "codes");
        assertThat(catalog.releases()).hasSize(before + 1).anyMatch(r -> r.version().equals("2051"));
        assertThat(catalog.releases(CodeSystem.ICD10CM)).anyMatch(r -> r.version().equals("2051"));
        assertThat(catalog.isEmpty()).isFalse();

        // re-imported by another node: deleted and written again, the count unchanged, the contents new
        jdbc.update("delete from catalog_release where version = '2051'");
        insert("2051", "codes,tabular");
        assertThat(catalog.releases()).hasSize(before + 1)
                .anyMatch(r -> r.version().equals("2051") && r.has("tabular"));

        jdbc.update("delete from catalog_release where version = '2051'");
        assertThat(catalog.releases()).hasSize(before).noneMatch(r -> r.version().equals("2051"));
    }

    /**
     * Over HTTP the list is read once per request (the quota check, the page and the catalog notice share it), never kept
     * from one request to the next: a release another node wrote between two requests is in the second.
     */
    @Test
    void anotherNodesImportIsInTheNextRequest() throws Exception {
        assertThat(mvc.perform(get("/api/v1/releases")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .doesNotContain("\"2052\"");
        insert("2052", "codes");
        assertThat(mvc.perform(get("/api/v1/releases")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("\"2052\"");
        jdbc.update("delete from catalog_release where version = '2052'");
        assertThat(mvc.perform(get("/api/v1/releases")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .doesNotContain("\"2052\"");
    }

    private void insert(String version, String contents) {
        jdbc.update("insert into catalog_release (code_system, version, label, effective_from, contents, fingerprint, imported_at)"
                + " values ('icd10cm', ?, ?, ?, ?, 'test', ?)", version, "ICD-10-CM FY" + version, LocalDate.of(2050, 10, 1),
                contents, Timestamp.from(Instant.now()));
    }
}
