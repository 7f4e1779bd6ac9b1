package org.codedesk.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.codedesk.catalog.importing.CatalogImporter;
import org.codedesk.metering.WarmUpRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The warm-up's requests to the node itself are answered like a reader's and counted for no one, so they use no guest's
 * quota; the same requests without the node's token are a guest's, counted and refused past the quota.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"codedesk.metering.enabled=true",
        "codedesk.plans.guest.code-views=1", "spring.datasource.url=jdbc:h2:mem:code-page-warm-up-requests;DB_CLOSE_DELAY=-1",
        "codedesk.home=target/test-data-code-page-warm-up-requests"})
class CodePageWarmUpRequestsTest {

    @LocalServerPort int port;
    @Autowired CatalogImporter importer;
    @Autowired CodePageWarmUp warmUp;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theNodesOwnRequestsAreAnsweredAndCountedForNoOne() throws Exception {
        assertThat(importer.importPaths(List.of(Path.of("src/test/resources/fixtures/releases"))).failed()).isFalse();
        List<String> paths = warmUp.warmUp(6);
        assertThat(paths).as("more pages than a guest may view").hasSizeGreaterThan(1).allMatch(p -> p.startsWith("/codes/"));

        assertThat(warmUp.request(URI.create("http://127.0.0.1:" + port), paths)).isEqualTo(paths.size());
        assertThat(jdbc.queryForObject("select count(*) from metering_counter", Integer.class)).as("no counter").isZero();
        assertThat(jdbc.queryForObject("select count(*) from metering_view", Integer.class)).as("no view").isZero();

        // a forged token is no warm-up: a guest, with a guest's one page
        HttpClient guest = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        List<String> bodies = paths.stream().limit(2).map(p -> get(guest, p)).toList();
        assertThat(bodies.get(0)).doesNotContain("quota-prompt");
        assertThat(bodies.get(1)).contains("quota-prompt");
        assertThat(jdbc.queryForObject("select count(*) from metering_counter", Integer.class)).isPositive();
    }

    private String get(HttpClient client, String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header(WarmUpRequests.HEADER, "forged").build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
