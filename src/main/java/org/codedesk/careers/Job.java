package org.codedesk.careers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A coding job as posted: what, where, which credentials, pay, how to apply, and where it stands (the employer's account id is not published). */
public record Job(long id, @JsonIgnore long employerId, String title, String organisation, String location, String workplace, String employmentType,
                  List<String> credentialsRequired, List<String> credentialsPreferred, List<String> specialties, List<String> codeSets,
                  Integer experienceYears, Integer salaryMin, Integer salaryMax, String salaryPeriod, String description, String applyUrl,
                  String status, Instant createdAt, Instant publishedAt, LocalDate expiresOn) {

    /** Open to the public: published and not past its expiry date. */
    public boolean open(LocalDate today) {
        return status.equals("PUBLISHED") && !expiresOn.isBefore(today);
    }
}
