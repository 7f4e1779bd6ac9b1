package org.codedesk.careers;

import org.codedesk.TestMembers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codedesk.accounts.AccountAdministration;
import org.codedesk.accounts.Accounts;
import org.codedesk.accounts.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * Saved searches email their new matches once (with a working unsubscribe link); a reported post reaches the admins,
 * who take it down, and it leaves the board.
 */
@SpringBootTest
@AutoConfigureMockMvc
class JobAlertsTest {

    @RegisterExtension
    static GreenMailExtension mail = org.codedesk.TestMail.greenMail();

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired AccountAdministration administration;
    @Autowired JobAlerts alerts;
    @Autowired JdbcTemplate jdbc;

    private String register(String prefix, Role role) {
        String email = TestMembers.verified(accounts, jdbc, prefix);
        if (role != null) {
            administration.setRoles("test", accounts.member(email).orElseThrow().id(), EnumSet.of(role));
        }
        return email;
    }

    private long publish(RequestPostProcessor employer, String title) throws Exception {
        String location = mvc.perform(post("/jobs").with(csrf()).with(employer).param("title", title).param("organisation", "Valley Clinic")
                        .param("location", "Denver, CO").param("workplace", "HYBRID").param("employmentType", "PART_TIME")
                        .param("credentialsRequired", "COC").param("description", "Outpatient coding.").param("salaryPeriod", "YEAR"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/jobs/" + id + "/publish").with(csrf()).with(employer)).andExpect(status().is3xxRedirection());
        return id;
    }

    /** The job alert emails to an address (not the account's own emails). */
    private MimeMessage[] to(String address) throws Exception {
        return java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address) && m.getSubject().contains("new coding job");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MimeMessage[]::new);
    }

    @Test
    void aSavedSearchEmailsNewMatchesOnceAndCanBeStoppedByItsLink() throws Exception {
        String word = "Qvx" + UUID.randomUUID().toString().substring(0, 8);
        String seeker = register("seeker", null);
        RequestPostProcessor member = user(seeker).roles("MEMBER");
        mvc.perform(post("/jobs/alerts").with(csrf()).with(member).param("q", word).param("credential", "COC")).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/jobs/alerts").with(member)).andReturn().getResponse().getContentAsString()).contains("credential=COC");

        RequestPostProcessor employer = user(register("employer", Role.EMPLOYER)).roles("MEMBER", "EMPLOYER");
        long id = publish(employer, "Outpatient coder " + word);
        alerts.sendDigests();
        MimeMessage[] received = to(seeker);
        assertThat(received).hasSize(1);
        String text = (String) received[0].getContent();
        assertThat(text).contains("Outpatient coder " + word).contains("/jobs/" + id);

        // the same jobs are not sent twice
        alerts.sendDigests();
        assertThat(to(seeker)).hasSize(1);

        Matcher link = Pattern.compile("/jobs/alerts/unsubscribe\\?token=([0-9a-f]+)").matcher(text);
        assertThat(link.find()).isTrue();
        assertThat(mvc.perform(get("/jobs/alerts/unsubscribe").param("token", link.group(1))).andReturn().getResponse().getContentAsString())
                .contains("no more emails");
        publish(employer, "Second outpatient coder " + word);
        alerts.sendDigests();
        assertThat(to(seeker)).hasSize(1);
        assertThat(mvc.perform(get("/jobs/alerts/unsubscribe").param("token", link.group(1))).andReturn().getResponse().getContentAsString())
                .contains("not valid any more");
    }

    @Test
    void twoNodesRunningTheDigestAtOnceSendEachSearchOneEmail() throws Exception {
        String word = "Race" + UUID.randomUUID().toString().substring(0, 8);
        java.util.List<String> seekers = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String seeker = register("racer", null);
            mvc.perform(post("/jobs/alerts").with(csrf()).with(user(seeker).roles("MEMBER")).param("q", word)).andExpect(status().is3xxRedirection());
            seekers.add(seeker);
        }
        publish(user(register("employer", Role.EMPLOYER)).roles("MEMBER", "EMPLOYER"), "Inpatient coder " + word);

        // two nodes' schedulers fire at the same moment against one database
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.Callable<Integer> node = () -> {
            together.await();
            return alerts.sendDigests();
        };
        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = nodes.submit(node);
            var second = nodes.submit(node);
            int sent = first.get(60, java.util.concurrent.TimeUnit.SECONDS) + second.get(60, java.util.concurrent.TimeUnit.SECONDS);
            for (String seeker : seekers) {
                assertThat(to(seeker)).as("alert emails to " + seeker).hasSize(1);
            }
            assertThat(sent).isGreaterThanOrEqualTo(seekers.size());
        } finally {
            nodes.shutdown();
        }
        assertThat(jdbc.queryForObject("select count(*) from career_saved_search where locked_until is not null", Integer.class)).isZero();
    }

    @Test
    void aReportedPostIsTakenDownByAnAdmin() throws Exception {
        RequestPostProcessor employer = user(register("employer", Role.EMPLOYER)).roles("MEMBER", "EMPLOYER");
        String word = "Scam" + UUID.randomUUID().toString().substring(0, 8);
        long id = publish(employer, "Easy money " + word);
        RequestPostProcessor member = user(register("reporter", null)).roles("MEMBER");
        mvc.perform(post("/jobs/" + id + "/report").with(csrf()).with(member).param("reason", "Asks for a payment up front"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/jobs").with(member)).andExpect(status().isForbidden());
        RequestPostProcessor admin = user(register("admin", Role.ADMIN)).roles("MEMBER", "ADMIN");
        assertThat(mvc.perform(get("/admin/jobs").with(admin)).andReturn().getResponse().getContentAsString())
                .contains("Easy money " + word).contains("Asks for a payment up front");
        mvc.perform(post("/admin/jobs/" + id + "/take-down").with(csrf()).with(admin)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/jobs/" + id)).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/jobs").param("q", word)).andReturn().getResponse().getContentAsString()).contains("0 job(s)");
        assertThat(mvc.perform(get("/admin/jobs").with(admin)).andReturn().getResponse().getContentAsString()).doesNotContain("Easy money " + word);
    }
}
