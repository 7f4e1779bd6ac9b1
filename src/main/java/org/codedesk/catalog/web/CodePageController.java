package org.codedesk.catalog.web;

import java.net.URI;
import java.time.LocalDate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.codedesk.catalog.DateOfService;
import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodePage;
import org.codedesk.catalog.CodePageExtension;
import org.codedesk.catalog.CodeSummary;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.CptFactsSource;
import org.codedesk.catalog.ImportProgress;
import org.codedesk.content.Explanations;
import org.codedesk.metering.Allowance;
import org.codedesk.metering.CodePageViews;
import org.codedesk.metering.Viewers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The page of one code: {@code /codes/{system}/{code}}, redirecting any other spelling to the canonical URL. */
@Controller
class CodePageController {

    static final String VIEW = "catalog/code";
    static final String NOT_FOUND_VIEW = "catalog/not-found";
    static final String UNLICENSED_CPT_VIEW = "catalog/cpt-unlicensed";
    static final String QUOTA_VIEW = "catalog/quota";

    private final CodePages pages;
    private final CodePageViews views;
    private final Viewers viewers;
    private final Explanations explanations;
    private final List<CodePageExtension> extensions;
    private final ObjectProvider<CptFactsSource> cptFacts;
    private final CodePageHtml html;
    private final GuestCodePages guestPages;
    private final ImportProgress imports;

    CodePageController(CodePages pages, CodePageViews views, Viewers viewers, Explanations explanations,
                       ObjectProvider<CodePageExtension> extensions, ObjectProvider<CptFactsSource> cptFacts, CodePageHtml html,
                       GuestCodePages guestPages, ImportProgress imports) {
        this.html = html;
        this.guestPages = guestPages;
        this.imports = imports;
        this.extensions = extensions.orderedStream().toList();
        this.cptFacts = cptFacts;
        this.pages = pages;
        this.views = views;
        this.viewers = viewers;
        this.explanations = explanations;
    }

    @GetMapping("/codes/{system}/{code}")
    Object code(@PathVariable String system, @PathVariable String code, @RequestParam(required = false) String date, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        CodeSystem codeSystem = pages.system(system);
        LocalDate day = DateOfService.parse(date);
        if (pages.isUnlicensedCpt(codeSystem, code, day)) {
            String key = codeSystem.key(code);
            model.addAttribute("code", key);
            model.addAttribute("statement", CodePages.UNLICENSED_CPT);
            // CMS facts about a CPT code (edits, fee schedule) are public even when its descriptor is not:
            // members see them, counted as a code page view
            boolean member = request.getUserPrincipal() != null;
            model.addAttribute("member", member);
            if (codeSystem.isWellFormed(key) && !member && hasSections(codeSystem)) {
                addSections(model, codeSystem, key, day, request, false);
            } else if (codeSystem.isWellFormed(key) && hasSections(codeSystem)) {
                Allowance allowance = views.view(viewers.of(request, response), codeSystem.slug() + ":" + key);
                if (!allowance.granted()) {
                    model.addAttribute("system", codeSystem);
                    model.addAttribute("quota", views.quota(allowance.plan()));
                    return QUOTA_VIEW;
                }
                addSections(model, codeSystem, key, day, request, true);
            }
            // the editors' explanation is their own words, not the AMA's: members read it on this page too
            model.addAttribute("explanation", member && codeSystem.isWellFormed(key)
                    ? explanations.published(codeSystem.slug(), key).orElse(null) : null);
            // else the public CMS facts (global period, payment indicators, MUE) in plain words: never the AMA descriptor
            model.addAttribute("plain", member ? CodePages.unlicensedCptPlainLanguage(cptFacts.getIfAvailable(), key, day) : null);
            return UNLICENSED_CPT_VIEW;
        }
        // the quota is checked before the page is built: a viewer over it costs one indexed lookup, not a page
        CodeSummary found = pages.find(codeSystem, code, day);
        if (!system.equals(codeSystem.slug()) || !code.equals(found.code())) {
            URI canonical = UriComponentsBuilder.fromPath("/codes/{system}/{code}").queryParamIfPresent("date",
                    java.util.Optional.ofNullable(date)).buildAndExpand(codeSystem.slug(), found.code()).toUri();
            RedirectView redirect = new RedirectView(canonical.toString());
            redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
            return redirect;
        }
        Allowance allowance = views.view(viewers.of(request, response), codeSystem.slug() + ":" + found.key());
        model.addAttribute("allowance", allowance);
        if (!allowance.granted()) {
            // none of the code's content goes out: the prompt page gets only the code number
            model.addAttribute("system", codeSystem);
            model.addAttribute("code", found.code());
            model.addAttribute("quota", views.quota(allowance.plan()));
            return QUOTA_VIEW;
        }
        Catalog.DatedPage dated = pages.datedPage(codeSystem, found.code(), day);
        CodePage page = dated.page();
        model.addAttribute("page", page);
        // the parts that are the same for every viewer come rendered with the cached page; the rest is rendered around them
        model.addAttribute("html", html.of(dated.shared()));
        model.addAttribute("date", date == null ? null : day);
        // gated section: a guest gets the prompt, and the text is not sent at all
        boolean member = request.getUserPrincipal() != null;
        model.addAttribute("member", member);
        model.addAttribute("explanation", member ? explanations.published(codeSystem.slug(), page.code()).orElse(null) : null);
        // the generated explanation comes with the cached page; an editor's published one takes its place (above)
        model.addAttribute("plain", member ? page.plainLanguage() : null);
        addSections(model, codeSystem, page.key(), day, request, member);
        if (!member && date == null && !imports.snapshot().running()) {
            // a guest's page of today is the same for every guest with the same currency and views remaining: kept whole
            String variant = (page.currency() != null && page.currency().stale() ? page.currency().sentence() : "")
                    + "|" + allowance.remaining();
            return ResponseEntity.ok().contentType(HTML_UTF8).body(guestPages.html(dated.shared(), variant, VIEW, model::asMap));
        }
        return VIEW;
    }

    private static final MediaType HTML_UTF8 = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

    private boolean hasSections(CodeSystem system) {
        return extensions.stream().anyMatch(e -> !e.sectionTitles(system).isEmpty());
    }

    /** Other modules' sections: their data for members only; a guest learns their titles, nothing more. */
    private void addSections(Model model, CodeSystem system, String key, LocalDate day, HttpServletRequest request, boolean member) {
        model.addAttribute("sectionTitles", extensions.stream().flatMap(e -> e.sectionTitles(system).stream()).toList());
        if (!member) {
            model.addAttribute("sections", List.of());
            return;
        }
        Map<String, String> options = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> options.put(name, values.length == 0 ? "" : values[0]));
        model.addAttribute("sections", extensions.stream().flatMap(e -> e.sections(system, key, day, options).stream()).toList());
    }

    @ExceptionHandler(CodeNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView notFound(CodeNotFoundException e) {
        ModelAndView view = new ModelAndView(NOT_FOUND_VIEW);
        view.addObject("system", e.system());
        view.addObject("code", e.code());
        view.addObject("detail", e.getReason());
        view.addObject("nearest", e.nearest());
        view.setStatus(HttpStatus.NOT_FOUND);
        return view;
    }
}
