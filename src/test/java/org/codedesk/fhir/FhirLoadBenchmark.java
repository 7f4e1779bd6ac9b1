package org.codedesk.fhir;

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
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.codedesk.accounts.Accounts;
import org.codedesk.accounts.ApiTokens;
import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodeSummary;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.Release;
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
 * Not a test (surefire does not pick it up by name): the FHIR terminology load benchmark of issue 10. Over the
 * official data (imported once into an H2 file under target/fhir-bench), client threads call
 * {@code CodeSystem/$lookup} and {@code CodeSystem/$validate-code} by HTTP GET with an API token, on codes sampled from
 * ICD-10-CM FY2026 (70%), ICD-10-PCS FY2026 (20%) and HCPCS 2025-10 (10%), one in ten of them misspelt or unknown. Each
 * load level runs 20 s after 5 s of warm-up; prints p50, p90, p99 per operation and throughput.
 * Run: {@code CODEDESK_DATA_DIR=../shared/data bench/fhir-load.sh}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FhirLoadBenchmark {

    /** The H2 file the official data is imported into once; {@code -Dbench.home=...} reuses another full-data database. */
    static final String HOME = System.getProperty("bench.home", "target/fhir-bench");
    static final LocalDate DATE = LocalDate.of(2026, 6, 1);

    @RegisterExtension
    static GreenMailExtension mail = org.codedesk.TestMail.greenMail();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("codedesk.home", () -> HOME);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + Path.of(HOME).toAbsolutePath() + "/codedesk");
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "10");
    }

    @Autowired CatalogImporter importer;
    @Autowired Catalog catalog;
    @Autowired Accounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    record Call(String operation, String path) { }

    @Test
    void lookupAndValidateCodeUnderLoad() throws Exception {
        String dir = System.getenv("CODEDESK_DATA_DIR");
        assumeTrue(dir != null, "CODEDESK_DATA_DIR not set");
        if (catalog.releases().stream().noneMatch(r -> r.version().equals("FY2026"))) {
            long start = System.nanoTime();
            importer.importPaths(List.of(Path.of(dir)));
            System.out.printf("BENCH import of the official data: %.0f s%n", (System.nanoTime() - start) / 1e9);
        }
        List<Call> calls = calls();
        String email = TestMembers.verified(accounts, jdbc, "fhir-bench");
        String token = tokens.create(email, "benchmark");
        HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
        System.out.printf("BENCH %d distinct requests (%s); server and client share this machine's %d cores%n", calls.size(),
                "half $lookup, half $validate-code", Runtime.getRuntime().availableProcessors());
        for (int threads : new int[] {1, 4, 16}) {
            run(client, token, calls, threads);
        }
    }

    private void run(HttpClient client, String token, List<Call> calls, int threads) throws InterruptedException {
        List<long[]> lookups = Collections.synchronizedList(new ArrayList<>());
        List<long[]> validations = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long warmUntil = System.nanoTime() + 5_000_000_000L;
        long end = warmUntil + 20_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int offset = t * 997;
            pool.submit(() -> {
                for (int i = offset; System.nanoTime() < end; i++) {
                    Call call = calls.get(i % calls.size());
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir" + call.path()))
                            .header("Authorization", "Bearer " + token).header("Accept", "application/fhir+json").build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        long now = System.nanoTime();
                        if (now > warmUntil && now < end) {
                            // a $lookup of an unknown code is a 404 OperationOutcome: an answer, not an error
                            if (response.statusCode() != 200 && response.statusCode() != 404) {
                                errors.incrementAndGet();
                            }
                            (call.operation().equals("lookup") ? lookups : validations).add(new long[] {now - start});
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        System.out.printf("BENCH %2d client threads: %.0f requests/s, %d errors; $lookup %s; $validate-code %s%n", threads,
                (lookups.size() + validations.size()) / 20.0, errors.get(), percentiles(lookups), percentiles(validations));
        assertThat(lookups).isNotEmpty();
    }

    private static String percentiles(List<long[]> samples) {
        long[] sorted = samples.stream().mapToLong(s -> s[0]).sorted().toArray();
        return String.format("n=%d p50 %.1f ms, p90 %.1f ms, p99 %.1f ms", sorted.length, sorted[sorted.length / 2] / 1e6,
                sorted[sorted.length * 9 / 10] / 1e6, sorted[sorted.length * 99 / 100] / 1e6);
    }

    /** 4,000 requests: codes sampled by system, a tenth of them unknown (a digit changed). */
    private List<Call> calls() {
        Random random = new Random(10);
        List<Call> calls = new ArrayList<>();
        addCalls(calls, random, CodeSystem.ICD10CM, "http://hl7.org/fhir/sid/icd-10-cm", 2800);
        addCalls(calls, random, CodeSystem.ICD10PCS, "http://www.cms.gov/Medicare/Coding/ICD10", 800);
        addCalls(calls, random, CodeSystem.HCPCS, "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", 400);
        Collections.shuffle(calls, random);
        return calls;
    }

    private void addCalls(List<Call> calls, Random random, CodeSystem system, String url, int count) {
        Release release = catalog.releaseInForce(system, DATE).orElseThrow();
        // the release's codes read once: one offset query per sample reads half the table each time (minutes on H2)
        List<CodeSummary> codes = catalog.codes(release, "", false, 0, Integer.MAX_VALUE);
        for (int i = 0; i < count; i++) {
            CodeSummary code = codes.get(random.nextInt(codes.size()));
            String shown = random.nextInt(10) == 0 ? code.code().substring(0, code.code().length() - 1) + "Q" : code.code();
            calls.add(i % 2 == 0
                    ? new Call("lookup", "/CodeSystem/$lookup?system=" + url + "&code=" + shown + "&date=" + DATE)
                    : new Call("validate", "/CodeSystem/$validate-code?url=" + url + "&code=" + shown + "&date=" + DATE));
        }
    }
}
