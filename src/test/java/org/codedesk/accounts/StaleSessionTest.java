package org.codedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.servlet.http.Cookie;

/**
 * Issue 17, finding 2: what changes about an account reaches its existing sessions on their next request (a demoted
 * admin, a disabled member), the other sessions and remember-me logins end on a password change or reset, an email
 * change and "log out everywhere", and the remember-me cookie carries no readable email.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StaleSessionTest {

    @RegisterExtension
    static GreenMailExtension mail = org.codedesk.TestMail.greenMail();

    private static final String PASSWORD = "a perfectly long passphrase";

    @Autowired MockMvc mvc;
    @Autowired AccountRepository repository;
    @Autowired AccountAdministration administration;
    @Autowired ApiTokens tokens;
    @Autowired PasswordEncoder encoder;

    private String account(Role... roles) {
        String email = "session-" + UUID.randomUUID() + "@example.org";
        EnumSet<Role> granted = EnumSet.of(Role.MEMBER);
        granted.addAll(java.util.List.of(roles));
        repository.markVerified(repository.create(email, encoder.encode(PASSWORD), granted));
        return email;
    }

    private long id(String email) {
        return repository.byEmail(email).orElseThrow().id();
    }

    /** The account page answers this session (200), or sends it to log in (the session has ended). */
    private void assertLoggedIn(Cookie session, boolean expected) throws Exception {
        MvcResult result = mvc.perform(get("/account").cookie(session)).andReturn();
        if (expected) {
            assertThat(result.getResponse().getStatus()).as("session still logged in").isEqualTo(200);
        } else {
            assertThat(result.getResponse().getRedirectedUrl()).as("session ended").endsWith("/login");
        }
    }

    @Test
    void aDemotedAdminLosesTheAdminAreaOnTheNextRequest() throws Exception {
        String admin = account(Role.ADMIN);
        String other = account();
        Cookie session = MockSessions.logIn(mvc, admin, PASSWORD);
        mvc.perform(get("/admin/users").cookie(session)).andExpect(status().isOk());

        administration.setRoles("another admin", id(admin), EnumSet.of(Role.MEMBER));

        mvc.perform(get("/admin/users").cookie(session)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/" + id(other) + "/roles").cookie(session).with(csrf()).param("roles", "ADMIN"))
                .andExpect(status().isForbidden());
        assertThat(repository.byEmail(other).orElseThrow().roles()).containsExactly(Role.MEMBER);
        assertLoggedIn(session, true); // still a member
    }

    @Test
    void aPromotionReachesTheSessionToo() throws Exception {
        String editor = account();
        Cookie session = MockSessions.logIn(mvc, editor, PASSWORD);
        mvc.perform(get("/admin/users").cookie(session)).andExpect(status().isForbidden());
        administration.setRoles("an admin", id(editor), EnumSet.of(Role.ADMIN));
        mvc.perform(get("/admin/users").cookie(session)).andExpect(status().isOk());
    }

    @Test
    void aDisabledMemberIsLoggedOutAndCannotCreateAnApiToken() throws Exception {
        String member = account();
        Cookie session = MockSessions.logIn(mvc, member, PASSWORD);
        assertLoggedIn(session, true);

        administration.setDisabled("an admin", id(member), true);

        assertLoggedIn(session, false);
        mvc.perform(post("/account/tokens").cookie(session).with(csrf()).param("name", "after disabling"));
        assertThat(tokens.of(member)).isEmpty();
    }

    @Test
    void aDisabledMembersApiTokenIsRefused() throws Exception {
        String member = account();
        Cookie session = MockSessions.logIn(mvc, member, PASSWORD);
        String token = String.valueOf(mvc.perform(post("/account/tokens").cookie(session).with(csrf()).param("name", "billing"))
                .andReturn().getFlashMap().get("newToken"));
        mvc.perform(get("/api/v1/jobs").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

        administration.setDisabled("an admin", id(member), true);

        mvc.perform(get("/api/v1/jobs").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsAndKeepsThisOne() throws Exception {
        String member = account();
        Cookie here = MockSessions.logIn(mvc, member, PASSWORD);
        Cookie elsewhere = MockSessions.logIn(mvc, member, PASSWORD);
        mvc.perform(post("/account/password").cookie(here).with(csrf()).param("current", PASSWORD).param("password", "another long passphrase"))
                .andExpect(redirectedUrl("/account"));
        assertLoggedIn(elsewhere, false);
        assertLoggedIn(here, true);
    }

    @Test
    void aPasswordResetEndsEverySession() throws Exception {
        String member = account();
        Cookie elsewhere = MockSessions.logIn(mvc, member, PASSWORD);
        mvc.perform(post("/password/forgot").with(csrf()).param("email", member));
        String link = AccountMailbox.latestLink(mail, member, "/password/reset");
        mvc.perform(post("/password/reset").with(csrf()).param("token", AccountMailbox.token(link)).param("password", "another long passphrase"))
                .andExpect(redirectedUrl("/login"));
        assertLoggedIn(elsewhere, false);
    }

    @Test
    void anEmailChangeEndsEverySession() throws Exception {
        String member = account();
        Cookie here = MockSessions.logIn(mvc, member, PASSWORD);
        Cookie elsewhere = MockSessions.logIn(mvc, member, PASSWORD);
        mvc.perform(post("/account/email").cookie(here).with(csrf()).param("password", PASSWORD)
                .param("email", "moved-" + UUID.randomUUID() + "@example.org")).andExpect(redirectedUrl("/login"));
        assertLoggedIn(elsewhere, false);
        assertLoggedIn(here, false);
    }

    @Test
    void logOutEverywhereEndsEverySessionAndRememberedDevice() throws Exception {
        String member = account();
        Cookie here = MockSessions.logIn(mvc, member, PASSWORD);
        Cookie elsewhere = MockSessions.logIn(mvc, member, PASSWORD);
        Cookie remembered = rememberMeLogin(member);
        // the cookie alone (a browser whose session expired) logs in, and is renewed at each use
        remembered = mvc.perform(get("/account").cookie(remembered)).andExpect(status().isOk()).andReturn().getResponse().getCookie("remember-me");
        assertThat(remembered).isNotNull();
        assertThat(mvc.perform(get("/account").cookie(here)).andReturn().getResponse().getContentAsString()).contains("Log out everywhere");

        mvc.perform(post("/account/logout-everywhere").cookie(here).with(csrf())).andExpect(redirectedUrl("/login"));

        assertLoggedIn(elsewhere, false);
        assertLoggedIn(here, false);
        assertLoggedIn(remembered, false);
    }

    @Test
    void aPasswordChangeEndsRememberedDevices() throws Exception {
        String member = account();
        Cookie remembered = rememberMeLogin(member);
        Cookie here = MockSessions.logIn(mvc, member, PASSWORD);
        mvc.perform(post("/account/password").cookie(here).with(csrf()).param("current", PASSWORD).param("password", "another long passphrase"));
        assertLoggedIn(remembered, false);
    }

    @Test
    void theRememberMeCookieHoldsNoEmailAndIsSameSite() throws Exception {
        String member = account();
        MvcResult login = mvc.perform(post("/login").with(csrf()).param("email", member).param("password", PASSWORD).param("remember", "true"))
                .andReturn();
        Cookie cookie = login.getResponse().getCookie("remember-me");
        assertThat(cookie).isNotNull();
        String decoded = new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
        assertThat(decoded).doesNotContain(member).doesNotContain("@").doesNotContain(member.substring(0, 8));
        assertThat(cookie.getAttribute("SameSite")).isEqualTo("Lax");
        assertThat(cookie.isHttpOnly()).isTrue(); // the header a real server writes: SessionsOnARealServerTest
    }

    /** Logs in with "keep me logged in" and returns the remember-me cookie alone (a browser whose session has expired). */
    private Cookie rememberMeLogin(String email) throws Exception {
        MvcResult login = mvc.perform(post("/login").with(csrf()).param("email", email).param("password", PASSWORD).param("remember", "true"))
                .andReturn();
        Cookie cookie = login.getResponse().getCookie("remember-me");
        assertThat(cookie).isNotNull();
        return cookie;
    }
}
