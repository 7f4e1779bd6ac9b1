package org.codedesk.careers;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.codedesk.accounts.AccountDeleted;
import org.codedesk.accounts.Member;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * Applications on the site: a member applies once to an open job with a cover note and a résumé (checked by content);
 * the job's employer, and only they, sees the applications to their jobs and moves them along; the applicant sees
 * where each of theirs stands.
 */
@Service
public class Applications {

    /** What an applicant reads when the résumé is over the limit (the page says "at most 5 MB" too). */
    public static final String RESUME_TOO_LARGE = "A résumé is at most 5 MB.";

    private static final RowMapper<Application> ROW = (rs, i) -> new Application(rs.getLong("id"), rs.getLong("job_id"), rs.getString("title"),
            rs.getString("organisation"), rs.getLong("applicant_id"), rs.getString("applicant_email"), rs.getString("cover_note"),
            rs.getString("resume_name"), rs.getString("status"), rs.getTimestamp("applied_at").toInstant());
    private static final String SELECT = "select a.*, j.title, j.organisation from career_application a join career_job j on j.id = a.job_id";

    private final JdbcTemplate jdbc;
    private final java.time.Clock clock;
    private final Jobs jobs;

    Applications(JdbcTemplate jdbc, Jobs jobs, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Applies; throws InvalidJobException with field errors (no résumé, not a PDF or DOCX, too long a note, applied already). */
    public long apply(Member applicant, long jobId, String coverNote, String resumeName, byte[] resume) {
        Job job = jobs.find(jobId, Optional.empty()).filter(j -> j.open(LocalDate.now(clock)) && j.applyUrl() == null)
                .orElseThrow(() -> new InvalidJobException(Map.of("job", "This job does not take applications here (closed, expired, or"
                        + " it gives its own address).")));
        String note = coverNote == null ? "" : coverNote.strip();
        if (note.length() > 5000) {
            throw new InvalidJobException(Map.of("coverNote", "At most 5,000 characters."));
        }
        String type;
        try {
            type = Resume.typeOf(resume);
        } catch (IllegalArgumentException e) {
            throw new InvalidJobException(Map.of("resume", e.getMessage()));
        }
        String name = resumeName == null || resumeName.isBlank() ? "resume" : resumeName.replaceAll("[^A-Za-z0-9._ -]", "_");
        try {
            jdbc.update("insert into career_application (job_id, applicant_id, applicant_email, cover_note, resume_name, resume_type, resume, status,"
                    + " applied_at) values (?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?)", job.id(), applicant.id(), applicant.email(), note,
                    name.length() > 255 ? name.substring(0, 255) : name, type, resume, Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            throw new InvalidJobException(Map.of("job", "You have already applied to this job."));
        }
        return jdbc.queryForObject("select id from career_application where job_id = ? and applicant_id = ?", Long.class, job.id(), applicant.id());
    }

    /** The applications to one of the employer's jobs; empty for another employer's job. */
    public List<Application> forJob(Member employer, long jobId) {
        return jdbc.query(SELECT + " where a.job_id = ? and j.employer_id = ? order by a.applied_at, a.id", ROW, jobId, employer.id());
    }

    /** The applicant's own applications, newest first. */
    public List<Application> mine(Member applicant) {
        return jdbc.query(SELECT + " where a.applicant_id = ? order by a.applied_at desc, a.id desc", ROW, applicant.id());
    }

    /** The employer moves an application to a status; false when it is not to one of their jobs. */
    public boolean setStatus(Member employer, long applicationId, String status) {
        if (!Application.STATUSES.contains(status)) {
            throw new InvalidJobException(Map.of("status", "One of " + String.join(", ", Application.STATUSES.stream().sorted().toList()) + "."));
        }
        return jdbc.update("update career_application set status = ? where id = ? and job_id in (select id from career_job where employer_id = ?)",
                status, applicationId, employer.id()) == 1;
    }

    /** A résumé, to the employer of the job only: name, type, bytes. */
    public Optional<Object[]> resume(Member employer, long applicationId) {
        return jdbc.query("select a.resume_name, a.resume_type, a.resume from career_application a join career_job j on j.id = a.job_id"
                + " where a.id = ? and j.employer_id = ?", (rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBytes(3)},
                applicationId, employer.id()).stream().findFirst();
    }

    /** A deleted member's applications go with their account: cover notes and résumés are personal data. */
    @EventListener
    void on(AccountDeleted deleted) {
        jdbc.update("delete from career_application where applicant_id = ?", deleted.accountId());
    }
}
