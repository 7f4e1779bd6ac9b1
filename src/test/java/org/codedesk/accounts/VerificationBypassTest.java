package org.codedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.servlet.http.Cookie;

/**
 * Issue 17, finding 1: a reset link mailed to one address must not verify another. The attack: register and confirm an
 * address, ask for a reset link, change the account's email to a configured administrator's (unconfirmed), open the old
 * link and set a password. Before the fix the new address came out verified, and the admin list made it ADMIN.
 */
@SpringBootTest(properties = "codedesk.admin.emails=" + VerificationBypassTest.ADMIN_EMAIL)
@AutoConfigureMockMvc
class VerificationBypassTest {

    static final String ADMIN_EMAIL = "chief-admin@codedesk.example";

    @RegisterExtension
    static GreenMailExtension mail = org.codedesk.TestMail.greenMail();

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired MockMvc mvc;
    @Autowired AccountRepository repository;
    @Autowired AccountAdministration administration;
    @Autowired Accounts accounts;

    private static String email() {
        return "coder-" + UUID.randomUUID() + "@example.org";
    }

    private String registeredAndConfirmed() throws Exception {
        String email = email();
        mvc.perform(post("/register").with(csrf()).param("email", email).param("password", PASSWORD)).andExpect(status().isOk());
        mvc.perform(get(AccountMailbox.latestLink(mail, email, "/verify")));
        return email;
    }

    private String resetLink(String email) throws Exception {
        mvc.perform(post("/password/forgot").with(csrf()).param("email", email)).andExpect(status().isOk());
        return AccountMailbox.latestLink(mail, email, "/password/reset");
    }

    private String reset(String link, String password) throws Exception {
        return mvc.perform(post("/password/reset").with(csrf()).param("token", AccountMailbox.token(link)).param("password", password))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void anOldResetLinkNeitherWorksAfterAnEmailChangeNorVerifiesTheNewAddressNorGrantsAdmin() throws Exception {
        String attacker = registeredAndConfirmed();
        String link = resetLink(attacker);
        Cookie session = MockSessions.logIn(mvc, attacker, PASSWORD);
        mvc.perform(post("/account/email").cookie(session).with(csrf()).param("password", PASSWORD).param("email", ADMIN_EMAIL))
                .andExpect(redirectedUrl("/login"));
        long id = repository.byEmail(ADMIN_EMAIL).orElseThrow().id();

        assertThat(reset(link, "the attacker's new passphrase")).contains(Accounts.LINK_NOT_VALID);

        Account account = repository.byId(id).orElseThrow();
        assertThat(account.emailVerified()).isFalse();
        mvc.perform(formLogin("/login").user("email", ADMIN_EMAIL).password("the attacker's new passphrase")).andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user("email", ADMIN_EMAIL).password(PASSWORD)).andExpect(unauthenticated());
        administration.grantConfiguredAdmins(); // what a restart does
        assertThat(repository.byId(id).orElseThrow().roles()).containsExactly(Role.MEMBER);
        mvc.perform(get("/admin/users").cookie(session)).andExpect(status().is3xxRedirection());
    }

    @Test
    void aPasswordResetNeverVerifiesAnAddressOnlyItsOwnLinkDoes() throws Exception {
        String email = email();
        mvc.perform(post("/register").with(csrf()).param("email", email).param("password", PASSWORD)).andExpect(status().isOk());
        String verify = AccountMailbox.latestLink(mail, email, "/verify");
        mvc.perform(post("/password/reset").with(csrf()).param("token", AccountMailbox.token(resetLink(email)))
                .param("password", "a brand new long passphrase")).andExpect(redirectedUrl("/login"));
        assertThat(repository.byEmail(email).orElseThrow().emailVerified()).isFalse();
        mvc.perform(formLogin("/login").user("email", email).password("a brand new long passphrase")).andExpect(unauthenticated());
        mvc.perform(get(verify));
        mvc.perform(formLogin("/login").user("email", email).password("a brand new long passphrase")).andExpect(authenticated());
    }

    @Test
    void aLinkIsGoodOnlyWhileTheAccountHasTheAddressItWasMailedTo() {
        String first = email();
        String second = email();
        long id = repository.create(first, "{noop}unused", java.util.EnumSet.of(Role.MEMBER));
        repository.saveToken(Accounts.hash("link-for-the-first-address"), id, first, "VERIFY", java.time.Instant.now().plusSeconds(3600));
        repository.setEmail(id, second);
        assertThat(accounts.verify("link-for-the-first-address")).isFalse();
        assertThat(repository.byId(id).orElseThrow().emailVerified()).isFalse();
        repository.setEmail(id, first);
        assertThat(accounts.verify("link-for-the-first-address")).isTrue();
    }

    @Test
    void anEmailChangeKillsEveryPendingLinkOfTheAccount() throws Exception {
        String first = registeredAndConfirmed();
        String reset = resetLink(first);
        Cookie session = MockSessions.logIn(mvc, first, PASSWORD);
        String second = email();
        mvc.perform(post("/account/email").cookie(session).with(csrf()).param("password", PASSWORD).param("email", second))
                .andExpect(redirectedUrl("/login"));
        long id = repository.byEmail(second).orElseThrow().id();
        repository.setEmail(id, first); // even with the first address back, its links stay dead
        assertThat(reset(reset, "a brand new long passphrase")).contains(Accounts.LINK_NOT_VALID);
    }

    @Test
    void onlyTheNewestResetLinkWorks() throws Exception {
        String email = registeredAndConfirmed();
        String older = resetLink(email);
        mvc.perform(post("/password/forgot").with(csrf()).param("email", email)).andExpect(status().isOk());
        String newer = AccountMailbox.link(mail, email, "/password/reset", 2);
        assertThat(newer).isNotEqualTo(older);
        assertThat(reset(older, "a brand new long passphrase")).contains(Accounts.LINK_NOT_VALID);
        mvc.perform(post("/password/reset").with(csrf()).param("token", AccountMailbox.token(newer)).param("password", "a brand new long passphrase"))
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void aPasswordChangeKillsPendingResetLinks() throws Exception {
        String email = registeredAndConfirmed();
        String link = resetLink(email);
        Cookie session = MockSessions.logIn(mvc, email, PASSWORD);
        mvc.perform(post("/account/password").cookie(session).with(csrf()).param("current", PASSWORD).param("password", "another long passphrase"))
                .andExpect(redirectedUrl("/account"));
        assertThat(reset(link, "the thief's long passphrase")).contains(Accounts.LINK_NOT_VALID);
        mvc.perform(formLogin("/login").user("email", email).password("another long passphrase")).andExpect(authenticated());
    }
}
