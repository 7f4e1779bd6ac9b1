package org.codedesk.accounts;

import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The principal of a logged-in session: Spring Security's user plus the account's id and the session stamp it logged in
 * with, so that every request can be checked against the account as stored (see {@link SessionAccountFilter}). It is
 * serialised into the session table, hence {@code Serializable} through {@link User}.
 */
final class AccountUser extends User {

    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final int sessionStamp;

    private AccountUser(Account account, String passwordHash) {
        super(account.email(), passwordHash, account.usable(), true, true, true, authorities(account));
        this.accountId = account.id();
        this.sessionStamp = account.sessionStamp();
    }

    /** The account as Spring Security checks a login: with its password hash. */
    static AccountUser forLogin(Account account) {
        return new AccountUser(account, account.passwordHash());
    }

    /** The account as a session holds it: no password. */
    static AccountUser forSession(Account account) {
        return new AccountUser(account, "");
    }

    static List<GrantedAuthority> authorities(Account account) {
        return account.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    long accountId() {
        return accountId;
    }

    int sessionStamp() {
        return sessionStamp;
    }
}
