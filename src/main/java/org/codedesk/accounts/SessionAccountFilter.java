package org.codedesk.accounts;

import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Checks every request of a logged-in session against the account as stored, so that what an administrator or the
 * member changes takes effect on the next request of every session, on every node: the session ends when the account
 * is gone, disabled or unconfirmed, or when its session stamp moved on (password or email changed, password reset,
 * "log out everywhere"); the roles are reloaded when they changed. One primary-key read per request.
 *
 * <p>Only sessions that logged in through CodeDesk carry an {@link AccountUser}; API token requests are checked by
 * {@link ApiTokenFilter} on each call anyway.
 */
class SessionAccountFilter extends OncePerRequestFilter {

    /** The request attribute holding the account this filter read and found usable for the request. */
    static final String CHECKED_ACCOUNT = SessionAccountFilter.class.getName() + ".account";

    private final AccountRepository repository;
    private final AccountSessions sessions;

    SessionAccountFilter(AccountRepository repository, AccountSessions sessions) {
        this.repository = repository;
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountUser user) {
            Optional<Account> account = repository.byId(user.accountId());
            if (account.isEmpty() || !account.get().usable() || account.get().sessionStamp() != user.sessionStamp()
                    || !account.get().email().equals(user.getUsername())) {
                end(request);
            } else {
                if (!new HashSet<>(authentication.getAuthorities()).equals(new HashSet<>(AccountUser.authorities(account.get())))) {
                    sessions.store(account.get(), request, response);
                }
                // the account as it is now: the rest of the request asks it of Accounts.member(request) without reading it again
                request.setAttribute(CHECKED_ACCOUNT, account.get());
            }
        }
        chain.doFilter(request, response);
    }

    /** Logs this request out and ends its session: the request goes on as a guest's (and is refused where it must be). */
    private static void end(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
