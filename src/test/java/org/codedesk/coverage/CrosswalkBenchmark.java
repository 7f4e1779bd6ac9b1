package org.codedesk.coverage;

import org.codedesk.TestMembers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import org.codedesk.accounts.Accounts;
import org.codedesk.accounts.ApiTokens;
import org.codedesk.catalog.ImportReport;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * Not a test (surefire does not pick it up by name): the coverage benchmark of issue 11. Imports ICD-10-CM FY2026, the
 * NCD lab spreadsheet and the MCE definitions into an H2 file under target/coverage-bench (the coverage files are
 * re-imported on every run, for their import time), prints what was imported, then times crosswalk lookups in-process
 * (every NCD procedure code; 2,000 ICD-10-CM codes; 2,000 necessity checks) and over HTTP (GET /api/v1/crosswalk with an
 * API token). Run: {@code CODEDESK_DATA_DIR=../shared/data bench/crosswalk.sh}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CrosswalkBenchmark {

    static final String HOME = "target/coverage-bench";
    static final LocalDate DATE = LocalDate.of(2026, 6, 1);

    @RegisterExtension
    static GreenMailExtension mail = org.codedesk.TestMail.greenMail();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("codedesk.home", () -> HOME);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + Path.of(HOME).toAbsolutePath() + "/codedesk");
    }

    @Autowired CatalogImporter importer;
    @Autowired Coverage coverage;
    @Autowired JdbcTemplate jdbc;
    @Autowired Accounts accounts;
    @Autowired ApiTokens tokens;
    @LocalServerPort int port;

    @Test
    void importAndLookups() throws Exception {
        String dir = System.getenv("CODEDESK_DATA_DIR");
        assumeTrue(dir != null, "CODEDESK_DATA_DIR not set");
        importer.importPaths(List.of(Path.of(dir, "icd10cm/2026")));
        jdbc.update("delete from coverage_release");
        for (String folder : List.of("ncd", "mce")) {
            long start = System.nanoTime();
            ImportReport report = importer.importPaths(List.of(Path.of(dir, folder)));
            System.out.printf("BENCH import %s: %.1f s, %s%n", folder, (System.nanoTime() - start) / 1e9, report.outcomes());
        }
        for (CoverageRelease r : coverage.releases()) {
            System.out.printf("BENCH %s: %,d rows%n", r.label(), r.rowCount());
        }
        System.out.println("BENCH rows by table: documents " + count("coverage_document") + ", procedure codes " + count("coverage_procedure")
                + ", listed diagnoses " + count("coverage_diagnosis") + ", MCE list entries " + count("coverage_mce_code"));

        List<String> procedures = jdbc.queryForList("select distinct code from coverage_procedure order by code", String.class);
        List<String> diagnoses = jdbc.queryForList("select distinct code from coverage_diagnosis order by code", String.class);
        Random random = new Random(11);
        List<String> sampledDiagnoses = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            sampledDiagnoses.add(diagnoses.get(random.nextInt(diagnoses.size())));
        }
        long first = System.nanoTime();
        coverage.diagnosesFor(procedures.get(0), DATE);
        System.out.printf("BENCH first crosswalk, which reads the ICD-10-CM titles of the release in force: %.0f ms%n", (System.nanoTime() - first) / 1e6);
        time("procedure to diagnoses (every group, titles), " + procedures.size() + " codes x 5", procedures.size() * 5,
                i -> coverage.diagnosesFor(procedures.get(i % procedures.size()), DATE));
        assertThat(sampledDiagnoses.stream().filter(d -> !coverage.proceduresFor(d, DATE).isEmpty()).count()).as("listed codes found").isGreaterThan(1900);
        time("diagnosis to procedures, 2,000 codes", 2000, i -> coverage.proceduresFor(sampledDiagnoses.get(i), DATE));
        time("necessity, one procedure and three diagnoses, 2,000 checks", 2000, i -> coverage.necessity(procedures.get(i % procedures.size()),
                List.of(sampledDiagnoses.get(i), sampledDiagnoses.get((i + 1) % 2000), sampledDiagnoses.get((i + 2) % 2000)), DATE));

        String email = TestMembers.verified(accounts, jdbc, "coverage-bench");
        String token = tokens.create(email, "benchmark");
        HttpClient http = HttpClient.newHttpClient();
        time("HTTP GET /api/v1/crosswalk, procedure, " + procedures.size() + " codes x 3", procedures.size() * 3, i -> get(http, token,
                procedures.get(i % procedures.size())));
        time("HTTP GET /api/v1/crosswalk, diagnosis, 1,000 codes", 1000, i -> get(http, token, sampledDiagnoses.get(i)));
    }

    private void get(HttpClient http, String token, String code) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/crosswalk?code=" + code
                    + "&date=" + DATE)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void time(String what, int n, Consumer<Integer> call) {
        for (int i = 0; i < Math.min(n, 50); i++) {
            call.accept(i); // warm-up
        }
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            call.accept(i);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("BENCH %s: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, nanos[n / 2] / 1e6, nanos[n * 9 / 10] / 1e6,
                nanos[n * 99 / 100] / 1e6, nanos[n - 1] / 1e6);
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }
}
