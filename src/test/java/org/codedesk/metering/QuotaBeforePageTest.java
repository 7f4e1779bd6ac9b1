package org.codedesk.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.codedesk.EditsFixtureData;
import org.codedesk.StatementLog;
import org.codedesk.catalog.CatalogChanged;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A guest over the code page quota costs no page: the code page, its JSON and FHIR's $lookup check the quota with one
 * indexed lookup of the code before the page is assembled, so none of the tables only a page reads (notes, index
 * entries, history, 7th characters) is queried for a refused view. The SQL is recorded at the DataSource.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "codedesk.metering.enabled=true")
@Import(StatementLog.Config.class)
class QuotaBeforePageTest {

    /** Tables the code page assembler reads and nothing on the way to the quota check does. */
    static final List<String> PAGE_TABLES = List.of("catalog_note", "catalog_index_term", "catalog_code_change", "catalog_seventh_character");

    @LocalServerPort int port;
    @Autowired StatementLog log;
    @Autowired CatalogImporter importer;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEventPublisher events;
    private final HttpClient http = HttpClient.newHttpClient();

    /** Guests here all come from this machine's address: they start from nothing and leave nothing for other tests. */
    @BeforeEach
    @AfterEach
    void forgetLocalGuests() {
        jdbc.update("delete from metering_view where viewer_key like 'ip:%'");
        jdbc.update("delete from metering_counter where viewer_key like 'ip:%' or viewer_key like 'api|ip:%'");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertNoPageWasBuilt(String what) {
        assertThat(log.statements()).as(what + ": the quota check itself ran").isNotEmpty();
        for (String table : PAGE_TABLES) {
            assertThat(log.touching(table)).as(what + " read " + table).isEmpty();
        }
    }

    @Test
    void aGuestOverTheQuotaCostsNoPageAssembly() throws Exception {
        EditsFixtureData.importAll(importer);
        assertThat(get("/codes/icd10cm/S72.001A?date=2016-06-01").body()).contains("Fracture of unspecified part of neck of right femur");

        log.clear();
        HttpResponse<String> page = get("/codes/icd10cm/T36.0X1A?date=2016-06-01");
        assertThat(page.body()).contains("Register to view content").doesNotContain("Poisoning by penicillins");
        assertNoPageWasBuilt("the refused code page");

        log.clear();
        assertThat(get("/api/v1/codes/icd10cm/H54.7?date=2016-06-01").statusCode()).isEqualTo(403);
        assertNoPageWasBuilt("the refused JSON");

        log.clear();
        assertThat(get("/fhir/CodeSystem/$lookup?system=http://hl7.org/fhir/sid/icd-10-cm&date=2016-06-01&code=H54.7").statusCode())
                .isEqualTo(403);
        assertNoPageWasBuilt("the refused $lookup");

        // the log does see a page being built: the page already seen is free and, once the assembled pages are forgotten
        // (as after an import), is assembled again
        events.publishEvent(new CatalogChanged(List.of()));
        log.clear();
        assertThat(get("/codes/icd10cm/S72.001A?date=2016-06-01").body()).contains("Fracture of unspecified part of neck of right femur");
        assertThat(log.touching("catalog_note")).isNotEmpty();
    }
}
