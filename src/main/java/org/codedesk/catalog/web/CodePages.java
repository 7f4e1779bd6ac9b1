package org.codedesk.catalog.web;

import java.time.LocalDate;
import java.util.List;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodePage;
import org.codedesk.catalog.CodeSummary;
import org.codedesk.catalog.CodeSystem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Resolves a code request (system slug, code, date) into a page or a precise not-found; shared by HTML and JSON. */
@Component
class CodePages {

    private final Catalog catalog;

    CodePages(Catalog catalog) {
        this.catalog = catalog;
    }

    CodeSystem system(String slug) {
        return CodeSystem.ofSlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "Unknown code system '" + slug + "'. Use icd10cm, icd10pcs, hcpcs or cpt."));
    }

    static final String UNLICENSED_CPT = "CPT descriptors are copyrighted by the American Medical Association; this site's"
            + " operator has not imported a licensed CPT file in force on the date asked, so CodeDesk shows no descriptor and cannot"
            + " confirm that the code exists. The descriptor would come from the AMA's CPT data file, which an operator licenses from the"
            + " AMA and imports with the public files (its format: docs/data-import.md, \"Licensed CPT file\"). Public CMS facts about"
            + " CPT codes (NCCI edits, MUE, fee schedule) are shown once imported.";

    /** A well-formed CPT code asked for while no licensed CPT release is in force: a plain statement, not a 404. */
    boolean isUnlicensedCpt(CodeSystem system, String code, LocalDate date) {
        return system == CodeSystem.CPT && system.isWellFormed(system.key(code)) && system.key(code).length() == 5
                && catalog.releaseInForce(system, date).isEmpty();
    }

    /** The plain-language explanation of an unlicensed CPT code from its public CMS facts; null without a facts source. */
    static org.codedesk.catalog.PlainLanguage unlicensedCptPlainLanguage(org.codedesk.catalog.CptFactsSource source, String key, LocalDate date) {
        return source == null ? null : org.codedesk.catalog.CptPlainLanguage.explain(source.publicFacts(key, date));
    }

    /** The code as listed in the release in force (no page assembled), or a precise not-found. */
    CodeSummary find(CodeSystem system, String code, LocalDate date) {
        return catalog.find(system, code, date).orElseThrow(() -> notFound(system, code, date));
    }

    CodePage page(CodeSystem system, String code, LocalDate date) {
        return catalog.page(system, code, date).orElseThrow(() -> notFound(system, code, date));
    }

    /** The page as cached (its identity stands for its content until an import) and the currency sentence of the date. */
    Catalog.DatedPage datedPage(CodeSystem system, String code, LocalDate date) {
        return catalog.datedPage(system, code, date).orElseThrow(() -> notFound(system, code, date));
    }

    private CodeNotFoundException notFound(CodeSystem system, String code, LocalDate date) {
        var release = catalog.releaseInForce(system, date);
        if (release.isEmpty()) {
            return new CodeNotFoundException(system, code, catalog.noReleaseSentence(system, date), List.of());
        }
        String key = system.key(code);
        String why = system.isWellFormed(key) ? " is not a code of " : " is not shaped like a code of ";
        List<CodeSummary> nearest = catalog.nearest(system, code, date);
        String detail = "'" + code + "'" + why + release.get().label() + ".";
        var former = catalog.former(system, code);
        if (former.isPresent()) {
            detail += " " + former.get().code() + " is a code of " + former.get().lastRelease() + "; use ?date= for a date of service"
                    + " in that release." + (former.get().replacedBy().isEmpty() ? ""
                    : " The CDC conversion tables list in its place: " + String.join(", ", former.get().replacedBy()) + ".");
        }
        return new CodeNotFoundException(system, code, detail, nearest);
    }

}
