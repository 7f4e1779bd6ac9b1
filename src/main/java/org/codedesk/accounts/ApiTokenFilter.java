package org.codedesk.accounts;

import java.io.IOException;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates {@code /api/**} and {@code /fhir/**} requests that carry {@code Authorization: Bearer cdk_...} as the token's owner.
 * The owner is read on every call, so a token of a disabled account stops at once. A bearer token that is unknown or
 * revoked, or whose account is disabled or unconfirmed, gets 401 (problem+json, or an OperationOutcome under {@code /fhir}), never a
 * silent fall back to guest.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;

    ApiTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return !(request.getRequestURI().startsWith("/api/") || request.getRequestURI().startsWith("/fhir/")) || header == null || !header.startsWith("Bearer ");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader("Authorization").substring("Bearer ".length()).trim();
        var owner = tokens.owner(token);
        if (owner.isEmpty()) {
            String detail = "The API token is unknown or revoked, or its account is disabled. Create one on your account page.";
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            if (request.getRequestURI().startsWith("/fhir/")) {
                response.setContentType("application/fhir+json");
                response.getWriter().write("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"login\","
                        + "\"diagnostics\":\"" + detail + "\"}]}");
            } else {
                response.setContentType("application/problem+json");
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"" + detail + "\"}");
            }
            return;
        }
        Account account = owner.get();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(account.email(), null,
                account.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
        SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
