package org.codedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Every admin endpoint checks the ADMIN role on the server; admin actions change accounts and are audited. */
@SpringBootTest
@AutoConfigureMockMvc
class AdminAreaTest {

    private static final RequestPostProcessor ADMIN = user("admin@example.org").roles("ADMIN");
    private static final RequestPostProcessor MEMBER = user("member@example.org").roles("MEMBER");
    private static final String PASSWORD = "a perfectly long passphrase";

    @Autowired MockMvc mvc;
    @Autowired AccountRepository repository;
    @Autowired PasswordEncoder encoder;
    @Autowired Accounts accounts;

    private long verifiedAccount(String email) {
        long id = repository.create(email, encoder.encode(PASSWORD), EnumSet.of(Role.MEMBER));
        repository.markVerified(id);
        return id;
    }

    @Test
    void everyAdminEndpointRefusesMembersAndGuests() throws Exception {
        long id = verifiedAccount("target-" + UUID.randomUUID() + "@example.org");
        for (String url : new String[] {"/admin/users", "/admin/users/" + id, "/admin/audit", "/admin/import"}) {
            mvc.perform(get(url).with(MEMBER)).andExpect(status().isForbidden());
            mvc.perform(get(url)).andExpect(status().is3xxRedirection()); // to the login page
        }
        for (String url : new String[] {"/admin/users/" + id + "/roles", "/admin/users/" + id + "/plan", "/admin/users/" + id + "/disabled"}) {
            mvc.perform(post(url).with(csrf()).with(MEMBER).param("roles", "ADMIN").param("plan", "PRO").param("disabled", "true"))
                    .andExpect(status().isForbidden());
        }
        assertThat(repository.byId(id).orElseThrow().roles()).containsExactly(Role.MEMBER);
    }

    @Test
    void adminChangesRolesAndPlanDisablesAndEverythingIsAudited() throws Exception {
        String email = "editor-" + UUID.randomUUID() + "@example.org";
        long id = verifiedAccount(email);
        assertThat(mvc.perform(get("/admin/users?q=" + email).with(ADMIN)).andReturn().getResponse().getContentAsString()).contains(email);

        mvc.perform(post("/admin/users/" + id + "/roles").with(csrf()).with(ADMIN).param("roles", "EDITOR"))
                .andExpect(status().is3xxRedirection());
        assertThat(repository.byId(id).orElseThrow().roles()).containsExactlyInAnyOrder(Role.MEMBER, Role.EDITOR);
        // roles read as words, not as the set's "[MEMBER, EDITOR]"
        String list = mvc.perform(get("/admin/users?q=" + email).with(ADMIN)).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("<td>Member, Editor</td>").doesNotContain("[MEMBER").doesNotContain("MEMBER,");

        String until = Instant.now().plus(40, ChronoUnit.DAYS).toString().substring(0, 10);
        mvc.perform(post("/admin/users/" + id + "/plan").with(csrf()).with(ADMIN).param("plan", "PRO").param("until", until));
        assertThat(accounts.member(email).orElseThrow().plan()).isEqualTo("PRO");

        mvc.perform(formLogin("/login").user("email", email).password(PASSWORD)).andExpect(authenticated());
        mvc.perform(post("/admin/users/" + id + "/disabled").with(csrf()).with(ADMIN).param("disabled", "true"));
        mvc.perform(formLogin("/login").user("email", email).password(PASSWORD)).andExpect(unauthenticated());

        String audit = mvc.perform(get("/admin/audit").with(ADMIN)).andReturn().getResponse().getContentAsString();
        assertThat(audit).contains("ROLES").contains("PLAN").contains("DISABLE").contains(email).contains("admin@example.org");
    }

    @Test
    void aPlanGrantedForAPeriodEnds() {
        String email = "pro-" + UUID.randomUUID() + "@example.org";
        long id = verifiedAccount(email);
        repository.setPlan(id, "PRO", Instant.now().minus(1, ChronoUnit.DAYS));
        assertThat(accounts.member(email).orElseThrow().plan()).isEqualTo("FREE");
    }
}
