package org.codedesk.consult;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.codedesk.accounts.Accounts;
import org.codedesk.accounts.Member;
import org.codedesk.web.ReadableTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mail from a member's address that did not prove its sender (see {@link Consults#receive}): kept, not taken in, until
 * the member, logged in, confirms it ({@link Consults#confirm}) or discards it. The member is mailed at the account's
 * confirmed address, with a fixed subject and text and a link, at most once an hour however many mails come: nothing of
 * the held mail is ever echoed, since whoever wrote it may not be the member.
 */
@Service
public class HeldMails {

    static final String NOTICE_SUBJECT = "Confirm your question to CodeDesk's consultants";
    static final Duration NOTICE_INTERVAL = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final Accounts accounts;
    private final String baseUrl;
    private final java.time.Clock clock;
    private final SecureRandom random = new SecureRandom();

    HeldMails(JdbcTemplate jdbc, Outbox outbox, Accounts accounts, java.time.Clock clock,
              @Value("${codedesk.base-url:http://localhost:8080}") String baseUrl) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.accounts = accounts;
        this.baseUrl = baseUrl;
    }

    /** A held mail taken out for confirmation: the mail, its Message-ID and its files. */
    record Taken(HeldMail mail, String messageId, List<InboundMail.Attachment> attachments) { }

    /**
     * Keeps a mail for the member to confirm (its files too unless they come to more than the limit, {@code droppedBytes}
     * then) and mails the member a notice unless one went out within the hour or the account's address is unconfirmed.
     */
    void hold(InboundMail mail, Member member, Long threadId, String subject, String body, long droppedBytes, String noticeId) {
        Instant now = clock.instant();
        String key = HexFormat.of().formatHex(bytes(16));
        Integer recent = jdbc.queryForObject("select count(*) from consult_held_mail where account_id = ? and notified_at > ?", Integer.class,
                member.id(), Timestamp.from(now.minus(NOTICE_INTERVAL)));
        boolean notify = recent != null && recent == 0 && accounts.emailVerified(member.id());
        GeneratedKeyHolder generated = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var s = c.prepareStatement("insert into consult_held_mail (account_id, confirm_key, message_id, thread_id, subject, body, dropped_bytes,"
                    + " received_at, notified_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            s.setLong(1, member.id());
            s.setString(2, key);
            s.setString(3, mail.messageId());
            s.setObject(4, threadId);
            s.setString(5, subject.length() > Consults.MAX_SUBJECT ? subject.substring(0, Consults.MAX_SUBJECT) : subject);
            s.setString(6, body);
            s.setLong(7, droppedBytes);
            s.setTimestamp(8, Timestamp.from(now));
            s.setTimestamp(9, notify ? Timestamp.from(now) : null);
            return s;
        }, generated);
        long id = generated.getKey().longValue();
        if (droppedBytes == 0) {
            for (InboundMail.Attachment a : mail.attachments()) {
                jdbc.update("insert into consult_held_attachment (held_id, name, content_type, size, data) values (?, ?, ?, ?, ?)", id,
                        a.name().length() > 255 ? a.name().substring(0, 255) : a.name(),
                        a.contentType().length() > 100 ? "application/octet-stream" : a.contentType(), a.size(), a.data());
            }
        }
        if (notify) {
            outbox.queue(null, member, NOTICE_SUBJECT, "A coding question was sent to CodeDesk's consultants by email from this address on "
                    + ReadableTime.of(now) + ". We could not tell that it came from you, so it is kept"
                    + " but not taken in until you confirm it.\n\nTo read it and confirm or discard it, log in and open:\n" + baseUrl
                    + "/consult/held/" + key + "\n\nOther questions waiting for you are listed at " + baseUrl + "/consult.\n\nIf you did not"
                    + " send it, do nothing: it opens no consult and does not count against your plan. Replying to this email does not"
                    + " confirm it.", noticeId, null, null);
        }
    }

    /** The member's held mails, newest first. */
    public List<HeldMail> of(Member member) {
        return jdbc.query("select * from consult_held_mail where account_id = ? order by received_at desc, id desc fetch first 50 rows only",
                (rs, i) -> mail(rs), member.id());
    }

    /** One of the member's held mails. */
    public Optional<HeldMail> find(String key, Member member) {
        return jdbc.query("select * from consult_held_mail where confirm_key = ? and account_id = ?", (rs, i) -> mail(rs), key, member.id())
                .stream().findFirst();
    }

    /** Takes the member's held mail out (deleted; back if the caller's transaction fails), with its files. */
    Optional<Taken> take(String key, Member member) {
        List<Long> ids = jdbc.queryForList("select id from consult_held_mail where confirm_key = ? and account_id = ?", Long.class, key,
                member.id());
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        long id = ids.get(0);
        HeldMail mail = find(key, member).orElseThrow();
        String messageId = jdbc.queryForObject("select message_id from consult_held_mail where id = ?", String.class, id);
        List<InboundMail.Attachment> attachments = jdbc.query("select name, content_type, data from consult_held_attachment where held_id = ?"
                + " order by id", (rs, i) -> new InboundMail.Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3)), id);
        // a second confirmation at the same moment finds nothing left to take
        if (jdbc.update("delete from consult_held_mail where id = ?", id) != 1) {
            return Optional.empty();
        }
        return Optional.of(new Taken(mail, messageId, attachments));
    }

    /** The member discards a held mail: it is gone, and a second delivery of it is not held again. */
    @Transactional
    public boolean discard(String key, Member member) {
        List<String> messageIds = jdbc.queryForList("select message_id from consult_held_mail where confirm_key = ? and account_id = ?",
                String.class, key, member.id());
        if (messageIds.isEmpty() || jdbc.update("delete from consult_held_mail where confirm_key = ? and account_id = ?", key, member.id()) != 1) {
            return false;
        }
        jdbc.update("insert into consult_refused_mail (message_id, reason, received_at) values (?, 'DISCARDED', ?)", messageIds.get(0),
                Timestamp.from(clock.instant()));
        return true;
    }

    void forget(long accountId) {
        jdbc.update("delete from consult_held_mail where account_id = ?", accountId);
    }

    private HeldMail mail(java.sql.ResultSet rs) throws java.sql.SQLException {
        List<HeldMail.File> files = jdbc.query("select name, size from consult_held_attachment where held_id = ? order by id",
                (f, j) -> new HeldMail.File(f.getString(1), f.getLong(2)), rs.getLong("id"));
        return new HeldMail(rs.getString("confirm_key"), rs.getString("subject"), rs.getString("body"), rs.getTimestamp("received_at").toInstant(),
                (Long) rs.getObject("thread_id", Long.class), rs.getLong("dropped_bytes"), files);
    }

    private byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }
}
