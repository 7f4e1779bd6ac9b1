package org.codedesk.catalog.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodeSummary;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.Release;
import org.codedesk.metering.WarmUpRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warms a freshly started node's code page path in the background, so that its first views do not wait for the JIT: the
 * first thousand pages of a new JVM took about 35 ms at p99 against 15-18 ms once its code was compiled
 * (docs/operations.md). It assembles and renders pages in force today, spread over each code system's release (they
 * stay cached like any page viewed), then requests them from itself over HTTP, which compiles what a real view runs
 * around the page: filters, controller, the page frame. Those requests carry the {@link WarmUpRequests} token, so they
 * are nobody's views. {@code codedesk.code-pages.warm-up} says how many pages (0: none). Meanwhile the node's readiness
 * refuses traffic ({@code /actuator/health/readiness} answers 503), so a load balancer can wait for it.
 */
@Component
class CodePageWarmUp {

    private static final Logger log = LoggerFactory.getLogger(CodePageWarmUp.class);
    /** Share of the pages per code system: ICD-10-CM is most of what coders look up. */
    private static final Map<CodeSystem, Double> SHARES = Map.of(CodeSystem.ICD10CM, 0.6, CodeSystem.ICD10PCS, 0.25, CodeSystem.HCPCS, 0.15);

    private final Catalog catalog;
    private final CodePageHtml html;
    private final WarmUpRequests warmUpRequests;
    private final int pages;
    private final boolean exitAfterWarmUp;
    private volatile boolean warming;

    CodePageWarmUp(Catalog catalog, CodePageHtml html, WarmUpRequests warmUpRequests,
                   @Value("${codedesk.code-pages.warm-up:4000}") int pages,
                   @Value("${codedesk.code-pages.exit-after-warm-up:false}") boolean exitAfterWarmUp) {
        this.catalog = catalog;
        this.html = html;
        this.warmUpRequests = warmUpRequests;
        this.pages = pages;
        this.exitAfterWarmUp = exitAfterWarmUp;
    }

    /** Whether the warm-up is running: the node's readiness then refuses traffic ({@link ReadinessWhileWarmingUp}). */
    boolean warming() {
        return warming;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent event) {
        if (pages <= 0 || catalog.isEmpty()) {
            return;
        }
        // the command line (an import) starts no web server: then the pages are assembled, nothing is requested
        URI base = event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer().getPort() > 0
                ? URI.create("http://127.0.0.1:" + web.getWebServer().getPort()
                        + event.getApplicationContext().getEnvironment().getProperty("server.servlet.context-path", ""))
                : null;
        warming = true;
        Thread thread = new Thread(() -> {
            try {
                long began = System.nanoTime();
                List<String> paths = warmUp(pages);
                long assembled = System.nanoTime();
                int answered = base == null ? 0 : request(base, paths);
                log.info("Warmed up the code page path: {} pages assembled in {} ms, {} requested in {} ms", paths.size(),
                        (assembled - began) / 1_000_000, answered, (System.nanoTime() - assembled) / 1_000_000);
            } catch (RuntimeException e) {
                // an import replacing the releases meanwhile, a database restarting: the pages will be assembled when viewed
                log.warn("Code page warm-up stopped: {}", e.toString());
            } finally {
                warming = false;
            }
            if (exitAfterWarmUp) {
                // a training run for the JVM's ahead-of-time cache (ops/aot-cache.sh): the cache is written as the JVM exits
                log.info("Exiting after the warm-up (codedesk.code-pages.exit-after-warm-up)");
                System.exit(SpringApplication.exit(event.getApplicationContext()));
            }
        }, "code-page-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Assembles and renders up to {@code count} pages in force today; returns their addresses ("/codes/icd10cm/S72.001A"). */
    List<String> warmUp(int count) {
        LocalDate today = LocalDate.now();
        List<String> paths = new ArrayList<>();
        for (CodeSystem system : List.of(CodeSystem.ICD10CM, CodeSystem.ICD10PCS, CodeSystem.HCPCS)) {
            Optional<Release> release = catalog.releaseInForce(system, today);
            if (release.isEmpty()) {
                continue;
            }
            List<CodeSummary> codes = catalog.codes(release.get(), "", false, 0, Integer.MAX_VALUE);
            int wanted = (int) Math.ceil(count * SHARES.get(system));
            int step = Math.max(1, codes.size() / Math.max(1, wanted));
            for (int i = 0; i < codes.size() && wanted > 0; i += step, wanted--) {
                Optional<Catalog.DatedPage> page = catalog.datedPage(system, codes.get(i).code(), today);
                if (page.isPresent()) {
                    html.of(page.get().shared());
                    paths.add("/codes/" + system.slug() + "/" + page.get().page().code());
                }
            }
        }
        return paths;
    }

    /**
     * Requests the pages from the node itself, one at a time, as one client (one session, one cookie); returns how many
     * answered 200. Stops at the first failure: a node that cannot reach itself simply stays cold.
     */
    int request(URI base, List<String> paths) {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
        int answered = 0;
        for (String path : paths) {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(base.getPath() + path)).timeout(Duration.ofSeconds(30))
                    .header(WarmUpRequests.HEADER, warmUpRequests.token()).GET().build();
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                    break;
                }
                answered++;
            } catch (IOException e) {
                log.debug("Code page warm-up request failed: {}", e.toString());
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return answered;
    }
}
