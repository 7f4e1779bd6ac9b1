package org.codedesk.web;

import java.util.Collection;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the layout shows of the viewer's roles (the menu's links), read from the security context in templates as
 * {@code ${@viewerRoles.anonymous()}}: a direct read, where sec:authorize parsed and evaluated a security expression on
 * every page (a fifth of the rendering of a cached code page, measured with JFR). Links only: each page's own
 * authorisation stays in the security configuration.
 */
@Component("viewerRoles")
public class ViewerRoles {

    /** No one logged in (or no security context at all, as on an error page rendered outside the filter chain). */
    public boolean anonymous() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated();
    }

    /** Whether the viewer holds any of the roles (names without the ROLE_ prefix, as in hasAnyRole). */
    public boolean any(String... roles) {
        if (anonymous()) {
            return false;
        }
        Collection<? extends GrantedAuthority> authorities = SecurityContextHolder.getContext().getAuthentication().getAuthorities();
        for (GrantedAuthority authority : authorities) {
            for (String role : roles) {
                if (("ROLE_" + role).equals(authority.getAuthority())) {
                    return true;
                }
            }
        }
        return false;
    }
}
