package org.codedesk.consult;

import org.codedesk.TestMembers;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import java.util.UUID;

import org.codedesk.accounts.Accounts;
import org.codedesk.consult.inbound.ImapMailbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

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
 * Consults by email, through a real SMTP and IMAP server (GreenMail): a member's mail opens a thread, a second
 * delivery of it changes nothing, replies join their thread by header or by the token in the subject, a stranger and
 * an oversized attachment get a polite answer once.
 */
@SpringBootTest(properties = {"codedesk.consult.imap.host=127.0.0.1", "codedesk.consult.imap.port=3143", "codedesk.consult.imap.ssl=false",
        "codedesk.consult.imap.user=consult", "codedesk.consult.imap.password=secret", "codedesk.consult.imap.interval=PT1H",
        "codedesk.consult.outbox.interval=PT1H", "codedesk.consult.max-attachment-bytes=1000", "codedesk.consult.smtp.port=2526",
        "codedesk.consult.address=consult@localhost"})
class ConsultByEmailTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP_IMAP);

    @Autowired ImapMailbox mailbox;
    @Autowired Consults consults;
    @Autowired Outbox outbox;
    @Autowired Accounts accounts;
    @Autowired JdbcTemplate jdbc;

    private String member() {
        String email = TestMembers.verified(accounts, jdbc, "mailer");
        return email;
    }

    /** Sends a mail to the consult address with the given Message-ID (and In-Reply-To, when not null). */
    private static void send(String from, String messageId, String inReplyTo, String subject, String text, byte[] attachment)
            throws MessagingException {
        send(3025, "consult@localhost", from, messageId, inReplyTo, subject, text, attachment);
    }

    private static void send(int port, String to, String from, String messageId, String inReplyTo, String subject, String text, byte[] attachment)
            throws MessagingException {
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
        send(member, question, null, "Modifier 25 with 99213?", "Can 99213 be billed with 20610 on the same day?", null);
        assertThat(mailbox.poll()).isEqualTo(1);
        Long thread = threadOf(question);
        assertThat(thread).isNotNull();
        assertThat(jdbc.queryForObject("select status from consult_thread where id = ?", String.class, thread)).isEqualTo("DRAFTED");

        // the same mail delivered again: nothing new
        send(member, question, null, "Modifier 25 with 99213?", "Can 99213 be billed with 20610 on the same day?", null);
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
    void strangersAndOversizedAttachmentsGetOnePoliteAnswer() throws Exception {
        mail.setUser("consult@localhost", "consult", "secret");
        String stranger = "stranger-" + UUID.randomUUID() + "@example.org";
        String id = "<s-" + UUID.randomUUID() + "@example.org>";
        send(stranger, id, null, "Question", "Is J1100 covered?", null);
        send(stranger, id, null, "Question", "Is J1100 covered?", null);
        mailbox.poll();
        assertThat(threadOf(id)).isNull();
        outbox.deliverDue();
        long answers = java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(stranger);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
        assertThat(answers).isEqualTo(1);
        assertThat((String) lastTo(stranger).getContent()).contains("/register");

        String member = member();
        String big = "<b-" + UUID.randomUUID() + "@example.org>";
        send(member, big, null, "Op note attached", "Please code the attached note.", new byte[4000]);
        mailbox.poll();
        assertThat(threadOf(big)).isNull();
        outbox.deliverDue();
        assertThat((String) lastTo(member).getContent()).contains("over the limit");
    }

    @Test
    void theConsultAddressOwnSmtpListenerStoresBeforeItAccepts() throws Exception {
        String member = member();
        String question = "<smtp-" + UUID.randomUUID() + "@example.org>";
        send(2526, "consult@localhost", member, question, null, "Bilateral modifier", "50 or RT/LT for 64483?", null);
        // "250 OK" came back, so the thread is already stored
        Long thread = threadOf(question);
        assertThat(thread).isNotNull();
        send(2526, "consult@localhost", member, question, null, "Bilateral modifier", "50 or RT/LT for 64483?", null);
        assertThat(jdbc.queryForObject("select count(*) from consult_message where message_id = ?", Integer.class, question)).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> send(2526, "someone-else@localhost", member,
                "<x-" + UUID.randomUUID() + "@example.org>", null, "Hi", "Hello", null)).isInstanceOf(MessagingException.class);
    }
}
