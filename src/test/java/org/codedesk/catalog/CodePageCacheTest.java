package org.codedesk.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.codedesk.HttpVisitor;
import org.codedesk.StatementLog;
import org.codedesk.TestMembers;
import org.codedesk.accounts.Accounts;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A code page seen before is served from the assembled pages: the HTML page, its JSON and FHIR's $lookup read only the
 * release list and the code's own row, none of the tables a page is assembled from; an import shows its facts at once.
 * A database of its own: the releases FY2041 and FY2042 written here must not appear in other tests' release lists. The
 * release list's stamp is checked on every request here (max age 0), so each request's statements are the same;
 * ReleaseListMaxAgeTest shows a page seen before with no statement at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"spring.datasource.url=jdbc:h2:mem:code-page-cache;DB_CLOSE_DELAY=-1",
        "codedesk.home=target/test-data-code-page-cache", "codedesk.catalog.release-list-max-age=0"})
@Import(StatementLog.Config.class)
class CodePageCacheTest {

    /** Tables only the page assembler reads. */
    static final List<String> PAGE_TABLES = List.of("catalog_note", "catalog_index_term", "catalog_index_cell", "catalog_code_change",
            "catalog_seventh_character", "catalog_heading", "catalog_code_conversion", "catalog_pcs_axis_value", "catalog_pcs_definition",
            "catalog_code_attribute", "catalog_note_gap");

    @LocalServerPort int port;
    private final HttpClient http = HttpClient.newHttpClient();
    @Autowired CatalogImporter importer;
    @Autowired StatementLog log;
    @Autowired Accounts accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired Catalog catalog;
    @TempDir Path files;

    private String html(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private void assertNoPageAssembled(String what) {
        for (String table : PAGE_TABLES) {
            assertThat(log.touching(table)).as(what + " read " + table).isEmpty();
        }
    }

    @Test
    void aPageSeenBeforeIsNotAssembledAgainForHtmlJsonOrLookup() throws Exception {
        ImportReport report = importer.importPaths(List.of(CodePagesTest.FIXTURES));
        assertThat(report.failed()).as(report.toString()).isFalse();
        for (String path : List.of("/codes/icd10cm/S72.001A?date=2016-06-01", "/codes/icd10pcs/0X500ZX?date=2016-06-01",
                "/codes/hcpcs/X1001?date=2016-06-01", "/api/v1/codes/icd10cm/S72.8X1A?date=2016-06-01",
                "/fhir/CodeSystem/$lookup?system=http://hl7.org/fhir/sid/icd-10-cm&date=2016-06-01&code=T36.0X1A")) {
            log.clear();
            String first = html(path);
            assertThat(log.touching("catalog_code")).as(path + ": the first view assembles the page").isNotEmpty();
            log.clear();
            String second = html(path);
            assertNoPageAssembled(path);
            assertThat(log.touching("catalog_code")).as(path + ": the quota check answered from the page").isEmpty();
            assertThat(log.touching("catalog_release")).as(path + ": the release list read once").hasSize(1);
            assertThat(second).isEqualTo(first);
        }
        // another date of service that selects the same releases shares the page, with its own currency
        log.clear();
        html("/codes/icd10cm/S72.001A?date=2016-07-01");
        assertNoPageAssembled("another date in the same release");
    }

    /**
     * All the SQL of a guest's view of a code page seen before is the release list's stamp, read once for the request (it was
     * read three times: the quota check, the page and the layout's catalog notice), without the code's row the quota check
     * read (the cached page answers it). Metering is off here (its statements count views: QuotaBeforePageTest). A member's
     * view reads the list once too, and its account once (the session check's read serves the quota check), besides the
     * session and the member sections.
     */
    @Test
    void aGuestsViewOfAPageSeenBeforeIsOneStatement() throws Exception {
        ImportReport report = importer.importPaths(List.of(CodePagesTest.FIXTURES));
        assertThat(report.failed()).as(report.toString()).isFalse();
        HttpVisitor member = new HttpVisitor(port).logIn(TestMembers.verified(accounts, jdbc, "cached-page"), TestMembers.PASSWORD);
        // pages the other tests here do not view (they share the cached pages): the first view here is the page's first
        for (String path : List.of("/codes/icd10cm/S72.001D?date=2016-06-01", "/codes/icd10cm/H54.7?date=2016-06-01",
                "/codes/hcpcs/X1002?date=2016-06-01")) {
            String first = html(path);
            log.clear();
            assertThat(html(path)).isEqualTo(first);
            assertThat(log.statements()).as(path + ": a guest's view of a page seen before")
                    .containsExactly("select count(*), coalesce(max(id), 0) from catalog_release");

            log.clear();
            assertThat(member.get(path).status()).isEqualTo(200);
            assertThat(log.touching("catalog_release")).as(path + ": a member's view").hasSize(1);
            assertThat(log.touching("catalog_code")).as(path + ": a member's view").isEmpty();
            assertThat(log.touching("account")).as(path + ": a member's account, read by the session check, not again for the quota")
                    .hasSize(1);
        }
    }

    /**
     * A page's first view reads its facts with a bounded number of set-based statements, whatever the depth of the code:
     * the lineage, the notes of every owner, the 7th characters and which completed codes exist, each in one statement
     * (they were one statement per ancestor and per 7th character: 60 and more for a 7-character code).
     */
    @Test
    void aFirstViewReadsEachKindOfFactInOneStatement() throws Exception {
        ImportReport report = importer.importPaths(List.of(CodePagesTest.FIXTURES));
        assertThat(report.failed()).as(report.toString()).isFalse();
        for (String path : List.of("/api/v1/codes/icd10cm/S72.001A?date=2016-03-01", "/api/v1/codes/icd10pcs/0X500ZX?date=2016-03-01",
                "/api/v1/codes/hcpcs/X1001?date=2016-03-01")) {
            // the other tests here view pages of the same releases: this view must assemble its page (the cache as after an import)
            catalog.on(new CatalogChanged(List.of()));
            log.clear();
            html(path);
            List<String> statements = log.statements();
            assertThat(log.touching("catalog_code")).as(path + ": a first view").isNotEmpty();
            // S72.001A: the release list, the code, its lineage, headings, notes, 7th characters, completed codes, children,
            // note gaps, index entries (2), history (4), the quota check's read and the editors' explanation
            assertThat(statements).as(path + " first view").hasSizeLessThanOrEqualTo(17);
            // the four ICD-10-CM indexes (alphabetic, external cause, drugs, neoplasms) of one release: two reads, not eight
            assertThat(log.touching("catalog_index_term")).as(path).hasSizeLessThanOrEqualTo(2);
            assertThat(log.touching("catalog_note")).as(path).hasSizeLessThanOrEqualTo(1);
            assertThat(log.touching("catalog_seventh_character")).as(path).hasSizeLessThanOrEqualTo(1);
            assertThat(log.touching("catalog_pcs_definition")).as(path).hasSizeLessThanOrEqualTo(1);
            assertThat(log.touching("catalog_heading")).as(path).hasSizeLessThanOrEqualTo(1);
        }
    }

    @Test
    void anImportShowsItsFactsOnPagesAlreadySeen() throws Exception {
        Path fy2041 = files.resolve("fy2041");
        Path fy2042 = files.resolve("fy2042");
        Files.createDirectories(fy2041);
        Files.createDirectories(fy2042);
        Files.writeString(fy2041.resolve("icd10cm_order_2041.txt"), order("Cholera due to Vibrio cholerae 01, biovar cholerae"));
        Files.writeString(fy2042.resolve("icd10cm_order_2042.txt"), order("Cholera due to Vibrio cholerae O1, biovar cholerae"));
        assertThat(importer.importPaths(List.of(fy2041)).failed()).isFalse();
        String before = html("/codes/icd10cm/A00.0?date=2041-06-01");
        assertThat(before).contains("Vibrio cholerae 01").doesNotContain("title revised");
        assertThat(html("/codes/icd10cm/A00.0?date=2042-06-01")).contains("Vibrio cholerae 01");

        assertThat(importer.importPaths(List.of(fy2042)).failed()).isFalse();
        // the FY2041 page (the same release in force) now tells the FY2042 revision in its history; FY2042's date shows the new title
        assertThat(html("/codes/icd10cm/A00.0?date=2041-06-01")).contains("Vibrio cholerae 01").contains("title revised");
        assertThat(html("/codes/icd10cm/A00.0?date=2042-06-01")).contains("Vibrio cholerae O1");
    }

    /** A CMS order file with one category and its one code, in the file's fixed columns. */
    private static String order(String title) {
        return String.format("%05d %-7s %d %-60s %s\r\n", 1, "A00", 0, "Cholera", "Cholera")
                + String.format("%05d %-7s %d %-60s %s\r\n", 2, "A000", 1, title.substring(0, Math.min(60, title.length())), title);
    }
}
