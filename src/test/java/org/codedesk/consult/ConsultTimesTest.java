package org.codedesk.consult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.codedesk.TestClock;
import org.codedesk.TestMembers;
import org.codedesk.accounts.AccountAdministration;
import org.codedesk.accounts.Accounts;
import org.codedesk.accounts.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.mail.internet.MimeMessage;

/** Consult pages and mail write times for people ("8 Dec 2026, 22:59 UTC"), never as ISO instants with nanoseconds. */
@SpringBootTest(properties = {"codedesk.consult.outbox.first-retry=PT0S", "codedesk.consult.outbox.interval=PT1H"})
@AutoConfigureMockMvc
class ConsultTimesTest {

    /** The instant of the walkthrough's raw timestamp; the free plan gives a consultant 72 hours. */
    static final Instant RECEIVED = Instant.parse("2026-12-08T22:59:00.726345550Z");

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(RECEIVED);
        }
    }

    @RegisterExtension
    static GreenMailExtension mail = org.codedesk.TestMail.greenMail();

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired AccountAdministration administration;
    @Autowired Outbox outbox;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @Test
    void threadQueueAndAcknowledgementShowReadableTimesWithTheirZone() throws Exception {
        String memberEmail = TestMembers.verified(accounts, jdbc, "times");
        RequestPostProcessor member = user(memberEmail).roles("MEMBER");
        String location = mvc.perform(post("/consult").with(csrf()).with(member).param("subject", "Times of a consult")
                .param("body", "Is 99213 billable with modifier 25?")).andReturn().getResponse().getRedirectedUrl();

        String thread = mvc.perform(get(location).with(member)).andReturn().getResponse().getContentAsString();
        assertThat(thread).contains("Received 8 Dec 2026, 22:59 UTC, answer due 11 Dec 2026, 22:59 UTC.")
                .contains("Question from " + memberEmail + ", 8 Dec 2026, 22:59 UTC").doesNotContain("2026-12-08T22:59");

        String consultantEmail = TestMembers.verified(accounts, jdbc, "times-consultant");
        administration.setRoles("test", accounts.member(consultantEmail).orElseThrow().id(), EnumSet.of(Role.CONSULTANT));
        String queue = mvc.perform(get("/consult/queue").with(user(consultantEmail).roles("MEMBER", "CONSULTANT")))
                .andReturn().getResponse().getContentAsString();
        assertThat(queue).contains("<td>11 Dec 2026, 22:59 UTC</td>").doesNotContain("2026-12-11T22:59");

        // a second later (the database keeps microseconds, rounded: the stored instant may be after the clock's own)
        clock.advance(java.time.Duration.ofSeconds(1));
        // the outbox sends 50 due mails a run, oldest first: other tests' mails in the same database may come before this one
        List<MimeMessage> received = List.of();
        for (int run = 0; run < 20 && received.isEmpty(); run++) {
            outbox.deliverDue();
            received = Arrays.stream(mail.getReceivedMessages()).filter(m -> to(m).equals(memberEmail))
                    .filter(m -> subject(m).startsWith("Received: Times of a consult")).toList();
        }
        assertThat(received).as(jdbc.queryForList("select to_address, subject, next_attempt_at, locked_until, sent_at, last_error, failed"
                + " from consult_outbox").toString() + " / received: " + mail.getReceivedMessages().length).isNotEmpty();
        String acknowledgement = (String) received.get(0).getContent();
        assertThat(acknowledgement).contains("answer by 11 Dec 2026, 22:59 UTC.").doesNotContain("2026-12-11T22:59");
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String to(MimeMessage message) {
        try {
            return message.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
