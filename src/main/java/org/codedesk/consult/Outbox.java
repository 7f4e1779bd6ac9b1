package org.codedesk.consult;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.codedesk.accounts.Accounts;
import org.codedesk.accounts.Member;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Every consult mail goes out through this table: a message is stored first, in the same transaction as what caused
 * it, then a worker sends what is due, retrying with exponential backoff ({@code codedesk.consult.outbox.first-retry},
 * doubling, at most {@code .max-retry}) until it is sent or has failed {@code .max-attempts} times, when it is shown
 * to admins. A node claims a row for a minute before sending it, so several nodes never send one message twice at once.
 * A message for a member's account goes to the account's current address, looked up when it is sent (the member may
 * have changed it since), and waits while that address is not yet confirmed.
 */
@Service
public class Outbox {

    /** A stored outgoing message and where it stands. */
    public record OutgoingMail(long id, Long threadId, Long accountId, String to, String subject, String body, String messageId, String inReplyTo,
                               int attempts, Instant nextAttemptAt, String lastError, Instant sentAt, boolean failed) { }

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final JdbcTemplate jdbc;
    private final JavaMailSender sender;
    private final Accounts accounts;
    private final String from;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final int maxAttempts;
    private final Clock clock;

    Outbox(JdbcTemplate jdbc, JavaMailSender sender, Accounts accounts, Clock clock, @Value("${codedesk.consult.from:${codedesk.mail.from:CodeDesk <no-reply@localhost>}}") String from,
           @Value("${codedesk.consult.outbox.first-retry:PT30S}") Duration firstRetry,
           @Value("${codedesk.consult.outbox.max-retry:PT1H}") Duration maxRetry,
           @Value("${codedesk.consult.outbox.max-attempts:10}") int maxAttempts) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.accounts = accounts;
        this.from = from;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    /**
     * Stores a message for a member's account, sent to the account's address of the moment as soon as the worker runs,
     * or, with {@code heldUntil}, once {@link #release}d (at the latest then: it is claimed until that instant).
     */
    void queue(Long threadId, Member member, String subject, String body, String messageId, String inReplyTo, Instant heldUntil) {
        jdbc.update("insert into consult_outbox (thread_id, account_id, to_address, subject, body, message_id, in_reply_to, attempts,"
                + " next_attempt_at, locked_until, failed) values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, false)", threadId, member.id(), member.email(),
                subject, body, messageId, inReplyTo, Timestamp.from(clock.instant()), heldUntil == null ? null : Timestamp.from(heldUntil));
    }

    /** A held message, not yet sent, gets its final text and may go. */
    void release(String messageId, String body) {
        jdbc.update("update consult_outbox set body = ?, locked_until = null where message_id = ? and sent_at is null", body, messageId);
    }

    /** The unsent messages of a deleted account go with it. */
    void forget(long accountId) {
        jdbc.update("delete from consult_outbox where account_id = ? and sent_at is null", accountId);
    }

    /** Sends every message that is due; returns how many went out. Runs every {@code codedesk.consult.outbox.interval}. */
    @Scheduled(fixedDelayString = "${codedesk.consult.outbox.interval:PT10S}", initialDelayString = "${codedesk.consult.outbox.interval:PT10S}")
    public int deliverDue() {
        Instant now = clock.instant();
        List<OutgoingMail> due = jdbc.query("select * from consult_outbox where sent_at is null and failed = false and next_attempt_at <= ?"
                + " and (locked_until is null or locked_until < ?) order by next_attempt_at, id fetch first 50 rows only", Outbox::row,
                Timestamp.from(now), Timestamp.from(now));
        int sent = 0;
        for (OutgoingMail mail : due) {
            int claimed = jdbc.update("update consult_outbox set locked_until = ? where id = ? and sent_at is null and (locked_until is null"
                    + " or locked_until < ?)", Timestamp.from(now.plusSeconds(60)), mail.id(), Timestamp.from(now));
            if (claimed == 1) {
                sent += addressed(mail, now).map(to -> send(mail, to, now)).orElse(false) ? 1 : 0;
            }
        }
        return sent;
    }

    /**
     * Where the message goes now: the account's current address when it is for an account (empty, the message put back
     * to wait, while that address is not confirmed; empty and failed when the account is gone), else its stored address.
     */
    private Optional<String> addressed(OutgoingMail mail, Instant now) {
        if (mail.accountId() == null) {
            return Optional.of(mail.to());
        }
        Optional<Member> member = accounts.member(mail.accountId());
        if (member.isEmpty()) {
            jdbc.update("update consult_outbox set locked_until = null, last_error = ?, failed = true where id = ?", "The account no longer exists.",
                    mail.id());
            return Optional.empty();
        }
        if (!accounts.emailVerified(mail.accountId())) {
            // not an attempt: the member has changed their address and not yet confirmed the new one
            jdbc.update("update consult_outbox set next_attempt_at = ?, locked_until = null, last_error = ? where id = ?",
                    Timestamp.from(now.plus(firstRetry)),
                    "Waiting for the member to confirm their email address.", mail.id());
            return Optional.empty();
        }
        return Optional.of(member.get().email());
    }

    private boolean send(OutgoingMail mail, String to, Instant now) {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(mail.subject());
            helper.setText(mail.body());
            if (mail.inReplyTo() != null) {
                message.setHeader("In-Reply-To", mail.inReplyTo());
                message.setHeader("References", mail.inReplyTo());
            }
            message.saveChanges();
            message.setHeader("Message-ID", mail.messageId());
            sender.send(message);
            jdbc.update("update consult_outbox set sent_at = ?, to_address = ?, attempts = attempts + 1, locked_until = null, last_error = null"
                    + " where id = ?", Timestamp.from(now), to, mail.id());
            return true;
        } catch (MailException | MessagingException e) {
            int attempts = mail.attempts() + 1;
            boolean failed = attempts >= maxAttempts;
            long backoff = Math.min(maxRetry.toMillis(), firstRetry.toMillis() << Math.min(attempts - 1, 20));
            String error = String.valueOf(e.getMessage());
            jdbc.update("update consult_outbox set attempts = ?, next_attempt_at = ?, locked_until = null, last_error = ?, failed = ? where id = ?",
                    attempts, Timestamp.from(now.plusMillis(backoff)), error.length() > 1000 ? error.substring(0, 1000) : error, failed, mail.id());
            // the address and error only: never the body, which may hold a member's question
            log.warn("Consult mail {} to {} not sent (attempt {}{}): {}", mail.id(), to, attempts, failed ? ", giving up" : "", error);
            return false;
        }
    }

    /** Messages that failed for good, newest first, for admins. */
    public List<OutgoingMail> failed() {
        return jdbc.query("select * from consult_outbox where failed = true order by next_attempt_at desc, id desc", Outbox::row);
    }

    /** Messages not yet sent (waiting or retrying), oldest first. */
    public List<OutgoingMail> pending() {
        return jdbc.query("select * from consult_outbox where sent_at is null and failed = false order by next_attempt_at, id", Outbox::row);
    }

    /** Puts a failed message back in the queue (an admin's retry). */
    public boolean retry(long id) {
        return jdbc.update("update consult_outbox set failed = false, attempts = 0, next_attempt_at = ? where id = ? and failed = true",
                Timestamp.from(clock.instant()), id) == 1;
    }

    private static OutgoingMail row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new OutgoingMail(rs.getLong("id"), (Long) rs.getObject("thread_id", Long.class), (Long) rs.getObject("account_id", Long.class),
                rs.getString("to_address"), rs.getString("subject"),
                rs.getString("body"), rs.getString("message_id"), rs.getString("in_reply_to"), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"), sent == null ? null : sent.toInstant(),
                rs.getBoolean("failed"));
    }
}
