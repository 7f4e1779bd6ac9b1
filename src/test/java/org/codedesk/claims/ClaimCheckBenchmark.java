package org.codedesk.claims;

import org.codedesk.TestMembers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.codedesk.accounts.ApiTokens;
import org.codedesk.accounts.Accounts;
import org.codedesk.catalog.ImportReport;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test (surefire does not pick it up by name): the claim checker benchmark of docs/operations.md.
 * Imports the real MUE, add-on, fee schedule files plus a synthetic practitioner PTP table of 1,000,000 edits
 * (the real one is not in the shared data), then checks 20-line claims in-process (p50/p99) and over HTTP
 * with an API token from several client threads (throughput). Prints its figures; asserts only that checks ran.
 * Run: {@code CODEDESK_DATA_DIR=../shared/data bench/claim-check.sh}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClaimCheckBenchmark {

    @org.junit.jupiter.api.extension.RegisterExtension
    static com.icegreen.greenmail.junit5.GreenMailExtension mail =
            org.codedesk.TestMail.greenMail();

    static final int PTP_ROWS = 1_000_000;
    static final String DATE = "2026-05-01"; // in the quarter of the real MUE and add-on tables (2026-Q2) and of the synthetic PTP table

    @Autowired CatalogImporter importer;
    @Autowired ClaimChecker checker;
    @Autowired JdbcTemplate jdbc;
    @Autowired Accounts accounts;
    @Autowired ApiTokens tokens;
    @LocalServerPort int port;

    @Test
    void twentyLineClaims() throws Exception {
        String dir = System.getenv("CODEDESK_DATA_DIR");
        assumeTrue(dir != null, "CODEDESK_DATA_DIR not set");
        Path ptp = Path.of("target/bench/ccipra-v321r0-f1.txt"); // v32.1 = 2026-Q2
        importer.importPaths(List.of(Path.of(dir, "ncci"), Path.of(dir, "pfs")));
        List<String> codes = jdbc.queryForList("select code from edits_mue m join edits_release r on r.id = m.release_id"
                + " where r.dataset = 'MUE_PRACTITIONER' and r.version = '2026-Q2' and code between '10000' and '69999' order by code", String.class);
        writeSyntheticPtp(ptp, codes);
        long start = System.nanoTime();
        ImportReport report = importer.importPaths(List.of(ptp));
        System.out.printf("import of %,d synthetic PTP edits: %s, %.1f s%n", PTP_ROWS, report.outcomes(), (System.nanoTime() - start) / 1e9);

        Random random = new Random(42);
        List<String> column1 = codes.subList(0, 5_000);
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            List<ClaimLine> lines = new ArrayList<>();
            for (int l = 0; l < 20; l++) {
                String mod = switch (random.nextInt(6)) { case 0 -> "59"; case 1 -> "XS"; case 2 -> "LT"; default -> ""; };
                lines.add(new ClaimLine(column1.get(random.nextInt(column1.size())), mod.isEmpty() ? List.of() : List.of(mod), 1 + random.nextInt(2)));
            }
            claims.add(new Claim(DATE, "practitioner", lines, List.of(), null));
        }
        long first = System.nanoTime();
        checker.check(claims.get(0));
        System.out.printf("first check, which builds the pair index of the %,d-edit table: %.1f s%n", PTP_ROWS, (System.nanoTime() - first) / 1e9);
        for (int i = 0; i < 2_000; i++) {
            checker.check(claims.get(i % claims.size()));
        }
        long[] nanos = new long[5_000];
        int findings = 0;
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            findings += checker.check(claims.get(i % claims.size())).findings().size();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("in-process, 20-line claims, one thread, %d checks (%d findings each on average): p50 %.2f ms, p90 %.2f ms,"
                + " p99 %.2f ms, max %.2f ms%n", nanos.length, findings / nanos.length, nanos[nanos.length / 2] / 1e6,
                nanos[nanos.length * 9 / 10] / 1e6, nanos[nanos.length * 99 / 100] / 1e6, nanos[nanos.length - 1] / 1e6);
        assertThat(findings).isGreaterThan(0);
        http(claims);
    }

    private void http(List<Claim> claims) throws Exception {
        String email = TestMembers.verified(accounts, jdbc, "bench");
        String token = tokens.create(email, "benchmark");
        List<String> bodies = claims.stream().map(ClaimCheckBenchmark::json).toList();
        HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
        for (int threads : new int[] {2, 8}) {
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger done = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long warmUntil = System.nanoTime() + 5_000_000_000L;
            long end = warmUntil + 20_000_000_000L;
            for (int t = 0; t < threads; t++) {
                int offset = t;
                pool.submit(() -> {
                    int i = offset;
                    while (running.get()) {
                        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/claims/check"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i++ % bodies.size()))).build();
                        long s = System.nanoTime();
                        try {
                            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                            long now = System.nanoTime();
                            if (now > warmUntil && now < end) {
                                latencies.add(now - s);
                                if (response.statusCode() == 200) {
                                    done.incrementAndGet();
                                } else {
                                    errors.incrementAndGet();
                                }
                            }
                            if (now > end) {
                                running.set(false);
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES);
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("HTTP POST /api/v1/claims/check, %d client threads, 20 s after 5 s warm-up: %.0f claims/s, p50 %.1f ms,"
                    + " p99 %.1f ms, %d errors%n", threads, done.get() / 20.0, sorted[sorted.length / 2] / 1e6,
                    sorted[sorted.length * 99 / 100] / 1e6, errors.get());
        }
    }

    private static String json(Claim claim) {
        StringBuilder lines = new StringBuilder();
        for (ClaimLine line : claim.lines()) {
            if (lines.length() > 0) {
                lines.append(',');
            }
            lines.append("{\"code\":\"").append(line.code()).append("\",\"units\":").append(line.units()).append(",\"modifiers\":[")
                    .append(String.join(",", line.modifiers().stream().map(m -> "\"" + m + "\"").toList())).append("]}");
        }
        return "{\"dateOfService\":\"" + claim.dateOfService() + "\",\"setting\":\"practitioner\",\"lines\":[" + lines + "]}";
    }

    /** About 200 column 2 codes for each of 5,000 column 1 codes, in the CMS tab-delimited layout. */
    private static void writeSyntheticPtp(Path file, List<String> codes) throws IOException {
        Files.createDirectories(file.getParent());
        Random random = new Random(7);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("Synthetic benchmark table: not CMS edits.\r\n\r\n");
            out.write("Column 1\tColumn 2\t* = In existence prior to 1996\tEffective Date\tDeletion Date\tModifier\tPTP Edit Rationale\r\n");
            int perCode = PTP_ROWS / 5_000;
            for (int c = 0; c < 5_000; c++) {
                for (int j = 0; j < perCode; j++) {
                    String column2 = codes.get(random.nextInt(codes.size()));
                    boolean deleted = random.nextInt(10) == 0;
                    out.write(codes.get(c) + "\t" + column2 + "\t\t20100101\t" + (deleted ? "20151231" : "*") + "\t" + random.nextInt(2)
                            + "\tStandards of medical / surgical practice\r\n");
                }
            }
        }
    }
}
