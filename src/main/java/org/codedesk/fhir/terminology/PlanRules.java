package org.codedesk.fhir.terminology;

import org.codedesk.catalog.CodeSummary;
import org.codedesk.metering.Allowance;
import org.codedesk.metering.CodePageViews;
import org.codedesk.metering.Viewers;
import org.springframework.stereotype.Component;

import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The code pages' plan rules for FHIR callers, so that FHIR gives no more than the site and the JSON API: a
 * {@code $lookup} is a code page view (the same counter and item as {@code /codes/...}, re-reading a code in the period
 * is free; over the plan's views: 403), and what the code pages show members only (GEMs) needs a member (401).
 */
@Component
class PlanRules {

    private final CodePageViews views;
    private final Viewers viewers;

    PlanRules(CodePageViews views, Viewers viewers) {
        this.views = views;
        this.viewers = viewers;
    }

    /** Counts the view of the code's page for the caller; refuses over the quota (call it before the page is built). */
    void view(CodeSummary code, HttpServletRequest request, HttpServletResponse response) {
        Allowance allowance = views.view(viewers.of(request, response), code.system().slug() + ":" + code.key());
        if (!allowance.granted()) {
            throw new ForbiddenOperationException("Code page view limit reached. " + views.limitReached(allowance.plan()) + " See /plans.");
        }
    }

    /** Member content (as on the code pages and in /api/v1): a guest gets 401 saying how to get it. */
    void requireMember(HttpServletRequest request, String what) {
        if (request.getUserPrincipal() == null) {
            throw new AuthenticationException(what + " are for members, as on the code pages and in /api/v1: send an API token"
                    + " (Authorization: Bearer cdk_…, from your account page) or log in. Registering is free.");
        }
    }
}
