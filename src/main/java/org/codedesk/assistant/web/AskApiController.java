package org.codedesk.assistant.web;

import org.codedesk.assistant.Answer;
import org.codedesk.assistant.Assistant;
import org.codedesk.catalog.DateOfService;
import org.codedesk.metering.CodePageViews;
import org.codedesk.metering.Viewers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /api/v1/ask}: the assistant's answer as JSON, metered like the page; a guest (no token, no session) gets
 * the code pages' gate instead of members' facts, as on the page.
 */
@RestController
@Tag(name = "Assistant", description = "Coding questions answered from CodeDesk's data, with citations")
class AskApiController {

    private final Assistant assistant;
    private final CodePageViews quotas;
    private final Viewers viewers;

    AskApiController(Assistant assistant, CodePageViews quotas, Viewers viewers) {
        this.assistant = assistant;
        this.quotas = quotas;
        this.viewers = viewers;
    }

    /** A question and an optional date of service (YYYY-MM-DD). */
    record Question(String question, String date) { }

    @PostMapping("/api/v1/ask")
    @Operation(summary = "Ask a coding question", description = "Body {question, date}. The answer's statements each cite their"
            + " sources; 'missing' says what data an answer would need that is not imported. NCCI edits, MUE, fee schedule, GEMs and"
            + " coverage are for members (send an API token): a guest's answer says 'Register to view content' in their place.")
    ResponseEntity<?> ask(@RequestBody Question question, HttpServletRequest request, HttpServletResponse response) {
        try {
            var date = DateOfService.parse(question.date());
            Assistant.requireQuestion(question.question());
            if (!quotas.assistantQuestion(viewers.of(request, response))) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, AskController.QUOTA);
                problem.setTitle("Assistant question limit reached");
                return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).body(problem);
            }
            Answer answer = assistant.answer(question.question(), date, AskController.reader(request));
            return ResponseEntity.ok(answer);
        } catch (org.springframework.web.server.ResponseStatusException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
            problem.setTitle("Invalid question");
            return ResponseEntity.status(e.getStatusCode()).body(problem);
        } catch (IllegalArgumentException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
            problem.setTitle("Invalid question");
            return ResponseEntity.badRequest().body(problem);
        }
    }
}
