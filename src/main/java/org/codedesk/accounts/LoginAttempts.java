package org.codedesk.accounts;

import java.time.Duration;
import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Login throttling: after {@link #LIMIT} wrong passwords in a row an account is locked for {@link #LOCKOUT};
 * a successful login clears the count. Unknown emails cost nothing to track and reveal nothing.
 */
@Component
class LoginAttempts {

    static final int LIMIT = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final AccountRepository repository;

    LoginAttempts(AccountRepository repository) {
        this.repository = repository;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        repository.recordFailure(String.valueOf(event.getAuthentication().getPrincipal()), LIMIT, Instant.now().plus(LOCKOUT));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        repository.recordSuccess(event.getAuthentication().getName());
    }
}
