package org.codedesk.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.codedesk.accounts.SecurityHeaders;

/**
 * Tomcat's own error pages, for the requests it refuses before any filter runs (an invalid character in the request
 * line, a malformed header): the site's security headers, and neither Tomcat's name and version nor a report. Public
 * with a public constructor because Tomcat may create it by name ({@code errorReportValveClass}).
 */
public class SecuredErrorReportValve extends ErrorReportValve {

    public SecuredErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (response.getStatus() >= 400 && !response.isCommitted()) {
            SecurityHeaders.addMissing(response);
        }
        super.report(request, response, throwable);
    }
}
