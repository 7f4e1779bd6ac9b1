package org.codedesk.careers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.codedesk.accounts.Member;
import org.codedesk.accounts.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * The job board: employers (the EMPLOYER role, granted by an admin once the employer is approved) write drafts,
 * publish, edit, close and renew their jobs; everyone searches the open ones. A job leaves search by itself on its
 * expiry date. Every change names the employer, so one employer never edits another's job.
 */
@Service
public class Jobs {

    /** A page of search results and how many there are in all. */
    public record Results(List<Job> jobs, int total, int page, int pages) { }

    private final JdbcTemplate jdbc;
    private final java.time.Clock clock;

    Jobs(JdbcTemplate jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public static boolean isEmployer(Member member) {
        return member.roles().contains(Role.EMPLOYER) || member.roles().contains(Role.ADMIN);
    }

    private static void requireEmployer(Member member) {
        if (!member.roles().contains(Role.EMPLOYER)) {
            throw new SecurityException("Only approved employers post jobs: ask the site's administrator to approve your account.");
        }
    }

    /** Saves a new draft; throws InvalidJobException with the field errors. */
    public long draft(Member employer, JobDraft draft) {
        requireEmployer(employer);
        LocalDate today = LocalDate.now(clock);
        validate(draft, today);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var s = c.prepareStatement("insert into career_job (employer_id, title, organisation, location, workplace, employment_type,"
                    + " credentials_required, credentials_preferred, specialties, code_sets, experience_years, salary_min, salary_max,"
                    + " salary_period, description, apply_url, status, created_at, expires_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, 'DRAFT', ?, ?)", new String[] {"id"});
            Object[] values = values(draft, today);
            s.setLong(1, employer.id());
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 2, values[i]);
            }
            s.setTimestamp(values.length + 2, Timestamp.from(clock.instant()));
            s.setObject(values.length + 3, draft.expiry(today));
            return s;
        }, key);
        return key.getKey().longValue();
    }

    /** Replaces the job's fields (a draft or a published job); false when it is not the employer's. */
    public boolean update(Member employer, long id, JobDraft draft) {
        requireEmployer(employer);
        LocalDate today = LocalDate.now(clock);
        validate(draft, today);
        Object[] values = values(draft, today);
        Object[] all = Arrays.copyOf(values, values.length + 3);
        all[values.length] = draft.expiry(today);
        all[values.length + 1] = id;
        all[values.length + 2] = employer.id();
        return jdbc.update("update career_job set title = ?, organisation = ?, location = ?, workplace = ?, employment_type = ?,"
                + " credentials_required = ?, credentials_preferred = ?, specialties = ?, code_sets = ?, experience_years = ?, salary_min = ?,"
                + " salary_max = ?, salary_period = ?, description = ?, apply_url = ?, expires_on = ? where id = ? and employer_id = ?"
                + " and status <> 'REMOVED'", all) == 1;
    }

    public boolean publish(Member employer, long id) {
        requireEmployer(employer);
        return jdbc.update("update career_job set status = 'PUBLISHED', published_at = coalesce(published_at, ?) where id = ? and employer_id = ?"
                + " and status in ('DRAFT', 'CLOSED') and expires_on >= ?", Timestamp.from(clock.instant()), id, employer.id(), LocalDate.now(clock)) == 1;
    }

    public boolean close(Member employer, long id) {
        requireEmployer(employer);
        return jdbc.update("update career_job set status = 'CLOSED' where id = ? and employer_id = ? and status = 'PUBLISHED'", id,
                employer.id()) == 1;
    }

    /** Another {@value JobDraft#DEFAULT_DAYS} days from today, published again if it had expired or was closed. */
    public boolean renew(Member employer, long id) {
        requireEmployer(employer);
        return jdbc.update("update career_job set expires_on = ?, status = 'PUBLISHED', published_at = ? where id = ? and employer_id = ?"
                + " and status in ('PUBLISHED', 'CLOSED')", LocalDate.now(clock).plusDays(JobDraft.DEFAULT_DAYS), Timestamp.from(clock.instant()), id,
                employer.id()) == 1;
    }

    /** An admin takes a job down (it stays, out of sight, for the record). */
    public boolean takeDown(Member admin, long id) {
        requireAdmin(admin);
        boolean done = jdbc.update("update career_job set status = 'REMOVED' where id = ?", id) == 1;
        resolveReports(admin, id);
        return done;
    }

    /** A user's report of a job post, for the admins. */
    public record Report(long id, long jobId, String jobTitle, String reason, Instant createdAt) { }

    /** A member reports a job post (spam, a scam, not a coding job...). */
    public void report(Member member, long jobId, String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > 1000) {
            throw new InvalidJobException(Map.of("reason", "Say what is wrong with the post (at most 1,000 characters)."));
        }
        find(jobId, Optional.empty()).orElseThrow(() -> new InvalidJobException(Map.of("job", "No open job " + jobId + ".")));
        jdbc.update("insert into career_report (job_id, reporter_id, reason, created_at, resolved) values (?, ?, ?, ?, false)", jobId, member.id(),
                text, Timestamp.from(clock.instant()));
    }

    /** Reports not yet dealt with, oldest first (admins). */
    public List<Report> openReports(Member admin) {
        requireAdmin(admin);
        return jdbc.query("select r.id, r.job_id, j.title, r.reason, r.created_at from career_report r join career_job j on j.id = r.job_id"
                + " where r.resolved = false order by r.created_at, r.id", (rs, i) -> new Report(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), rs.getTimestamp(5).toInstant()));
    }

    /** Marks the reports of a job dealt with (after a take-down, or when the post is fine). */
    public void resolveReports(Member admin, long jobId) {
        requireAdmin(admin);
        jdbc.update("update career_report set resolved = true where job_id = ?", jobId);
    }

    private static void requireAdmin(Member member) {
        if (!member.roles().contains(Role.ADMIN)) {
            throw new SecurityException("Only admins moderate the job board.");
        }
    }

    /** A job as the viewer may see it: open jobs to everyone; drafts, closed and expired ones to their employer and admins. */
    public Optional<Job> find(long id, Optional<Member> viewer) {
        return jdbc.query("select * from career_job where id = ?", Jobs::row, id).stream().findFirst()
                .filter(job -> job.open(LocalDate.now(clock)) || viewer.map(v -> v.id() == job.employerId() || v.roles().contains(Role.ADMIN)).orElse(false));
    }

    public List<Job> ofEmployer(Member employer) {
        return jdbc.query("select * from career_job where employer_id = ? and status <> 'REMOVED' order by created_at desc, id desc", Jobs::row,
                employer.id());
    }

    /** Open jobs matching the query, newest first or best paid first, a page at a time. */
    public Results search(JobQuery query) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where status = 'PUBLISHED' and expires_on >= ?");
        args.add(LocalDate.now(clock));
        if (query.words() != null) {
            for (String word : query.words().toLowerCase(Locale.ROOT).split("\\s+")) {
                if (!word.isBlank()) {
                    where.append(" and (lower(title) like ? or lower(organisation) like ? or lower(description) like ?)");
                    String like = "%" + word.replace("%", "").replace("_", "") + "%";
                    args.addAll(List.of(like, like, like));
                }
            }
        }
        if (query.credential() != null && !query.credential().isBlank()) {
            String like = "%," + query.credential().trim().toUpperCase(Locale.ROOT) + ",%";
            where.append(" and (credentials_required like ? or credentials_preferred like ?)");
            args.addAll(List.of(like, like));
        }
        if (query.remoteOnly()) {
            where.append(" and workplace = 'REMOTE'");
        }
        if (query.location() != null && !query.location().isBlank()) {
            where.append(" and lower(location) like ?");
            args.add("%" + query.location().trim().toLowerCase(Locale.ROOT) + "%");
        }
        if (query.minSalary() != null) {
            where.append(" and salary_period = 'YEAR' and coalesce(salary_max, salary_min) >= ?");
            args.add(query.minSalary());
        }
        if (query.specialty() != null && !query.specialty().isBlank()) {
            where.append(" and lower(specialties) like ?");
            args.add("%," + query.specialty().trim().toLowerCase(Locale.ROOT) + ",%");
        }
        if (query.postedWithinDays() != null) {
            where.append(" and published_at >= ?");
            args.add(Timestamp.from(clock.instant().minusSeconds(86_400L * query.postedWithinDays())));
        }
        Integer total = jdbc.queryForObject("select count(*) from career_job" + where, Integer.class, args.toArray());
        String order = query.sort().equals("salary") ? " order by case when salary_period = 'YEAR' then coalesce(salary_max, salary_min) end desc"
                + " nulls last, published_at desc, id desc" : " order by published_at desc, id desc";
        int count = total == null ? 0 : total;
        int pages = Math.max(1, (count + JobQuery.PAGE_SIZE - 1) / JobQuery.PAGE_SIZE);
        int page = Math.min(query.page(), pages); // a page past the last (page=2147483647) shows the last
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add((long) (page - 1) * JobQuery.PAGE_SIZE);
        List<Job> jobs = jdbc.query("select * from career_job" + where + order + " offset ? rows fetch next " + JobQuery.PAGE_SIZE + " rows only",
                Jobs::row, pageArgs.toArray());
        return new Results(jobs, count, page, pages);
    }

    private static void validate(JobDraft draft, LocalDate today) {
        Map<String, String> errors = draft.errors(today);
        if (!errors.isEmpty()) {
            throw new InvalidJobException(errors);
        }
    }

    /** The draft's columns in insert order, title to apply URL. */
    private static Object[] values(JobDraft d, LocalDate today) {
        return new Object[] {d.title().trim(), d.organisation().trim(), d.location().trim(), JobDraft.upper(d.workplace()),
            JobDraft.upper(d.employmentType()), stored(JobDraft.list(d.credentialsRequired())), stored(JobDraft.list(d.credentialsPreferred())),
            stored(JobDraft.freeList(d.specialties())), stored(JobDraft.freeList(d.codeSets())),
            JobDraft.integer(d.experienceYears()), JobDraft.integer(d.salaryMin()), JobDraft.integer(d.salaryMax()),
            JobDraft.integer(d.salaryMin()) == null && JobDraft.integer(d.salaryMax()) == null ? null : JobDraft.upper(d.salaryPeriod()),
            d.description().trim(), d.applyUrl() == null || d.applyUrl().isBlank() ? null : d.applyUrl().trim()};
    }

    private static String stored(List<String> items) {
        return items.isEmpty() ? "" : "," + String.join(",", items) + ",";
    }

    private static List<String> items(String stored) {
        return stored == null || stored.isBlank() ? List.of() : Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).toList();
    }

    static Job row(ResultSet rs, int i) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new Job(rs.getLong("id"), rs.getLong("employer_id"), rs.getString("title"), rs.getString("organisation"), rs.getString("location"),
                rs.getString("workplace"), rs.getString("employment_type"), items(rs.getString("credentials_required")),
                items(rs.getString("credentials_preferred")), items(rs.getString("specialties")), items(rs.getString("code_sets")),
                (Integer) rs.getObject("experience_years", Integer.class), (Integer) rs.getObject("salary_min", Integer.class),
                (Integer) rs.getObject("salary_max", Integer.class), rs.getString("salary_period"), rs.getString("description"),
                rs.getString("apply_url"), rs.getString("status"), rs.getTimestamp("created_at").toInstant(),
                published == null ? null : published.toInstant(), rs.getObject("expires_on", LocalDate.class));
    }
}
