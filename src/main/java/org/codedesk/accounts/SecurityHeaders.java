package org.codedesk.accounts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The security headers Spring Security writes on every response, for the responses it never sees: Tomcat's own error
 * pages (a request Tomcat refuses before any filter) and answers written ahead of the security filters (the database
 * outage page). Same values as {@link SecurityConfiguration}; a header the response already has is left alone.
 */
public final class SecurityHeaders {

    private static final Map<String, String> HEADERS = headers();

    private SecurityHeaders() {
    }

    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.put("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        return headers;
    }

    /** The headers and their values, in a fixed order. */
    public static Map<String, String> all() {
        return HEADERS;
    }

    /** Sets each header the response does not have yet. */
    public static void addMissing(jakarta.servlet.http.HttpServletResponse response) {
        HEADERS.forEach((name, value) -> {
            if (!response.containsHeader(name)) {
                response.setHeader(name, value);
            }
        });
    }
}
