package org.codedesk.accounts;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Spring Security's view of an account, for the login form and remember-me: disabled until the email is verified or
 * while an administrator has disabled it. Wrong passwords never lock the account (see {@link LoginAttempts}).
 */
@Component
class AccountDetailsService implements UserDetailsService {

    private final AccountRepository repository;

    AccountDetailsService(AccountRepository repository) {
        this.repository = repository;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return AccountUser.forLogin(repository.byEmail(email).orElseThrow(() -> new UsernameNotFoundException("no account")));
    }
}
