package org.codedesk.careers;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.codedesk.accounts.AccountDeleted;
import org.codedesk.accounts.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Saved job searches: a member keeps the filters of a search and gets, once a day, an email with the open jobs
 * published since the last one (none: no email). Every email carries a link that unsubscribes without logging in.
 *
 * <p>Every node runs the daily digest; each saved search is claimed in the database before its email is sent (the
 * claim holds only while the search's last sending is the one this node read, and for {@link #CLAIM} at most), so the
 * search gets one email per run across the cluster, as the consult outbox claims its rows.
 */
@Service
public class JobAlerts {

    /** A saved search: its filters as a query string ("credential=CPC&remote=true"). */
    public record SavedSearch(long id, String query, Instant createdAt, Instant lastSentAt) { }

    static final int MAX_SEARCHES = 20;
    /** How long a node may take to send one search's email before another node may claim the search. */
    static final Duration CLAIM = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(JobAlerts.class);

    private final JdbcTemplate jdbc;
    private final Jobs jobs;
    private final JavaMailSender sender;
    private final String from;
    private final String baseUrl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    JobAlerts(JdbcTemplate jdbc, Jobs jobs, JavaMailSender sender, Clock clock, @Value("${codedesk.mail.from:CodeDesk <no-reply@localhost>}") String from,
              @Value("${codedesk.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.sender = sender;
        this.from = from;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** Saves the filters (only the known ones are kept); returns the id. */
    public long save(Member member, Map<String, String> filters) {
        Integer count = jdbc.queryForObject("select count(*) from career_saved_search where account_id = ?", Integer.class, member.id());
        if (count != null && count >= MAX_SEARCHES) {
            throw new IllegalArgumentException("You have " + MAX_SEARCHES + " saved searches: delete one first.");
        }
        String query = queryString(filters);
        Instant now = clock.instant();
        jdbc.update("insert into career_saved_search (account_id, email, query, created_at, last_sent_at, unsubscribe_token) values (?, ?, ?, ?, ?, ?)",
                member.id(), member.email(), query, Timestamp.from(now), Timestamp.from(now), HexFormat.of().formatHex(random.generateSeed(16)));
        return jdbc.queryForObject("select max(id) from career_saved_search where account_id = ?", Long.class, member.id());
    }

    public List<SavedSearch> of(Member member) {
        return jdbc.query("select * from career_saved_search where account_id = ? order by created_at desc, id desc",
                (rs, i) -> new SavedSearch(rs.getLong("id"), rs.getString("query"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_sent_at").toInstant()), member.id());
    }

    public boolean delete(Member member, long id) {
        return jdbc.update("delete from career_saved_search where id = ? and account_id = ?", id, member.id()) == 1;
    }

    /** Stops the emails of the search the link was for; false for an unknown (or already used) token. */
    public boolean unsubscribe(String token) {
        return token != null && jdbc.update("delete from career_saved_search where unsubscribe_token = ?", token) == 1;
    }

    /**
     * Sends each saved search's new jobs (daily, {@code codedesk.careers.alerts.cron}, on every node); returns how many
     * emails this node sent. A search another node has claimed, or has sent since this node read it, is left to it.
     */
    @Scheduled(cron = "${codedesk.careers.alerts.cron:0 0 7 * * *}")
    public int sendDigests() {
        int sent = 0;
        List<Object[]> searches = jdbc.query("select id, email, query, last_sent_at, unsubscribe_token from career_saved_search",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4), rs.getString(5)});
        for (Object[] s : searches) {
            Instant now = clock.instant();
            if (!claim((Long) s[0], (Timestamp) s[3], now)) {
                continue;
            }
            sent += send(s, now) ? 1 : 0;
        }
        return sent;
    }

    /** Claims a search for this node's run: only while no other node holds it and its last sending is the one read. */
    private boolean claim(long id, Timestamp lastSent, Instant now) {
        return jdbc.update("update career_saved_search set locked_until = ? where id = ? and last_sent_at = ?"
                + " and (locked_until is null or locked_until < ?)", Timestamp.from(now.plus(CLAIM)), id, lastSent, Timestamp.from(now)) == 1;
    }

    /** Sends a claimed search's new jobs, if any, and frees the claim; true when an email went out. */
    private boolean send(Object[] s, Instant now) {
        try {
            Map<String, String> filters = filters((String) s[2]);
            Instant since = ((Timestamp) s[3]).toInstant();
            List<Job> fresh = jobs.search(query(filters, 1)).jobs().stream().filter(j -> j.publishedAt() != null && j.publishedAt().isAfter(since)).toList();
            if (fresh.isEmpty()) {
                return false;
            }
            StringBuilder text = new StringBuilder("New coding jobs for your saved search (" + describe(filters) + "):\n\n");
            for (Job job : fresh) {
                text.append("- ").append(job.title()).append(", ").append(job.organisation()).append(" (").append(job.location()).append(")\n  ")
                        .append(baseUrl).append("/jobs/").append(job.id()).append('\n');
            }
            text.append("\nAll results: ").append(baseUrl).append("/jobs?").append(s[2]).append("\n\nStop these emails: ").append(baseUrl)
                    .append("/jobs/alerts/unsubscribe?token=").append(s[4]).append('\n');
            try {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo((String) s[1]);
                message.setSubject(fresh.size() + " new coding job" + (fresh.size() == 1 ? "" : "s") + " for your saved search");
                message.setText(text.toString());
                sender.send(message);
                jdbc.update("update career_saved_search set last_sent_at = ? where id = ?", Timestamp.from(now), s[0]);
                return true;
            } catch (MailException e) {
                // not marked sent: tomorrow's digest includes these jobs again
                log.warn("Job alert {} not sent: {}", s[0], e.getMessage());
                return false;
            }
        } finally {
            jdbc.update("update career_saved_search set locked_until = null where id = ?", s[0]);
        }
    }

    static final List<String> FILTERS = List.of("q", "credential", "remote", "location", "minSalary", "specialty");

    static String queryString(Map<String, String> filters) {
        UriComponentsBuilder builder = UriComponentsBuilder.newInstance();
        for (String name : FILTERS) {
            String value = filters.get(name);
            if (value != null && !value.isBlank()) {
                builder.queryParam(name, value.trim());
            }
        }
        String query = builder.build().encode().getQuery();
        return query == null ? "" : query.length() > 1000 ? query.substring(0, 1000) : query;
    }

    static Map<String, String> filters(String query) {
        Map<String, String> result = new LinkedHashMap<>();
        UriComponentsBuilder.newInstance().query(query).build().getQueryParams().forEach((k, v) -> {
            if (!v.isEmpty() && v.get(0) != null) {
                result.put(k, java.net.URLDecoder.decode(v.get(0), java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return result;
    }

    static JobQuery query(Map<String, String> f, int page) {
        return new JobQuery(f.get("q"), f.get("credential"), "true".equals(f.get("remote")), f.get("location"), integer(f.get("minSalary")),
                f.get("specialty"), null, "newest", page);
    }

    private static Integer integer(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String describe(Map<String, String> filters) {
        return filters.isEmpty() ? "all jobs" : String.join(", ", filters.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    @EventListener
    void on(AccountDeleted deleted) {
        jdbc.update("delete from career_saved_search where account_id = ?", deleted.accountId());
    }
}
