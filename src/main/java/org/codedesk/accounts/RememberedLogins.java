package org.codedesk.accounts;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.rememberme.CookieTheftException;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Remember-me logins kept in the database ({@code persistent_logins}, Spring Security's persistent tokens): the cookie
 * carries a random series and token, never the email, is sent only with same-site requests (SameSite=Lax), and gets a
 * new token at each use. A cookie whose series is known but whose token is old (stolen and replayed, or two requests
 * racing with one cookie) ends all of the member's remember-me logins; that request then goes on as a guest's instead
 * of failing. Logging out forgets the member's remember-me logins too.
 */
class RememberedLogins extends PersistentTokenBasedRememberMeServices {

    private static final Logger log = LoggerFactory.getLogger(RememberedLogins.class);

    RememberedLogins(String key, AccountDetailsService accounts, DataSource dataSource) {
        super(key, accounts, tokens(dataSource));
        setParameter("remember");
        setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
    }

    private static JdbcTokenRepositoryImpl tokens(DataSource dataSource) {
        JdbcTokenRepositoryImpl tokens = new JdbcTokenRepositoryImpl();
        tokens.setDataSource(dataSource);
        return tokens;
    }

    @Override
    public Authentication autoLogin(HttpServletRequest request, HttpServletResponse response) {
        try {
            return super.autoLogin(request, response);
        } catch (CookieTheftException e) { // the member's remember-me logins are deleted and this cookie cancelled already
            log.warn("A remember-me cookie was used again after it had been renewed; the member's remember-me logins are ended");
            return null;
        }
    }
}
