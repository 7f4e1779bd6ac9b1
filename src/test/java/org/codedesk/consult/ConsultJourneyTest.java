package org.codedesk.consult;

import org.codedesk.TestMembers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;

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

import jakarta.mail.internet.MimeMessage;

/**
 * A consult by the web form: the member's question is drafted by the assistant, acknowledged by email through the
 * outbox, claimed and answered by a consultant; the answer mail replies to the question's Message-ID. An SMTP server
 * that is down delays the mail, it does not lose it. Quotas, guests and other members are refused.
 */
@SpringBootTest(properties = {"codedesk.consult.outbox.first-retry=PT0S", "codedesk.consult.outbox.interval=PT1H"})
@AutoConfigureMockMvc
class ConsultJourneyTest {

    @RegisterExtension
    static GreenMailExtension mail = org.codedesk.TestMail.greenMail();

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired AccountAdministration administration;
    @Autowired Outbox outbox;
    @Autowired JdbcTemplate jdbc;

    private String register(String prefix) {
        String email = TestMembers.verified(accounts, jdbc, prefix);
        return email;
    }

    private RequestPostProcessor consultant() {
        String email = register("consultant");
        administration.setRoles("test", accounts.member(email).orElseThrow().id(), EnumSet.of(Role.CONSULTANT));
        return user(email).roles("MEMBER", "CONSULTANT");
    }

    private void deliver() {
        outbox.deliverDue();
    }

    private static MimeMessage[] to(String address) throws Exception {
        java.util.List<MimeMessage> result = new java.util.ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (m.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString().equals(address)) {
                result.add(m);
            }
        }
        return result.toArray(MimeMessage[]::new);
    }

    @Test
    void aQuestionIsDraftedAcknowledgedReviewedAndAnswered() throws Exception {
        String memberEmail = register("member");
        RequestPostProcessor member = user(memberEmail).roles("MEMBER");
        String location = mvc.perform(post("/consult").with(csrf()).with(member).param("subject", "Modifier for a knee injection")
                        .param("body", "What's the MUE for 20610? Patient: John Smith, DOB 04/12/1956."))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/consult/threads/\\d+");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(mvc.perform(get(location).with(member)).andReturn().getResponse().getContentAsString())
                .contains("Status: DRAFTED").contains("What&#39;s the MUE for 20610?");
        mail.purgeEmailFromAllMailboxes();

        deliver();
        // only consult mail counts: the account's own confirmation mail leaves in the background and may land at any time
        MimeMessage[] received = consultMail(memberEmail).toArray(MimeMessage[]::new);
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).startsWith("Received: Modifier for a knee injection [CD-");
        assertThat((String) received[0].getContent()).contains("/consult/threads/" + id);
        String questionId = jdbc.queryForObject("select message_id from consult_message where thread_id = ? and direction = 'MEMBER'",
                String.class, id);
        assertThat(received[0].getHeader("In-Reply-To")[0]).isEqualTo(questionId);

        RequestPostProcessor consultant = consultant();
        assertThat(mvc.perform(get("/consult/queue").with(consultant)).andReturn().getResponse().getContentAsString())
                .contains("Modifier for a knee injection").contains(memberEmail);
        mvc.perform(get("/consult/queue").with(member)).andExpect(status().isForbidden());
        mvc.perform(post(location + "/claim").with(csrf()).with(consultant)).andExpect(status().is3xxRedirection());
        RequestPostProcessor another = consultant();
        mvc.perform(post(location + "/claim").with(csrf()).with(another)).andExpect(status().isConflict());
        String review = mvc.perform(get(location).with(consultant)).andReturn().getResponse().getContentAsString();
        assertThat(review).contains("id=\"send-answer\"").contains("MUE").contains("id=\"phi-warning\"").contains("DOB, NAME");

        // the mail server is down when the answer is sent: the answer waits in the outbox, then goes out
        mail.stop();
        mvc.perform(post(location + "/answer").with(csrf()).with(consultant).param("body", "Use modifier 59 only when... MUE is 2."))
                .andExpect(status().is3xxRedirection());
        deliver();
        assertThat(outbox.pending()).anyMatch(m -> m.threadId() == id && m.attempts() == 1 && m.lastError() != null);
        mail.start();
        deliver();
        assertThat(outbox.pending()).noneMatch(m -> m.threadId() != null && m.threadId() == id);
        MimeMessage answer = consultMail(memberEmail).get(0);
        assertThat(answer.getSubject()).startsWith("Re: Modifier for a knee injection [CD-");
        assertThat((String) answer.getContent()).contains("MUE is 2.").contains("Reviewed by a CodeDesk consultant");
        assertThat(answer.getHeader("In-Reply-To")[0]).isEqualTo(questionId);
        assertThat(mvc.perform(get(location).with(member)).andReturn().getResponse().getContentAsString()).contains("Status: ANSWERED");
        mvc.perform(post(location + "/close").with(csrf()).with(another)).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get(location).with(member)).andReturn().getResponse().getContentAsString()).contains("Status: CLOSED")
                .doesNotContain("id=\"close-thread\"");
    }

    @Test
    void guestsOtherMembersAndSpentQuotasAreRefused() throws Exception {
        assertThat(mvc.perform(post("/consult").with(csrf()).param("body", "Is 99213 ok?")).andReturn().getResponse().getContentAsString())
                .contains("id=\"login-required\"");
        RequestPostProcessor alice = user(register("alice")).roles("MEMBER");
        RequestPostProcessor bob = user(register("bob")).roles("MEMBER");
        String location = mvc.perform(post("/consult").with(csrf()).with(alice).param("body", "Is 99213 billable with 25?"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(bob)).andExpect(status().isNotFound());
        mvc.perform(post(location + "/delete").with(csrf()).with(bob)).andExpect(status().isNotFound());
        assertThat(mvc.perform(post("/consult").with(csrf()).with(alice).param("body", "  ")).andReturn().getResponse().getContentAsString())
                .contains("Write your coding question.");
        mvc.perform(post("/consult").with(csrf()).with(alice).param("body", "A second question")).andExpect(status().is3xxRedirection());
        // the free plan has 2 consults a period
        assertThat(mvc.perform(post("/consult").with(csrf()).with(alice).param("body", "A third question")).andReturn().getResponse()
                .getContentAsString()).contains("no consults left");
        mvc.perform(post(location + "/delete").with(csrf()).with(alice)).andExpect(status().is3xxRedirection());
        mvc.perform(get(location).with(alice)).andExpect(status().isNotFound());
    }

    @Test
    void anAnswerGoesToTheMembersCurrentAddressAfterAnEmailChange() throws Exception {
        String before = register("mover");
        String location = mvc.perform(post("/consult").with(csrf()).with(user(before).roles("MEMBER")).param("subject", "Moving question")
                .param("body", "Is 11042 reported per wound?")).andReturn().getResponse().getRedirectedUrl();
        RequestPostProcessor consultant = consultant();
        mvc.perform(post(location + "/claim").with(csrf()).with(consultant)).andExpect(status().is3xxRedirection());
        mvc.perform(post(location + "/answer").with(csrf()).with(consultant).param("body", "Per wound group, summed by depth."))
                .andExpect(status().is3xxRedirection());

        // the member changes their address before the answer goes out: while the new one is unconfirmed, nothing goes
        String after = "moved-" + java.util.UUID.randomUUID() + "@example.org";
        assertThat(accounts.changeEmail(before, TestMembers.PASSWORD, after)).isEmpty();
        deliver();
        assertThat(consultMail(before)).isEmpty();
        assertThat(consultMail(after)).isEmpty();
        // account mail leaves after commit, in the background: wait for the confirmation link
        java.util.Optional<MimeMessage> confirm = java.util.Optional.empty();
        for (int i = 0; i < 100 && confirm.isEmpty(); i++) {
            confirm = java.util.Arrays.stream(to(after)).filter(m -> subject(m).startsWith("Confirm your email")).findFirst();
            if (confirm.isEmpty()) {
                Thread.sleep(100);
            }
        }
        String verification = (String) confirm.orElseThrow().getContent();
        assertThat(accounts.verify(verification.replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1"))).isTrue();

        deliver();
        assertThat(consultMail(before)).isEmpty();
        assertThat(consultMail(after)).anyMatch(m -> subject(m).startsWith("Received: Moving question"))
                .anyMatch(m -> subject(m).startsWith("Re: Moving question"));
        assertThat(outbox.pending()).noneMatch(m -> m.to().equals(before) || m.to().equals(after));
    }

    /** The consult mails (their subjects carry the thread's token) received at the address. */
    private static java.util.List<MimeMessage> consultMail(String address) throws Exception {
        return java.util.Arrays.stream(to(address)).filter(m -> subject(m).contains("[CD-")).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
