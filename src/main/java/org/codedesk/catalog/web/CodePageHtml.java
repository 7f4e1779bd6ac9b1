package org.codedesk.catalog.web;

import java.util.Locale;
import java.util.Set;

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
 * The HTML of the parts of a code page that are the same for every viewer (template catalog/code-facts), rendered once per
 * cached page. Rendering the template was most of a cached page's cost (about two thirds of the CPU of a request, measured
 * with JFR under wrk); what differs per request (the header, the views remaining, the explanation, other modules' sections,
 * the currency and the date of service) is still rendered by catalog/code.html around these parts.
 * Keyed by the identity of the cached page, which is one instance per (release list, system, code, releases selected)
 * until an import replaces it: a page no longer cached is no longer reachable, and its HTML goes with it (weak keys).
 */
@Component
class CodePageHtml {

    /** The four parts, already escaped HTML, in page order. */
    public record Parts(String top, String descriptor, String facts, String history) { }

    private static final String TEMPLATE = "catalog/code-facts";

    private final ITemplateEngine templates;
    private final ApplicationContext application;
    private final Cache<CodePage, Parts> rendered;

    CodePageHtml(ITemplateEngine templates, ApplicationContext application,
                 @Value("${codedesk.code-pages.cache-size:10000}") long cacheSize) {
        this.templates = templates;
        this.application = application;
        this.rendered = Caffeine.newBuilder().weakKeys().maximumSize(cacheSize).build();
    }

    /** The parts of {@code shared}, a page as the catalog caches it (without the currency of a date). */
    Parts of(CodePage shared) {
        return rendered.get(shared, this::render);
    }

    private Parts render(CodePage page) {
        Context context = new Context(Locale.ENGLISH);
        // Outside a Spring view Thymeleaf would evaluate with a new StandardEvaluationContext per template, whose new
        // reflective property accessor looks every getter up again (0.6 MB of copied Method objects per page); this
        // context shares Thymeleaf's one accessor and its cache, as a view does.
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        context.setVariable("p", page);
        return new Parts(part("top", context), part("descriptor", context), part("facts", context), part("history", context));
    }

    private String part(String fragment, Context context) {
        return templates.process(TEMPLATE, Set.of(fragment), context);
    }
}
