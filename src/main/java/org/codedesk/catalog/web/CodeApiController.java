package org.codedesk.catalog.web;

import java.time.LocalDate;
import java.util.List;

import org.codedesk.catalog.DateOfService;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.metering.Allowance;
import org.codedesk.metering.CodePageViews;
import org.codedesk.metering.Viewers;
import org.codedesk.catalog.Release;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The code page as JSON, {@code /api/v1/codes/{system}/{code}}; errors are RFC 9457 problem details. */
@RestController
@Tag(name = "Codes", description = "Code lookup across ICD-10-CM, ICD-10-PCS, HCPCS Level II and CPT")
class CodeApiController {

    private final CodePages pages;
    private final org.codedesk.catalog.Catalog catalog;
    private final CodePageViews views;
    private final Viewers viewers;
    private final ReaderPlainLanguage plainLanguage;
    private final org.springframework.beans.factory.ObjectProvider<org.codedesk.catalog.CptFactsSource> cptFacts;

    CodeApiController(CodePages pages, org.codedesk.catalog.Catalog catalog, CodePageViews views, Viewers viewers,
                      ReaderPlainLanguage plainLanguage, org.springframework.beans.factory.ObjectProvider<org.codedesk.catalog.CptFactsSource> cptFacts) {
        this.plainLanguage = plainLanguage;
        this.cptFacts = cptFacts;
        this.pages = pages;
        this.catalog = catalog;
        this.views = views;
        this.viewers = viewers;
    }

    /** The plan's code page views for the period are used up. */
    static class QuotaExhaustedException extends RuntimeException {
        QuotaExhaustedException(String message) {
            super(message);
        }
    }

    @ExceptionHandler(QuotaExhaustedException.class)
    ResponseEntity<ProblemDetail> quota(QuotaExhaustedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Code page view limit reached");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    @GetMapping("/api/v1/codes/{system}/{code}")
    @Operation(summary = "Everything about one code on a date of service",
            description = "Descriptors, hierarchy, inherited instructional notes, 7th characters, PCS axes, HCPCS fields, history,"
                    + " and plainLanguage: the editors' explanation (source editor) or the one generated from the official data"
                    + " (source generated, each sentence with its official field); its text is for members, as on the code page."
                    + " Returns 404 problem+json with the nearest valid codes when the code does not exist.")
    Object code(@PathVariable @Parameter(description = "icd10cm, icd10pcs, hcpcs or cpt") String system,
                  @PathVariable @Parameter(description = "the code, any case, with or without the dot") String code,
                  @RequestParam(required = false) @Parameter(description = "date of service, YYYY-MM-DD; today by default") String date,
                  HttpServletRequest request, HttpServletResponse response) {
        CodeSystem codeSystem = pages.system(system);
        LocalDate day = DateOfService.parse(date);
        if (pages.isUnlicensedCpt(codeSystem, code, day)) {
            String key = codeSystem.key(code);
            boolean member = request.getUserPrincipal() != null;
            return new UnlicensedCptCode("cpt", key, false, CodePages.UNLICENSED_CPT, plainLanguage.forUnlicensedCpt(key,
                    member ? CodePages.unlicensedCptPlainLanguage(cptFacts.getIfAvailable(), key, day) : null, member));
        }
        // the quota first: a caller over it costs one indexed lookup, not a page
        var found = pages.find(codeSystem, code, day);
        Allowance allowance = views.view(viewers.of(request, response), codeSystem.slug() + ":" + found.key());
        if (!allowance.granted()) {
            throw new QuotaExhaustedException(views.limitReached(allowance.plan()));
        }
        return plainLanguage.forReader(pages.page(codeSystem, found.code(), day), request.getUserPrincipal() != null);
    }

    /**
     * What the API says of a CPT code when no licensed CPT file is in force: the statement, and {@code plainLanguage} written from
     * the code's public CMS facts only (members; a guest gets the prompt), never from the AMA descriptor.
     */
    record UnlicensedCptCode(String system, String code, boolean descriptorLicensed, String statement,
                             org.codedesk.catalog.PlainLanguage plainLanguage) { }

    @GetMapping("/api/v1/releases")
    @Operation(summary = "Every imported release with its effective date and contents")
    List<Release> releases() {
        return catalog.releases();
    }

    @ExceptionHandler(CodeNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(CodeNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getReason());
        problem.setTitle("Code not found");
        problem.setProperty("nearest", e.nearest().stream().map(c -> c.code()).toList());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
        return ResponseEntity.status(e.getStatusCode()).body(problem);
    }
}
