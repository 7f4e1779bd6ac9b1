package org.codedesk.consult;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.codedesk.accounts.Member;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Received mail that could not be read (a malformed MIME header, say) or taken in: kept whole, as received, for a
 * consultant, who sees it on the queue, downloads it and marks it handled. Keeping it lets the listener accept it
 * ("250") instead of refusing it for ever, and nothing a member wrote is lost.
 */
@Service
public class UnreadableMail {

    /** A kept mail as listed for consultants: who sent it (the SMTP envelope, or the From header), why it was kept, its size. */
    public record Entry(long id, String sender, String reason, long size, Instant receivedAt) { }

    private final JdbcTemplate jdbc;
    private final java.time.Clock clock;

    UnreadableMail(JdbcTemplate jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores the raw mail for a person (one statement, so it is stored or not at all). */
    public long keep(String sender, byte[] raw, String reason) {
        String from = sender == null ? "" : sender.length() > 320 ? sender.substring(0, 320) : sender;
        String why = reason == null ? "unknown" : reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(c -> {
            var s = c.prepareStatement("insert into consult_unreadable_mail (envelope_from, reason, size, raw, received_at) values (?, ?, ?, ?, ?)",
                    new String[] {"id"});
            s.setString(1, from);
            s.setString(2, why);
            s.setLong(3, raw.length);
            s.setBytes(4, raw);
            s.setTimestamp(5, Timestamp.from(clock.instant()));
            return s;
        }, key);
        return key.getKey().longValue();
    }

    /** The mails not yet handled, oldest first (consultants only). */
    public List<Entry> waiting(Member consultant) {
        requireConsultant(consultant);
        return jdbc.query("select id, envelope_from, reason, size, received_at from consult_unreadable_mail where handled_at is null"
                + " order by received_at, id", (rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                rs.getTimestamp(5).toInstant()));
    }

    /** The mail as received (consultants only). */
    public Optional<byte[]> raw(long id, Member consultant) {
        requireConsultant(consultant);
        return jdbc.query("select raw from consult_unreadable_mail where id = ?", (rs, i) -> rs.getBytes(1), id).stream().findFirst();
    }

    /** A consultant has dealt with the mail: it leaves the queue (the row stays, with who and when). */
    public boolean handled(long id, Member consultant) {
        requireConsultant(consultant);
        return jdbc.update("update consult_unreadable_mail set handled_at = ?, handled_by = ? where id = ? and handled_at is null",
                Timestamp.from(clock.instant()), consultant.email(), id) == 1;
    }

    private static void requireConsultant(Member member) {
        if (!Consults.isConsultant(member)) {
            throw new SecurityException("Only consultants may do this.");
        }
    }
}
