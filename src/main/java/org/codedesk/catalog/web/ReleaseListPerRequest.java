package org.codedesk.catalog.web;

import java.io.IOException;

import org.codedesk.catalog.Catalog;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Each HTTP request reads the release list at most once: a code page asks for it in the quota check, for the page and in
 * the layout's catalog notice, and one read at the request's first ask is as fresh as the request needs (an import on
 * another node shows on the next request). See {@link Catalog#readReleasesOncePerRequest}.
 */
@Component
class ReleaseListPerRequest extends OncePerRequestFilter {

    private final Catalog catalog;

    ReleaseListPerRequest(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (Catalog.RequestScope once = catalog.readReleasesOncePerRequest()) {
            chain.doFilter(request, response);
        }
    }
}
