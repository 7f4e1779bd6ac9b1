package org.codedesk.careers;

import java.time.Instant;

/** A member's application to a job: the cover note, the résumé's name, and where it stands with the employer. */
public record Application(long id, long jobId, String jobTitle, String organisation, long applicantId, String applicantEmail, String coverNote,
                          String resumeName, String status, Instant appliedAt) {

    public static final java.util.Set<String> STATUSES = java.util.Set.of("SUBMITTED", "REVIEWED", "INTERVIEW", "OFFER", "REJECTED", "HIRED");
}
