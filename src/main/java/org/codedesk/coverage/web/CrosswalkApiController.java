package org.codedesk.coverage.web;

import java.time.LocalDate;
import java.util.List;

import org.codedesk.coverage.Coverage;
import org.codedesk.coverage.Crosswalk;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** {@code GET /api/v1/crosswalk}: the crosswalk of a CPT/HCPCS or ICD-10-CM code as JSON (members). */
@RestController
@Tag(name = "Coverage")
class CrosswalkApiController {

    private final Coverage coverage;

    CrosswalkApiController(Coverage coverage) {
        this.coverage = coverage;
    }

    /** The answer: for a procedure, the documents with their diagnosis groups; for a diagnosis, the documents and procedures. */
    record Answer(String code, LocalDate date, String kind, String message, List<Crosswalk.ForProcedure> diagnosesSupporting,
                  List<Crosswalk.ForDiagnosis> proceduresSupported) { }

    @GetMapping("/api/v1/crosswalk")
    @Operation(summary = "ICD-10-CM codes supporting a CPT/HCPCS code (or procedures an ICD-10-CM code supports) per NCD and article")
    Answer crosswalk(@RequestParam String code, @RequestParam(required = false) String date, @RequestParam(required = false) String q,
                     HttpServletRequest request) {
        requireMember(request);
        CrosswalkQuery query = CrosswalkQuery.of(code, date, q);
        String message = coverage.policies(query.date()).isEmpty() ? coverage.noPolicy(query.date()) + "." : null;
        return query.procedure()
                ? new Answer(query.key(), query.date(), "procedure", message, query.diagnoses(coverage), null)
                : new Answer(query.code(), query.date(), "diagnosis", message, null, query.procedures(coverage));
    }

    static void requireMember(HttpServletRequest request) {
        if (request.getUserPrincipal() == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                    "Coverage crosswalks are for members: log in, or send an API token (Authorization: Bearer cdk_…).");
        }
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        return ResponseEntity.status(e.getStatusCode()).body(ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason()));
    }
}
