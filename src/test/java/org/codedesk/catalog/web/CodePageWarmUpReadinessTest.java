package org.codedesk.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.codedesk.catalog.importing.CatalogImporter;
import org.codedesk.metering.WarmUpRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * While the code page warm-up runs, the node's readiness refuses traffic (what a load balancer reads at
 * {@code /actuator/health/readiness}); its liveness stays up; once warm, it is ready again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"codedesk.code-pages.warm-up=4",
        "spring.datasource.url=jdbc:h2:mem:code-page-warm-up-readiness;DB_CLOSE_DELAY=-1",
        "codedesk.home=target/test-data-code-page-warm-up-readiness"})
class CodePageWarmUpReadinessTest {

    @LocalServerPort int port;
    @Autowired CatalogImporter importer;
    @Autowired CodePageWarmUp warmUp;
    @Autowired ConfigurableApplicationContext context;
    @Autowired ReadinessDuringWarmUpRequests duringWarmUp;

    @Test
    void theNodeRefusesTrafficWhileItsPagesWarmAndIsReadyAfter() throws Exception {
        // the catalog was empty when the node started: nothing to warm, ready at once
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(duringWarmUp.seen).isEmpty();

        assertThat(importer.importPaths(List.of(Path.of("src/test/resources/fixtures/releases"))).failed()).isFalse();
        warmUp.start(new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO));
        for (long waited = 0; warmUp.warming() && waited < 60_000; waited += 50) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertThat(duringWarmUp.seen).as("readiness and liveness while the warm-up's pages were requested").isNotEmpty()
                .allMatch(s -> s.equals("readiness=OUT_OF_SERVICE liveness=UP"));
        assertThat(get("/actuator/health/readiness").statusCode()).as("ready once warm").isEqualTo(200);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @TestConfiguration
    static class Config {
        @Bean
        ReadinessDuringWarmUpRequests readinessDuringWarmUpRequests(HealthIndicator readinessStateHealthIndicator,
                                                                    HealthIndicator livenessStateHealthIndicator) {
            return new ReadinessDuringWarmUpRequests(readinessStateHealthIndicator, livenessStateHealthIndicator);
        }
    }

    /** Notes the node's readiness and liveness as each of the warm-up's own page requests arrives. */
    static class ReadinessDuringWarmUpRequests extends OncePerRequestFilter {
        final List<String> seen = new CopyOnWriteArrayList<>();
        private final HealthIndicator readiness;
        private final HealthIndicator liveness;

        ReadinessDuringWarmUpRequests(HealthIndicator readiness, HealthIndicator liveness) {
            this.readiness = readiness;
            this.liveness = liveness;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getHeader(WarmUpRequests.HEADER) != null) {
                seen.add("readiness=" + status(readiness) + " liveness=" + status(liveness));
            }
            chain.doFilter(request, response);
        }

        private static Status status(HealthIndicator indicator) {
            return indicator.health().getStatus();
        }
    }
}
