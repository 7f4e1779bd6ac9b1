package org.codedesk.catalog.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodeSummary;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.Release;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Assembles and renders a few hundred code pages in the background after start, so that a freshly started node's first
 * views do not wait for the JIT: the first thousand pages of a new JVM took about 35 ms at p99 against 15-18 ms once
 * its code was compiled (docs/operations.md). The pages are those in force today, spread over each code system's
 * release, and stay cached like any page viewed. {@code codedesk.code-pages.warm-up} says how many (0: none).
 */
@Component
class CodePageWarmUp {

    private static final Logger log = LoggerFactory.getLogger(CodePageWarmUp.class);
    /** Share of the pages per code system: ICD-10-CM is most of what coders look up. */
    private static final Map<CodeSystem, Double> SHARES = Map.of(CodeSystem.ICD10CM, 0.6, CodeSystem.ICD10PCS, 0.25, CodeSystem.HCPCS, 0.15);

    private final Catalog catalog;
    private final CodePageHtml html;
    private final int pages;

    CodePageWarmUp(Catalog catalog, CodePageHtml html, @Value("${codedesk.code-pages.warm-up:400}") int pages) {
        this.catalog = catalog;
        this.html = html;
        this.pages = pages;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (pages <= 0 || catalog.isEmpty()) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                long began = System.nanoTime();
                int viewed = warmUp(pages);
                log.info("Warmed up the code page path with {} pages in {} ms", viewed, (System.nanoTime() - began) / 1_000_000);
            } catch (RuntimeException e) {
                // an import replacing the releases meanwhile, a database restarting: the pages will be assembled when viewed
                log.warn("Code page warm-up stopped: {}", e.toString());
            }
        }, "code-page-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Assembles and renders up to {@code count} pages in force today; returns how many. */
    int warmUp(int count) {
        LocalDate today = LocalDate.now();
        int viewed = 0;
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
                    viewed++;
                }
            }
        }
        return viewed;
    }
}
