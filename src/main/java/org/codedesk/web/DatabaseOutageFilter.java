package org.codedesk.web;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Outermost filter: a request that fails because the database cannot be reached gets 503 with Retry-After
 * ({@link OutageAnswer}), wherever it failed: in a page or API call, in the session filter loading the session, in the
 * security filters (remember-me, API tokens), or while the error page itself was being rendered.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final OutageAnswer answer;

    DatabaseOutageFilter(OutageAnswer answer) {
        this.answer = answer;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false; // the error page asks the database too (the catalog notice)
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseOutage.isCause(e) || !answer.write(request, response)) {
                throw e;
            }
            log.warn("Database unreachable: answered {} {} with 503 ({})", request.getMethod(), request.getRequestURI(), rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
