package org.codedesk.consult;

import org.codedesk.TestMembers;
import static org.assertj.core.api.Assertions.assertThat;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.codedesk.accounts.AccountAdministration;
import org.codedesk.accounts.Accounts;
import org.codedesk.accounts.Member;
import org.codedesk.accounts.Role;
import org.codedesk.consult.inbound.ImapMailbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Consults by email, through a real SMTP and IMAP server (GreenMail) and the consult address's own SMTP listener: an
 * authenticated member's mail opens a thread, a second delivery of it changes nothing, replies join their thread by
 * header or by the token in the subject, an oversized attachment gets a polite answer once. Mail that does not prove
 * its sender is held until the member confirms it; a stranger gets no answer; a mail that cannot be read is accepted
 * and kept for a consultant.
 */
@SpringBootTest(properties = {"codedesk.consult.imap.host=127.0.0.1", "codedesk.consult.imap.ssl=false",
        "codedesk.consult.imap.user=consult", "codedesk.consult.imap.password=secret", "codedesk.consult.imap.interval=PT1H",
        "codedesk.consult.outbox.interval=PT1H", "codedesk.consult.max-attachment-bytes=1000",
        "codedesk.consult.address=consult@localhost", "codedesk.consult.trust-authentication-results=mx.codedesk.test"})
@AutoConfigureMockMvc
class ConsultByEmailTest {

    /** What our MX (authserv-id mx.codedesk.test) writes for a mail DKIM-signed by the members' domain. */
    private static final String OUR_MX_DKIM_PASS = "mx.codedesk.test; dkim=pass (2048-bit key) header.d=example.org; spf=none";

    /** The consult address's own SMTP listener and GreenMail's IMAP: free ports, like GreenMail's SMTP (see TestMail). */
    static final int LISTENER_PORT = org.codedesk.TestMail.freePort();
    static final int IMAP_PORT = org.codedesk.TestMail.freePort();

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new com.icegreen.greenmail.util.ServerSetup[] {org.codedesk.TestMail.smtp(),
            ServerSetupTest.IMAP.port(IMAP_PORT)});

    @org.springframework.test.context.DynamicPropertySource
    static void ports(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("codedesk.consult.imap.port", () -> IMAP_PORT);
        registry.add("codedesk.consult.smtp.port", () -> LISTENER_PORT);
    }

    @Autowired ImapMailbox mailbox;
    @Autowired Consults consults;
    @Autowired Outbox outbox;
    @Autowired Accounts accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;
    @Autowired AccountAdministration administration;

    private String member() {
        String email = TestMembers.verified(accounts, jdbc, "mailer");
        return email;
    }

    /**
     * Sends a mail to the consult mailbox with the given Message-ID (and In-Reply-To, when not null) and
     * Authentication-Results headers, topmost first.
     */
    private static void send(String from, String messageId, String inReplyTo, String subject, String text, byte[] attachment,
                             String... authenticationResults) throws MessagingException {
        send(org.codedesk.TestMail.smtpPort(), "consult@localhost", from, messageId, inReplyTo, subject, text, attachment, authenticationResults);
    }

    private static void send(int port, String to, String from, String messageId, String inReplyTo, String subject, String text, byte[] attachment,
                             String... authenticationResults) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        MimeMessage message = new MimeMessage(Session.getInstance(properties)) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        if (inReplyTo != null) {
            message.setHeader("In-Reply-To", inReplyTo);
        }
        for (String results : authenticationResults) {
            message.addHeader("Authentication-Results", results);
        }
        if (attachment == null) {
            message.setText(text);
        } else {
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text);
            MimeBodyPart file = new MimeBodyPart();
            file.setContent(attachment, "application/pdf");
            file.setFileName("op-note.pdf");
            file.setDisposition(MimeBodyPart.ATTACHMENT);
            message.setContent(new MimeMultipart(body, file));
        }
        Transport.send(message);
    }

    private Long threadOf(String messageId) {
        return jdbc.query("select thread_id from consult_message where message_id = ?", (rs, i) -> rs.getLong(1), messageId).stream()
                .findFirst().orElse(null);
    }

    /** Sends a raw message over SMTP, as a sending server would; returns the server's answer to the end of DATA. */
    private static String smtp(int port, String from, String to, String raw) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
            reply(in);
            for (String command : List.of("EHLO sender.example", "MAIL FROM:<" + from + ">", "RCPT TO:<" + to + ">", "DATA")) {
                out.write(command + "\r\n");
                out.flush();
                reply(in);
            }
            out.write(raw.replace("\r\n.", "\r\n..") + (raw.endsWith("\r\n") ? "" : "\r\n") + ".\r\n");
            out.flush();
            String answer = reply(in);
            out.write("QUIT\r\n");
            out.flush();
            return answer;
        }
    }

    private static String reply(BufferedReader in) throws IOException {
        String line;
        do {
            line = in.readLine();
        } while (line != null && line.length() > 3 && line.charAt(3) == '-');
        return line;
    }

    private MimeMessage[] to(String address) throws MessagingException {
        List<MimeMessage> result = new java.util.ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
                result.add(m);
            }
        }
        return result.toArray(MimeMessage[]::new);
    }

    /** The mails asking the member to confirm a held question. */
    private List<MimeMessage> notices(String member) throws MessagingException {
        List<MimeMessage> notices = new java.util.ArrayList<>();
        for (MimeMessage m : to(member)) {
            if (m.getSubject().equals("Confirm your question to CodeDesk's consultants")) {
                notices.add(m);
            }
        }
        return notices;
    }

    private Integer held(String messageId) {
        return jdbc.queryForObject("select count(*) from consult_held_mail where message_id = ?", Integer.class, messageId);
    }

    private MimeMessage lastTo(String address) throws MessagingException {
        MimeMessage last = null;
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
                last = m;
            }
        }
        return last;
    }

    @Test
    void aMemberAsksByEmailAndRepliesJoinTheThread() throws Exception {
        mail.setUser("consult@localhost", "consult", "secret");
        String member = member();
        String question = "<q-" + UUID.randomUUID() + "@example.org>";
        send(member, question, null, "Modifier 25 with 99213?", "Can 99213 be billed with 20610 on the same day?", null, OUR_MX_DKIM_PASS);
        assertThat(mailbox.poll()).isEqualTo(1);
        Long thread = threadOf(question);
        assertThat(thread).isNotNull();
        assertThat(jdbc.queryForObject("select status from consult_thread where id = ?", String.class, thread)).isEqualTo("DRAFTED");

        // the same mail delivered again: nothing new
        send(member, question, null, "Modifier 25 with 99213?", "Can 99213 be billed with 20610 on the same day?", null, OUR_MX_DKIM_PASS);
        mailbox.poll();
        assertThat(jdbc.queryForObject("select count(*) from consult_thread where account_id = (select id from account where email = ?)",
                Integer.class, member)).isEqualTo(1);

        outbox.deliverDue();
        MimeMessage acknowledgement = lastTo(member);
        assertThat(acknowledgement.getHeader("In-Reply-To")[0]).isEqualTo(question);
        assertThat(acknowledgement.getSubject()).contains("[CD-");

        // a reply to the acknowledgement joins the thread by its headers; one with only the token in the subject too
        String reply = "<r-" + UUID.randomUUID() + "@example.org>";
        send(member, reply, acknowledgement.getMessageID(), "Re: " + acknowledgement.getSubject(), "Also: modifier 59?", null);
        String tokenOnly = "<t-" + UUID.randomUUID() + "@example.org>";
        String token = acknowledgement.getSubject().replaceAll(".*(\\[CD-[0-9a-f]+]).*", "$1");
        send(member, tokenOnly, null, "More about " + token, "And the MUE?", null);
        assertThat(mailbox.poll()).isEqualTo(2);
        assertThat(threadOf(reply)).isEqualTo(thread);
        assertThat(threadOf(tokenOnly)).isEqualTo(thread);

        // a small attachment is kept with its message, and only the thread's member (or a consultant) may fetch it
        String withFile = "<f-" + UUID.randomUUID() + "@example.org>";
        byte[] pdf = "%PDF-1.4 fixture".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        send(member, withFile, acknowledgement.getMessageID(), "Re: " + acknowledgement.getSubject(), "The note is attached.", pdf);
        mailbox.poll();
        java.util.List<Consults.AttachmentInfo> files = consults.attachments(thread);
        assertThat(files).extracting(Consults.AttachmentInfo::name).containsExactly("op-note.pdf");
        org.codedesk.accounts.Member owner = accounts.member(member).orElseThrow();
        assertThat(consults.attachment(thread, files.get(0).id(), owner)).map(InboundMail.Attachment::data).hasValue(pdf);
        org.codedesk.accounts.Member stranger = accounts.member(member()).orElseThrow();
        assertThat(consults.attachment(thread, files.get(0).id(), stranger)).isEmpty();
    }

    @Test
    void aStrangerGetsNoAnswerAndAnOversizedAttachmentOnePoliteAnswer() throws Exception {
        mail.setUser("consult@localhost", "consult", "secret");
        // whoever the From names (a victim of backscatter, perhaps), no mail goes back, let alone one with this subject
        String stranger = "stranger-" + UUID.randomUUID() + "@example.org";
        String id = "<s-" + UUID.randomUUID() + "@example.org>";
        String bait = "Your invoice 4471 is overdue: call +1 555 0100";
        send(stranger, id, null, bait, "Is J1100 covered?", null, OUR_MX_DKIM_PASS);
        send(stranger, "<s2-" + UUID.randomUUID() + "@example.org>", null, bait, "Is J1100 covered?", null);
        assertThat(mailbox.poll()).isEqualTo(2);
        assertThat(threadOf(id)).isNull();
        outbox.deliverDue();
        assertThat(to(stranger)).isEmpty();
        for (MimeMessage sent : mail.getReceivedMessages()) {
            if (!sent.getRecipients(Message.RecipientType.TO)[0].toString().equals("consult@localhost")) {
                assertThat(sent.getSubject()).doesNotContain("invoice 4471");
                assertThat(sent.getContent().toString()).doesNotContain("invoice 4471");
            }
        }

        String member = member();
        String big = "<b-" + UUID.randomUUID() + "@example.org>";
        send(member, big, null, "Op note attached", "Please code the attached note.", new byte[4000], OUR_MX_DKIM_PASS);
        mailbox.poll();
        assertThat(threadOf(big)).isNull();
        outbox.deliverDue();
        assertThat((String) lastTo(member).getContent()).contains("over the limit");
    }

    @Test
    void theConsultAddressOwnSmtpListenerStoresBeforeItAccepts() throws Exception {
        String member = member();
        String question = "<smtp-" + UUID.randomUUID() + "@example.org>";
        send(LISTENER_PORT, "consult@localhost", member, question, null, "Bilateral modifier", "50 or RT/LT for 64483?", null, OUR_MX_DKIM_PASS);
        // "250 OK" came back, so the thread is already stored
        Long thread = threadOf(question);
        assertThat(thread).isNotNull();
        send(LISTENER_PORT, "consult@localhost", member, question, null, "Bilateral modifier", "50 or RT/LT for 64483?", null, OUR_MX_DKIM_PASS);
        assertThat(jdbc.queryForObject("select count(*) from consult_message where message_id = ?", Integer.class, question)).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> send(LISTENER_PORT, "someone-else@localhost", member,
                "<x-" + UUID.randomUUID() + "@example.org>", null, "Hi", "Hello", null)).isInstanceOf(MessagingException.class);
    }

    @Test
    void aForgedMemberAddressOpensNoThreadAndSpendsNoQuotaUntilTheMemberConfirms() throws Exception {
        mail.setUser("consult@localhost", "consult", "secret");
        String member = member();
        Member account = accounts.member(member).orElseThrow();
        int left = consults.consultsLeft(account);
        String forged = "<forged-" + UUID.randomUUID() + "@example.org>";
        send(member, forged, null, "Wire the refund to account 99-1234 today", "Please code 99213 with modifier 25 for me.", null);
        assertThat(mailbox.poll()).isEqualTo(1);
        assertThat(threadOf(forged)).isNull();
        assertThat(held(forged)).isEqualTo(1);
        assertThat(consults.consultsLeft(account)).isEqualTo(left);

        // the member is asked, at the account's address, with a fixed subject and text: nothing of the mail is echoed
        outbox.deliverDue();
        assertThat(notices(member)).hasSize(1);
        MimeMessage notice = notices(member).get(0);
        assertThat(notice.getSubject()).isEqualTo("Confirm your question to CodeDesk's consultants");
        String text = (String) notice.getContent();
        assertThat(text).doesNotContain("Wire").doesNotContain("99-1234").doesNotContain("99213");
        String link = text.replaceAll("(?s).*(/consult/held/[0-9a-f]{32}).*", "$1");
        assertThat(link).startsWith("/consult/held/");

        // more forged mail within the hour is held as well, without another notice
        String again = "<forged2-" + UUID.randomUUID() + "@example.org>";
        send(member, again, null, "Second", "Another one", null);
        mailbox.poll();
        outbox.deliverDue();
        assertThat(held(again)).isEqualTo(1);
        assertThat(notices(member)).hasSize(1);

        // a guest is sent to log in; another member finds nothing to see or confirm
        assertThat(mvc.perform(get(link)).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl()).contains("/login");
        String other = member();
        mvc.perform(get(link).with(user(other).roles("MEMBER"))).andExpect(status().isNotFound());
        mvc.perform(post(link + "/confirm").with(csrf()).with(user(other).roles("MEMBER"))).andExpect(status().isNotFound());
        assertThat(threadOf(forged)).isNull();

        // the member, logged in, sees it and confirms it: only now does the thread open and a consult go
        assertThat(mvc.perform(get("/consult").with(user(member).roles("MEMBER"))).andReturn().getResponse().getContentAsString())
                .contains("id=\"held-mails\"").contains(link);
        assertThat(mvc.perform(get(link).with(user(member).roles("MEMBER"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("Please code 99213 with modifier 25 for me.");
        String location = mvc.perform(post(link + "/confirm").with(csrf()).with(user(member).roles("MEMBER")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(threadOf(forged)).isNotNull();
        assertThat(location).isEqualTo("/consult/threads/" + threadOf(forged));
        assertThat(consults.consultsLeft(account)).isEqualTo(left - 1);
        assertThat(held(forged)).isZero();
        mvc.perform(post(link + "/confirm").with(csrf()).with(user(member).roles("MEMBER"))).andExpect(status().isNotFound());

        // the member discards the other one: gone, and a second delivery of it is not held again
        String otherLink = "/consult/held/" + jdbc.queryForObject("select confirm_key from consult_held_mail where message_id = ?", String.class, again);
        mvc.perform(post(otherLink + "/discard").with(csrf()).with(user(member).roles("MEMBER"))).andExpect(status().is3xxRedirection());
        send(member, again, null, "Second", "Another one", null);
        mailbox.poll();
        assertThat(held(again)).isZero();
        assertThat(threadOf(again)).isNull();
        assertThat(consults.consultsLeft(account)).isEqualTo(left - 1);
    }

    @Test
    void aReplyCarryingTheThreadTokenIsTakenInAndOneWithoutIsHeld() throws Exception {
        mail.setUser("consult@localhost", "consult", "secret");
        String member = member();
        Member account = accounts.member(member).orElseThrow();
        long thread = consults.ask(account, "Modifier 59", "When is 59 right with 97140?");
        outbox.deliverDue();
        MimeMessage acknowledgement = lastTo(member);
        String question = jdbc.queryForObject("select message_id from consult_message where thread_id = ?", String.class, thread);

        String byToken = "<tok-" + UUID.randomUUID() + "@example.org>";
        send(member, byToken, null, "Re: " + acknowledgement.getSubject(), "And with 97530?", null);
        String byOurMessageId = "<ack-" + UUID.randomUUID() + "@example.org>";
        send(member, byOurMessageId, acknowledgement.getMessageID(), "Re: Modifier 59", "And with 97112?", null);
        // the question's own Message-ID was written by the member's mail program and travels with every copy: no secret
        String byQuestionId = "<qid-" + UUID.randomUUID() + "@example.org>";
        send(member, byQuestionId, question, "Re: Modifier 59", "Forged follow-up", null);
        // another member's token proves nothing about this sender, and joins nothing
        String otherMember = member();
        long otherThread = consults.ask(accounts.member(otherMember).orElseThrow(), "Other", "Is 99214 right?");
        String otherToken = jdbc.queryForObject("select token from consult_thread where id = ?", String.class, otherThread);
        String crossed = "<cross-" + UUID.randomUUID() + "@example.org>";
        send(member, crossed, null, "Re: Other [CD-" + otherToken + "]", "Let me in", null);
        assertThat(mailbox.poll()).isEqualTo(4);

        assertThat(threadOf(byToken)).isEqualTo(thread);
        assertThat(threadOf(byOurMessageId)).isEqualTo(thread);
        assertThat(threadOf(byQuestionId)).isNull();
        assertThat(held(byQuestionId)).isEqualTo(1);
        assertThat(threadOf(crossed)).isNull();
        assertThat(held(crossed)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from consult_message where thread_id = ?", Integer.class, otherThread)).isEqualTo(1);

        // confirmed by the member, the held reply joins the thread it answered, spending nothing
        int left = consults.consultsLeft(account);
        String key = jdbc.queryForObject("select confirm_key from consult_held_mail where message_id = ?", String.class, byQuestionId);
        assertThat(consults.confirm(key, account)).hasValue(thread);
        assertThat(threadOf(byQuestionId)).isEqualTo(thread);
        assertThat(consults.consultsLeft(account)).isEqualTo(left);
    }

    @Test
    void authenticationResultsCountOnlyFromOurMxAndForTheFromDomain() throws Exception {
        String dkim = "<dkim-" + UUID.randomUUID() + "@example.org>";
        send(LISTENER_PORT, "consult@localhost", member(), dkim, null, "DKIM", "Is G0008 payable with 99213?", null,
                "mx.codedesk.test; dkim=pass header.d=example.org header.s=s1; spf=fail smtp.mailfrom=example.org");
        String spf = "<spf-" + UUID.randomUUID() + "@example.org>";
        send(LISTENER_PORT, "consult@localhost", member(), spf, null, "SPF", "Is G0009 payable with 99213?", null,
                "mx.codedesk.test; spf=pass smtp.mailfrom=bounces@example.org");
        assertThat(threadOf(dkim)).isNotNull();
        assertThat(threadOf(spf)).isNotNull();

        // the same results written by another host (or by the sender) prove nothing
        String elsewhere = "<else-" + UUID.randomUUID() + "@example.org>";
        send(LISTENER_PORT, "consult@localhost", member(), elsewhere, null, "Elsewhere", "Is G0010 payable?", null,
                "mx.elsewhere.example; dkim=pass header.d=example.org; spf=pass smtp.mailfrom=bounces@example.org");
        // only the topmost header with our authserv-id is our MX's: one further down came with the message
        String smuggled = "<smug-" + UUID.randomUUID() + "@example.org>";
        send(LISTENER_PORT, "consult@localhost", member(), smuggled, null, "Smuggled", "Is G0011 payable?", null,
                "mx.codedesk.test; dkim=none; spf=softfail smtp.mailfrom=example.org", "mx.codedesk.test; dkim=pass header.d=example.org");
        // a pass for another domain than the From's
        String otherDomain = "<dom-" + UUID.randomUUID() + "@example.org>";
        send(LISTENER_PORT, "consult@localhost", member(), otherDomain, null, "Other domain", "Is G0012 payable?", null,
                "mx.codedesk.test; dkim=pass header.d=attacker.example; spf=pass smtp.mailfrom=attacker.example");
        for (String unproven : List.of(elsewhere, smuggled, otherDomain)) {
            assertThat(threadOf(unproven)).as(unproven).isNull();
            assertThat(held(unproven)).as(unproven).isEqualTo(1);
        }
    }

    @Test
    void aMailWithAMalformedAttachmentHeaderIsAcceptedAndKeptForAConsultant() throws Exception {
        String member = member();
        String id = "<bad-" + UUID.randomUUID() + "@example.org>";
        String raw = "From: " + member + "\r\nTo: consult@localhost\r\nSubject: Op note\r\nMessage-ID: " + id + "\r\nMIME-Version: 1.0\r\n"
                + "Authentication-Results: " + OUR_MX_DKIM_PASS + "\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nPlease code the attached note.\r\n"
                + "--b1\r\nContent-Type: application/pdf; name=\"op-note.pdf\r\nContent-Disposition: attachment; filename=\"op-note.pdf\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQ=\r\n--b1--\r\n";
        // accepted, not "451" for ever: stored whole before "250"
        assertThat(smtp(LISTENER_PORT, member, "consult@localhost", raw)).startsWith("250");
        List<Long> kept = jdbc.queryForList("select id from consult_unreadable_mail where envelope_from = ?", Long.class, member);
        assertThat(kept).hasSize(1);
        assertThat(threadOf(id)).isNull();

        // a consultant sees it on the queue, downloads it as received, and marks it handled
        String consultant = member();
        administration.setRoles("test", accounts.member(consultant).orElseThrow().id(), EnumSet.of(Role.CONSULTANT));
        String queue = mvc.perform(get("/consult/queue").with(user(consultant).roles("MEMBER", "CONSULTANT"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(queue).contains("id=\"unreadable-mail\"").contains(member).contains("/consult/unreadable/" + kept.get(0));
        byte[] download = mvc.perform(get("/consult/unreadable/" + kept.get(0)).with(user(consultant).roles("MEMBER", "CONSULTANT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(download, StandardCharsets.US_ASCII)).contains("Please code the attached note.").contains(id);
        mvc.perform(get("/consult/unreadable/" + kept.get(0)).with(user(member).roles("MEMBER"))).andExpect(status().isForbidden());
        mvc.perform(post("/consult/unreadable/" + kept.get(0) + "/handled").with(csrf()).with(user(consultant).roles("MEMBER", "CONSULTANT")))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/consult/queue").with(user(consultant).roles("MEMBER", "CONSULTANT"))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("/consult/unreadable/" + kept.get(0));

        // read from the mailbox, the same mail is kept likewise and marked read, not read again at every poll
        mail.setUser("consult@localhost", "consult", "secret");
        assertThat(smtp(org.codedesk.TestMail.smtpPort(), member, "consult@localhost", raw)).startsWith("250");
        assertThat(mailbox.poll()).isEqualTo(1);
        assertThat(mailbox.poll()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from consult_unreadable_mail where raw is not null and envelope_from like ?",
                Integer.class, "%" + member + "%")).isEqualTo(2);
    }
}
