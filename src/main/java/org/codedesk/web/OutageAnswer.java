package org.codedesk.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.codedesk.accounts.SecurityHeaders;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 503 answer while the database cannot be reached, with Retry-After and the security headers, in the form the
 * client reads: RFC 9457 problem+json under {@code /api}, a FHIR OperationOutcome under {@code /fhir}, else a page. The
 * page is rendered with {@code outage} set, so the layout leaves out its header links and the catalog notice, which ask
 * who is logged in (the session lives in the database) and what the catalog holds.
 */
@Component
@ConditionalOnWebApplication // the command-line import has no pages to answer
class OutageAnswer {

    static final String MESSAGE = "CodeDesk cannot reach its database at the moment. Nothing you sent was lost or changed;"
            + " please try again in " + DatabaseOutage.RETRY_AFTER_SECONDS + " seconds.";

    private final ITemplateEngine templates;
    private final JsonMapper json;

    OutageAnswer(ITemplateEngine templates, JsonMapper json) {
        this.templates = templates;
        this.json = json;
    }

    /** Writes the answer; false (and nothing written) when the response has already gone out. */
    boolean write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return false;
        }
        response.reset();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
        SecurityHeaders.addMissing(response);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String body;
        if (path.startsWith("/api/")) {
            response.setContentType("application/problem+json");
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", "Service Unavailable");
            problem.put("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            problem.put("detail", MESSAGE);
            problem.put("instance", path);
            body = json.writeValueAsString(problem);
        } else if (path.equals("/fhir") || path.startsWith("/fhir/")) {
            response.setContentType("application/fhir+json");
            body = json.writeValueAsString(Map.of("resourceType", "OperationOutcome", "issue",
                    java.util.List.of(Map.of("severity", "error", "code", "transient", "diagnostics", MESSAGE))));
        } else {
            response.setContentType("text/html;charset=UTF-8");
            body = templates.process("web/unavailable", new Context(Locale.ENGLISH, Map.of("message", MESSAGE, "outage", true)));
        }
        response.getWriter().write(body);
        response.flushBuffer();
        return true;
    }
}
