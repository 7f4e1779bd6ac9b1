package org.codedesk.catalog.web;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.codedesk.catalog.CodePage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * A guest's whole code page (template catalog/code with the layout), rendered once per cached page and variant. With the
 * shared parts already rendered ({@link CodePageHtml}), rendering the frame around them was still half of a cached page's
 * CPU (JFR under wrk: {@code ThymeleafView.render} in 53% of the request threads' samples), and for a guest that frame is
 * the same for every guest: no account, no editor's explanation, section titles only, the anonymous header. What can
 * still differ between two guests of the same page is the variant: the currency sentence of today and the views remaining
 * (metering on). Only today's page is kept (a {@code ?date=} can name any day, so those are rendered each time), at most
 * {@link #VARIANTS_PER_PAGE} variants a page, and never while an import runs (the layout's notice then changes by the
 * second). Keyed by the identity of the cached page, as {@link CodePageHtml}: an import's new pages bring new keys, and a
 * page the catalog dropped takes its HTML with it (weak keys).
 */
@Component
class GuestCodePages {

    static final int VARIANTS_PER_PAGE = 8;

    private final ITemplateEngine templates;
    private final ApplicationContext application;
    private final Cache<CodePage, Map<String, String>> rendered;
    private final AtomicLong renders = new AtomicLong();

    GuestCodePages(ITemplateEngine templates, ApplicationContext application,
                   @Value("${codedesk.code-pages.cache-size:10000}") long cacheSize) {
        this.templates = templates;
        this.application = application;
        this.rendered = Caffeine.newBuilder().weakKeys().maximumSize(cacheSize).build();
    }

    /**
     * The page's HTML for this variant, rendered from {@code model} (the controller's model for the view {@code view}) the
     * first time and kept; {@code model} is only asked for when the page is rendered.
     */
    String html(CodePage shared, String variant, String view, Supplier<Map<String, Object>> model) {
        Map<String, String> variants = rendered.get(shared, k -> new ConcurrentHashMap<>());
        String html = variants.get(variant);
        if (html != null) {
            return html;
        }
        html = render(view, model.get());
        if (variants.size() < VARIANTS_PER_PAGE) {
            variants.putIfAbsent(variant, html);
        }
        return html;
    }

    /** How many pages were rendered (for tests: a page kept is not rendered again). */
    long renders() {
        return renders.get();
    }

    private String render(String view, Map<String, Object> model) {
        renders.incrementAndGet();
        Context context = new Context(Locale.ENGLISH);
        // the evaluation context a Spring view gets: @beans in the layout (viewer roles, catalog notice) and Thymeleaf's
        // shared property accessor (see CodePageHtml)
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        context.setVariables(model);
        return templates.process(view, context);
    }
}
