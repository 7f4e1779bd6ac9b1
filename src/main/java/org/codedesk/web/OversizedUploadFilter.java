package org.codedesk.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

/**
 * An upload over the multipart limits ({@code spring.servlet.multipart.*}): Tomcat stops reading it, and from then on
 * every {@code getParameter} throws, so the CSRF check (the first to ask) would end the request with a bare 413. This
 * filter, ahead of the security filters, reads the form first; when it is over the limit the request goes on with the
 * parameters of its address only (the upload forms carry their CSRF token there too), and reading the upload fails with
 * the size error, which the page answers with its own form error. Other requests pass untouched.
 */
class OversizedUploadFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        try {
            request.getParameterMap(); // parses the form, as the CSRF check would
        } catch (IllegalStateException e) {
            if (!overLimit(e)) {
                throw e;
            }
            chain.doFilter(new OversizedUpload(request, e), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean overLimit(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SizeException) {
                return true;
            }
        }
        return false;
    }

    /** The request of an upload over the limit: its address's parameters, and the size error for its parts. */
    static final class OversizedUpload extends HttpServletRequestWrapper {

        private final Map<String, String[]> queryParameters;
        private final IllegalStateException failure;

        OversizedUpload(HttpServletRequest request, IllegalStateException failure) {
            super(request);
            this.failure = failure;
            this.queryParameters = Collections.unmodifiableMap(parse(request.getQueryString()));
        }

        private static Map<String, String[]> parse(String query) {
            Map<String, String[]> parameters = new LinkedHashMap<>();
            if (query == null || query.isEmpty()) {
                return parameters;
            }
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name;
                String value;
                try {
                    name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    continue; // a malformed escape: not a parameter any page reads
                }
                parameters.merge(name, new String[] {value}, (a, b) -> {
                    String[] both = java.util.Arrays.copyOf(a, a.length + 1);
                    both[a.length] = b[0];
                    return both;
                });
            }
            return parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] values = queryParameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return queryParameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(queryParameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return queryParameters.get(name);
        }

        @Override
        public Collection<Part> getParts() {
            throw failure;
        }

        @Override
        public Part getPart(String name) {
            throw failure;
        }
    }
}
