package org.codedesk.fhir.server;

import org.codedesk.metering.CodePageViews;
import org.codedesk.metering.Viewers;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Counts every FHIR call except {@code metadata} against the plan's API quota, as {@code /api/v1} calls are: the
 * member behind the API token (or the session), else the guest. Over the quota: 429 with an OperationOutcome.
 */
@Interceptor
public class FhirCallMeter {

    private final CodePageViews quotas;
    private final Viewers viewers;

    FhirCallMeter(CodePageViews quotas, Viewers viewers) {
        this.quotas = quotas;
        this.viewers = viewers;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
    public boolean meter(RequestDetails details, HttpServletRequest request, HttpServletResponse response) {
        if (details.getRestOperationType() == RestOperationTypeEnum.METADATA || quotas.apiCall(viewers.of(request, response))) {
            return true;
        }
        throw new UnclassifiedServerFailureException(429, "API call limit reached: your plan's API calls for this period are used up."
                + " See /plans.");
    }
}
