package org.codedesk.accounts;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The logged-in session of the current request: after the member's own change that ends every session (a new
 * password), {@link #keepCurrent} lets this one go on with the account's new stamp; {@link SessionAccountFilter}
 * uses {@link #store} when the roles changed.
 */
@Component
public class AccountSessions {

    private final AccountRepository repository;
    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

    AccountSessions(AccountRepository repository) {
        this.repository = repository;
    }

    /** Keeps the request's session logged in as the (changed) account of {@code email}, as it is stored now. */
    public void keepCurrent(String email, HttpServletRequest request, HttpServletResponse response) {
        repository.byEmail(email).filter(Account::usable).ifPresent(account -> store(account, request, response));
    }

    /** Puts the account as stored (roles, stamp) into this request's security context and its session. */
    void store(Account account, HttpServletRequest request, HttpServletResponse response) {
        AccountUser user = AccountUser.forSession(account);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
