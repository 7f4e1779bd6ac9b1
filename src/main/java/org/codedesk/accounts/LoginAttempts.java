package org.codedesk.accounts;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Log-in throttling by client address, never by account alone (which would let anyone lock anyone out): wrong passwords
 * are counted per client address and per (submitted email, client address); past a number of free failures the client
 * waits before its next try, one minute and then twice as long after each further failure, at most an hour. The owner
 * logging in from another address is not affected. Unknown emails are counted exactly like known ones. A success
 * clears the (email, address) count; counts are forgotten a day after their last failure. The counts live in the
 * database ({@code login_throttle}), so every node applies the same ones.
 *
 * <p>The client address is the request's remote address: behind a proxy, set {@code server.forward-headers-strategy}.
 */
@Component
class LoginAttempts {

    /** Wrong passwords for one email from one address before it has to wait. */
    static final int FREE_PER_ACCOUNT = 5;
    /** Wrong passwords from one address, whatever the emails, before it has to wait. */
    static final int FREE_PER_CLIENT = 30;
    static final Duration FIRST_WAIT = Duration.ofMinutes(1);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);
    static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final JdbcTemplate jdbc;
    private final java.time.Clock clock;

    LoginAttempts(JdbcTemplate jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How long the client must still wait before trying this email again; empty when it may try now. */
    Optional<Duration> waitBeforeNextTry(String email, String client, Instant now) {
        List<Timestamp> until = jdbc.queryForList("select blocked_until from login_throttle where throttle_key in (?, ?) and blocked_until > ?",
                Timestamp.class, accountKey(email, client), clientKey(client), Timestamp.from(now));
        return until.stream().map(t -> Duration.between(now, t.toInstant())).max(Duration::compareTo);
    }

    void failed(String email, String client, Instant now) {
        countFailure(accountKey(email, client), FREE_PER_ACCOUNT, now);
        countFailure(clientKey(client), FREE_PER_CLIENT, now);
    }

    void succeeded(String email, String client) {
        jdbc.update("delete from login_throttle where throttle_key = ?", accountKey(email, client));
    }

    /** The wait after the {@code failures}-th failure: none up to {@code free}, then 1, 2, 4... minutes, at most an hour. */
    static Duration waitAfter(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free, 16);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private void countFailure(String key, int free, Instant now) {
        Timestamp at = Timestamp.from(now);
        Timestamp forgotten = Timestamp.from(now.minus(FORGET_AFTER));
        String increment = "update login_throttle set failures = case when last_failure_at < ? then 1 else failures + 1 end,"
                + " last_failure_at = ? where throttle_key = ?";
        if (jdbc.update(increment, forgotten, at, key) == 0) {
            try {
                jdbc.update("insert into login_throttle (throttle_key, failures, last_failure_at) values (?, 1, ?)", key, at);
            } catch (DuplicateKeyException another) { // another node or thread counted the first failure at the same moment
                jdbc.update(increment, forgotten, at, key);
            }
        }
        Integer failures = jdbc.queryForObject("select failures from login_throttle where throttle_key = ?", Integer.class, key);
        Duration wait = waitAfter(failures == null ? 0 : failures, free);
        jdbc.update("update login_throttle set blocked_until = ? where throttle_key = ?", wait.isZero() ? null : Timestamp.from(now.plus(wait)), key);
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 600_000)
    void forgetOldFailures() {
        jdbc.update("delete from login_throttle where last_failure_at < ?", Timestamp.from(clock.instant().minus(FORGET_AFTER)));
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        client(event.getAuthentication()).ifPresent(client ->
                failed(String.valueOf(event.getAuthentication().getPrincipal()), client, clock.instant()));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        client(event.getAuthentication()).ifPresent(client -> succeeded(event.getAuthentication().getName(), client));
    }

    private static Optional<String> client(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? Optional.of(details.getRemoteAddress()) : Optional.empty();
    }

    static String accountKey(String email, String client) {
        return Accounts.hash("account|" + AccountRepository.normalize(email) + "|" + client);
    }

    static String clientKey(String client) {
        return Accounts.hash("client|" + client);
    }

    /** The page that says how long to wait, or the plain error page. */
    AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> response.sendRedirect(request.getContextPath() + loginPage(request));
    }

    private String loginPage(HttpServletRequest request) {
        return waitBeforeNextTry(request.getParameter("email"), request.getRemoteAddr(), clock.instant()).map(w -> "/login?wait=" + minutes(w)).orElse("/login?error");
    }

    /** Whole minutes, rounded up, so "try again in 1 minute" is never too early. */
    static long minutes(Duration wait) {
        return Math.max(1, (wait.getSeconds() + 59) / 60);
    }

    /** Turns a waiting client away before its password is even checked (so a wait reveals nothing about the password). */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod()) && (request.getContextPath() + "/login").equals(request.getRequestURI()));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Optional<Duration> wait = waitBeforeNextTry(request.getParameter("email"), request.getRemoteAddr(), clock.instant());
                if (wait.isPresent()) {
                    response.sendRedirect(request.getContextPath() + "/login?wait=" + minutes(wait.get()));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }
}
