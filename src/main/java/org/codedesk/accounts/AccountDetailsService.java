package org.codedesk.accounts;

import java.time.Instant;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Spring Security's view of an account: locked while a lockout runs, disabled until the email is verified. */
@Component
class AccountDetailsService implements UserDetailsService {

    private final AccountRepository repository;

    AccountDetailsService(AccountRepository repository) {
        this.repository = repository;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        Account account = repository.byEmail(email).orElseThrow(() -> new UsernameNotFoundException("no account"));
        return User.withUsername(account.email())
                .password(account.passwordHash())
                .authorities(account.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList())
                .accountLocked(account.lockedAt(Instant.now()))
                .disabled(account.disabled() || !account.emailVerified())
                .build();
    }
}
