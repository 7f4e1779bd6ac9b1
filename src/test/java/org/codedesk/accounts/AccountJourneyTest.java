package org.codedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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


/** Registration, email verification, login, lockout and password reset, with GreenMail as a real SMTP server. */
@SpringBootTest
@AutoConfigureMockMvc
class AccountJourneyTest {

    @RegisterExtension
    static GreenMailExtension mail = org.codedesk.TestMail.greenMail();

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;

    private static String email() {
        return "coder-" + UUID.randomUUID() + "@example.org";
    }

    private String register(String email, String password) throws Exception {
        return mvc.perform(post("/register").with(csrf()).param("email", email).param("password", password))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String link(String to, String path) throws Exception {
        return AccountMailbox.latestLink(mail, to, path);
    }

    @Test
    void registerVerifyByEmailLinkThenLogIn() throws Exception {
        String email = email();
        assertThat(register(email, PASSWORD)).contains("a message is on its way");
        mvc.perform(formLogin("/login").user("email", email).password(PASSWORD)).andExpect(unauthenticated()); // not verified yet
        String verify = link(email, "/verify");
        assertThat(mvc.perform(get(verify)).andReturn().getResponse().getContentAsString()).contains("Your email address is confirmed");
        assertThat(mvc.perform(get(verify)).andReturn().getResponse().getContentAsString()).contains("not valid any more"); // single use
        mvc.perform(formLogin("/login").user("email", email).password(PASSWORD)).andExpect(authenticated().withRoles("MEMBER"));
    }

    @Test
    void weakPasswordsAreRefusedWithTheRulesShown() throws Exception {
        String html = register(email(), "short");
        assertThat(html).contains("The password must have at least 12 characters.").contains("at least 12 characters (a few words");
        String named = register("annabelle@example.org", "annabelle-is-here-1");
        assertThat(named).contains("must not contain the name part of your email address");
    }

    @Test
    void aKnownEmailGetsTheSameAnswerAndItsOwnerIsTold() throws Exception {
        String email = email();
        String first = register(email, PASSWORD);
        String again = register(email, PASSWORD); // not confirmed yet: its owner gets a new link, the first one dies
        assertThat(again).isEqualTo(first);
        String newest = AccountMailbox.link(mail, email, "/verify", 2);
        assertThat(mvc.perform(get(AccountMailbox.link(mail, email, "/verify", 1))).andReturn().getResponse().getContentAsString())
                .contains("not valid any more");
        assertThat(mvc.perform(get(newest)).andReturn().getResponse().getContentAsString()).contains("Your email address is confirmed");
        assertThat(register(email, PASSWORD)).isEqualTo(first); // confirmed: its owner is told
        assertThat(AccountMailbox.subjects(mail, email, 3)).containsExactlyInAnyOrder("Confirm your email address for CodeDesk",
                "Confirm your email address for CodeDesk", "Someone tried to register with your email address");
        assertThat(mvc.perform(post("/password/forgot").with(csrf()).param("email", "nobody-" + email)).andReturn().getResponse()
                .getContentAsString()).isEqualTo(mvc.perform(post("/password/forgot").with(csrf()).param("email", email)).andReturn()
                .getResponse().getContentAsString());
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/register").param("email", email()).param("password", PASSWORD)).andExpect(status().isForbidden());
        mvc.perform(post("/login").param("email", email()).param("password", PASSWORD)).andExpect(status().isForbidden());
    }

    @Test
    void repeatedWrongPasswordsMakeThatClientWaitForThatAccount() throws Exception {
        String email = email();
        register(email, PASSWORD);
        mvc.perform(get(link(email, "/verify")));
        for (int i = 1; i < LoginAttempts.FREE_PER_ACCOUNT; i++) {
            mvc.perform(formLogin("/login").user("email", email).password("wrong password " + i)).andExpect(unauthenticated())
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user("email", email).password("wrong again")).andExpect(redirectedUrl("/login?wait=1"));
        mvc.perform(formLogin("/login").user("email", email).password(PASSWORD)).andExpect(unauthenticated());
    }

    @Test
    void passwordResetBySingleUseLink() throws Exception {
        String email = email();
        register(email, PASSWORD);
        mvc.perform(get(link(email, "/verify")));
        mvc.perform(post("/password/forgot").with(csrf()).param("email", email)).andExpect(status().isOk());
        String reset = link(email, "/password/reset");
        String token = reset.substring(reset.indexOf("token=") + 6);
        assertThat(mvc.perform(post("/password/reset").with(csrf()).param("token", token).param("password", "tiny")).andReturn()
                .getResponse().getContentAsString()).contains("at least 12 characters");
        String newPassword = "a brand new long passphrase";
        mvc.perform(post("/password/reset").with(csrf()).param("token", token).param("password", newPassword))
                .andExpect(redirectedUrl("/login"));
        assertThat(mvc.perform(post("/password/reset").with(csrf()).param("token", token).param("password", newPassword)).andReturn()
                .getResponse().getContentAsString()).contains("This link is not valid any more");
        mvc.perform(formLogin("/login").user("email", email).password(PASSWORD)).andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user("email", email).password(newPassword)).andExpect(authenticated());
    }

    @Test
    void securityHeadersAndMemberPages() throws Exception {
        mvc.perform(get("/"))
                .andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"));
        mvc.perform(get("/account")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/codes")).andExpect(status().isOk());
    }

    private String verifiedMember() throws Exception {
        String email = email();
        register(email, PASSWORD);
        mvc.perform(get(link(email, "/verify")));
        return email;
    }

    @Test
    void membersChangeTheirPasswordWithTheCurrentOne() throws Exception {
        String email = verifiedMember();
        var member = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(email).roles("MEMBER");
        assertThat(mvc.perform(post("/account/password").with(csrf()).with(member).param("current", "not it at all").param("password",
                "another long passphrase")).andReturn().getResponse().getContentAsString()).contains("The current password is not right.");
        mvc.perform(post("/account/password").with(csrf()).with(member).param("current", PASSWORD).param("password", "another long passphrase"))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(formLogin("/login").user("email", email).password("another long passphrase")).andExpect(authenticated());
    }

    @Test
    void aNewEmailMustBeConfirmedAndTheOldAddressIsTold() throws Exception {
        String email = verifiedMember();
        String newEmail = email();
        var member = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(email).roles("MEMBER");
        mvc.perform(post("/account/email").with(csrf()).with(member).param("password", PASSWORD).param("email", newEmail))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(formLogin("/login").user("email", newEmail).password(PASSWORD)).andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user("email", email).password(PASSWORD)).andExpect(unauthenticated());
        mvc.perform(get(link(newEmail, "/verify")));
        mvc.perform(formLogin("/login").user("email", newEmail).password(PASSWORD)).andExpect(authenticated());
        assertThat(AccountMailbox.subjects(mail, email, 2)).contains("Your CodeDesk email address was changed");
    }

    @Test
    void deletingTheAccountRemovesItAndSaysWhatIsKept() throws Exception {
        String email = verifiedMember();
        var member = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(email).roles("MEMBER");
        assertThat(mvc.perform(post("/account/delete").with(csrf()).with(member).param("password", "wrong")).andReturn().getResponse()
                .getContentAsString()).contains("nothing was deleted");
        var deleted = mvc.perform(post("/account/delete").with(csrf()).with(member).param("password", PASSWORD))
                .andExpect(redirectedUrl("/login")).andReturn();
        assertThat(String.valueOf(deleted.getFlashMap().get("message"))).contains("personal data are deleted").contains("Kept: the audit log");
        mvc.perform(formLogin("/login").user("email", email).password(PASSWORD)).andExpect(unauthenticated());
        assertThat(accounts.member(email)).isEmpty();
    }

    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void theSessionIsKeptInTheDatabaseSoAnyNodeCanServeIt() throws Exception {
        String email = verifiedMember();
        mvc.perform(formLogin("/login").user("email", email).password(PASSWORD)).andExpect(authenticated());
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class, email)).isEqualTo(1);
    }
}
