package org.codedesk.accounts;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import jakarta.servlet.http.Cookie;

/**
 * Real logins through the form in MockMvc, each returning its own session cookie (sessions live in the database), so a
 * test can hold several sessions of one account, as several browsers would.
 */
final class MockSessions {

    private MockSessions() {
    }

    /** Logs in from the default client address; returns the session cookie, or fails when the login did not succeed. */
    static Cookie logIn(MockMvc mvc, String email, String password) throws Exception {
        return logIn(mvc, email, password, "127.0.0.1");
    }

    static Cookie logIn(MockMvc mvc, String email, String password, String client) throws Exception {
        MvcResult result = attempt(mvc, email, password, client).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        if (location == null || location.contains("/login")) {
            throw new AssertionError("login of " + email + " failed: redirected to " + location);
        }
        return result.getResponse().getCookie("SESSION");
    }

    static org.springframework.test.web.servlet.ResultActions attempt(MockMvc mvc, String email, String password, String client) throws Exception {
        return mvc.perform(post("/login").with(csrf()).with(from(client)).param("email", email).param("password", password));
    }

    /** A request from this client address. */
    static RequestPostProcessor from(String client) {
        return request -> {
            request.setRemoteAddr(client);
            return request;
        };
    }
}
