package org.codedesk.accounts;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Web security: form login (email and password) throttled per client address ({@link LoginAttempts}), remember-me
 * logins in the database, CSRF on every form, the session id renewed at login, every session checked against its
 * account on each request ({@link SessionAccountFilter}), security headers with a Content-Security-Policy. Reading the catalog and searching is public; account
 * pages are for members. Passwords are hashed with bcrypt (the delegating encoder's default).
 */
@Configuration
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication // the command line import has no web server
    SecurityFilterChain web(HttpSecurity http, AccountDetailsService accounts, ApiTokens apiTokens, LoginAttempts loginAttempts,
                            AccountRepository repository, AccountSessions sessions, DataSource dataSource,
                            @Value("${codedesk.security.remember-me-key:#{T(java.util.UUID).randomUUID().toString()}}") String rememberMeKey)
            throws Exception {
        http.addFilterBefore(new ApiTokenFilter(apiTokens), org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(loginAttempts.filter(), org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new SessionAccountFilter(repository, sessions), org.springframework.security.web.csrf.CsrfFilter.class)
                // token-authenticated API calls carry no browser cookies to forge, so they need no CSRF token; the FHIR
                // terminology service only reads (POST carries operation parameters) and FHIR clients send no CSRF token
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getRequestURI().startsWith("/fhir/")
                        || request.getRequestURI().startsWith("/api/") && request.getHeader("Authorization") != null))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/editor/**").hasAnyRole("EDITOR", "ADMIN")
                        .requestMatchers("/account", "/account/**").authenticated()
                        // the link in a held consult mail's notice: through the login page and back
                        .requestMatchers("/consult/held/**").authenticated()
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/login").usernameParameter("email").failureHandler(loginAttempts.failureHandler()).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?loggedOut"))
                .rememberMe(remember -> remember.key(rememberMeKey).rememberMeServices(new RememberedLogins(rememberMeKey, accounts, dataSource)))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }
}
