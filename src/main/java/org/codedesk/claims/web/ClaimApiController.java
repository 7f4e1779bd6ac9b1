package org.codedesk.claims.web;

import java.util.List;

import org.codedesk.claims.Claim;
import org.codedesk.claims.ClaimCheck;
import org.codedesk.claims.ClaimChecker;
import org.codedesk.claims.InvalidClaimException;
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

/** {@code POST /api/v1/claims/check}: the claim edit checker for members (session or API token). */
@RestController
@Tag(name = "Claims", description = "Claim edit checker: NCCI PTP, MUE, add-on codes, code validity, fee schedule rules")
class ClaimApiController {

    private final ClaimChecker checker;

    ClaimApiController(ClaimChecker checker) {
        this.checker = checker;
    }

    @PostMapping("/api/v1/claims/check")
    @Operation(summary = "Check a claim before it goes out",
            description = "Body: {dateOfService: YYYY-MM-DD, setting: practitioner|outpatient_hospital|inpatient_hospital|dme, lines: [{code, modifiers: [], units}],"
                    + " diagnoses: [ICD-10-CM], locality: MAC-locality}. Each finding is pass, fail, bypassed, no_data or stale (checked against an older release than the one in force on the date, which is not imported) and cites its table and"
                    + " quarter; clean is true only when every finding is pass. Invalid fields give 400 problem+json with an errors list.")
    ClaimCheck check(@RequestBody Claim claim, HttpServletRequest request) {
        if (request.getUserPrincipal() == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                    "The claim checker is for members: log in, or send an API token (Authorization: Bearer cdk_…).");
        }
        return checker.check(claim);
    }

    @ExceptionHandler(InvalidClaimException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidClaimException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("The claim has invalid fields");
        problem.setProperty("errors", e.errors());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The body is not a claim in JSON: expected"
                + " {dateOfService, setting, lines: [{code, modifiers, units}], diagnoses}; units must be whole numbers.");
        problem.setTitle("Unreadable claim");
        problem.setProperty("errors", List.of());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        return ResponseEntity.status(e.getStatusCode()).body(ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason()));
    }
}
