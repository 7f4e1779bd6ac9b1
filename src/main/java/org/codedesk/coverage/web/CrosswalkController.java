package org.codedesk.coverage.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.codedesk.coverage.Coverage;
import org.codedesk.coverage.Crosswalk;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /crosswalk}: for a CPT/HCPCS code, the ICD-10-CM codes that support (or do not support) its medical necessity
 * per NCD and billing-and-coding article, grouped as the documents group them; for an ICD-10-CM code, the procedures
 * it supports. Member content, like the premium sections of code pages; CSV export of the same rows.
 */
@Controller
class CrosswalkController {

    private final Coverage coverage;

    CrosswalkController(Coverage coverage) {
        this.coverage = coverage;
    }

    @GetMapping("/crosswalk")
    String page(@RequestParam(required = false) String code, @RequestParam(required = false) String date,
                @RequestParam(required = false) String q, Model model, HttpServletRequest request) {
        model.addAttribute("code", code == null ? "" : code);
        model.addAttribute("date", date == null ? "" : date);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("releases", coverage.releases());
        if (code == null || code.isBlank()) {
            return "coverage/crosswalk";
        }
        if (request.getUserPrincipal() == null) {
            model.addAttribute("loginRequired", true);
            return "coverage/crosswalk";
        }
        try {
            CrosswalkQuery query = CrosswalkQuery.of(code, date, q);
            model.addAttribute("query", query);
            model.addAttribute("noPolicy", coverage.policies(query.date()).isEmpty() ? coverage.noPolicy(query.date()) : null);
            if (query.procedure()) {
                model.addAttribute("forProcedure", query.diagnoses(coverage));
            } else {
                model.addAttribute("forDiagnosis", query.procedures(coverage));
            }
        } catch (ResponseStatusException e) {
            model.addAttribute("error", e.getReason());
        }
        return "coverage/crosswalk";
    }

    @GetMapping("/crosswalk/export.csv")
    ResponseEntity<byte[]> csv(@RequestParam String code, @RequestParam(required = false) String date, @RequestParam(required = false) String q,
                               HttpServletRequest request) {
        CrosswalkApiController.requireMember(request);
        CrosswalkQuery query = CrosswalkQuery.of(code, date, q);
        StringBuilder csv = new StringBuilder();
        if (query.procedure()) {
            header(csv, "document", "kind", "title", "effective_from", "release", "procedure", "group", "resolution", "icd10cm_code", "icd10cm_title");
            for (Crosswalk.ForProcedure d : query.diagnoses(coverage)) {
                for (Crosswalk.Group g : d.groups()) {
                    for (Crosswalk.Diagnosis dx : g.codes()) {
                        row(csv, d.document().id(), d.document().kind(), d.document().title(), String.valueOf(d.document().effectiveFrom()),
                                d.document().release(), query.key(), g.paragraph(), g.resolution().words(), dx.code(), dx.title());
                    }
                }
            }
        } else {
            header(csv, "document", "kind", "title", "effective_from", "release", "icd10cm_code", "resolution", "procedures");
            for (Crosswalk.ForDiagnosis d : query.procedures(coverage)) {
                row(csv, d.document().id(), d.document().kind(), d.document().title(), String.valueOf(d.document().effectiveFrom()),
                        d.document().release(), query.code(), d.resolution().words(), String.join(" ", d.procedures()));
            }
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"crosswalk-" + query.key() + ".csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void header(StringBuilder csv, String... names) {
        try {
            new CSVPrinter(csv, CSVFormat.RFC4180).printRecord((Object[]) names);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One row, every value quoted as text; a cell starting with = + - @ would be a formula in a spreadsheet: kept as text. */
    private static void row(StringBuilder csv, String... fields) {
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            String f = fields[i] == null || fields[i].equals("null") ? "" : fields[i];
            values[i] = !f.isEmpty() && "=+-@".indexOf(f.charAt(0)) >= 0 ? "'" + f : f;
        }
        try {
            new CSVPrinter(csv, VALUES).printRecord(values);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final CSVFormat VALUES = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        return ResponseEntity.status(e.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(e.getStatusCode() == null ? HttpStatus.BAD_REQUEST : e.getStatusCode(), e.getReason()));
    }
}
