package org.codedesk.casecoding.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.codedesk.casecoding.CaseCoder;
import org.codedesk.casecoding.CaseCoding;
import org.codedesk.casecoding.EncounterSetting;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** {@code POST /api/v1/case-to-code}: clinical text in, ranked ICD-10-CM and ICD-10-PCS codes out, for members. */
@RestController
@Tag(name = "Case to code", description = "Clinical text to ranked ICD-10-CM and ICD-10-PCS codes with evidence, paths and warnings")
class CaseToCodeApiController {

    /** The request body. {@code dateOfService} defaults to today, {@code setting} to outpatient. */
    record CaseRequest(String text, String dateOfService, String setting) { }

    /** A field of the request and what is wrong with it. */
    record FieldError(String field, String message) { }

    private final CaseCoder coder;

    CaseToCodeApiController(CaseCoder coder) {
        this.coder = coder;
    }

    @PostMapping("/api/v1/case-to-code")
    @Operation(summary = "Suggest codes for a clinical note",
            description = "Body: {text, dateOfService: YYYY-MM-DD, setting: outpatient|inpatient}. Returns diagnoses and procedures best first,"
                    + " each with score, suggested (score reaches the threshold), complete (false for a header code or a PCS row),"
                    + " evidence (character offsets into text), paths (index path, tabular title or learned phrase) and warnings; notCoded"
                    + " lists negated, family and (outpatient) uncertain mentions; warnings holds Excludes1 conflicts. The text is not stored"
                    + " or logged.")
    CaseCoding code(@RequestBody CaseRequest body, HttpServletRequest request) {
        if (request.getUserPrincipal() == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                    "Case to code is for members: log in, or send an API token (Authorization: Bearer cdk_…).");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate date = LocalDate.now();
        try {
            if (body.dateOfService() != null && !body.dateOfService().isBlank()) {
                date = LocalDate.parse(body.dateOfService().trim());
            }
        } catch (DateTimeParseException e) {
            errors.put("dateOfService", "Must be a date as YYYY-MM-DD.");
        }
        EncounterSetting setting = EncounterSetting.OUTPATIENT;
        try {
            setting = EncounterSetting.parse(body.setting());
        } catch (IllegalArgumentException e) {
            errors.put("setting", e.getMessage());
        }
        try {
            CaseCoder.requireText(body.text());
        } catch (IllegalArgumentException e) {
            errors.put("text", e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw new InvalidCaseException(errors);
        }
        return coder.code(body.text(), date, setting);
    }

    static final class InvalidCaseException extends RuntimeException {
        private final Map<String, String> errors;

        InvalidCaseException(Map<String, String> errors) {
            super("The request has invalid fields: " + String.join(", ", errors.keySet()));
            this.errors = errors;
        }
    }

    @ExceptionHandler(InvalidCaseException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidCaseException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid case");
        problem.setProperty("errors", e.errors.entrySet().stream().map(x -> new FieldError(x.getKey(), x.getValue())).toList());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The body is not a case in JSON: expected {text, dateOfService, setting}.");
        problem.setTitle("Unreadable case");
        problem.setProperty("errors", List.of());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        return ResponseEntity.status(e.getStatusCode()).body(ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason()));
    }
}
