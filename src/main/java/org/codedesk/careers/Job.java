package org.codedesk.careers;

import java.time.Instant;
import java.time.LocalDate;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A coding job as posted: what, where, which credentials, pay, how to apply, and where it stands (the employer's account id is not published). */
public record Job(long id, @JsonIgnore long employerId, String title, String organisation, String location, String workplace, String employmentType,
                  List<String> credentialsRequired, List<String> credentialsPreferred, List<String> specialties, List<String> codeSets,
                  Integer experienceYears, Integer salaryMin, Integer salaryMax, String salaryPeriod, String description, String applyUrl,
                  String status, Instant createdAt, Instant publishedAt, LocalDate expiresOn) {

    /**
     * The pay as people write it: "$62,000–$78,000 a year", "$28–$35 an hour", "from $62,000 a year", "up to $35 an hour";
     * null when the post gives none.
     */
    @JsonIgnore
    public String salaryText() {
        if (salaryMin == null && salaryMax == null) {
            return null;
        }
        String per = "HOUR".equals(salaryPeriod) ? " an hour" : " a year";
        if (salaryMin != null && salaryMax != null) {
            return salaryMin.equals(salaryMax) ? dollars(salaryMin) + per : dollars(salaryMin) + "–" + dollars(salaryMax) + per;
        }
        return salaryMin != null ? "from " + dollars(salaryMin) + per : "up to " + dollars(salaryMax) + per;
    }

    private static String dollars(int amount) {
        return "$" + NumberFormat.getIntegerInstance(Locale.US).format(amount);
    }

    /**
     * What the employer may do with the post now, as {@link Jobs} allows it: publish a draft or a closed post that has not
     * expired; close a published one; renew a published or closed one (another period from today).
     */
    @JsonIgnore
    public List<String> actions(LocalDate today) {
        List<String> actions = new ArrayList<>();
        if ((status.equals("DRAFT") || status.equals("CLOSED")) && !expiresOn.isBefore(today)) {
            actions.add("publish");
        }
        if (status.equals("PUBLISHED")) {
            actions.add("close");
        }
        if (status.equals("PUBLISHED") || status.equals("CLOSED")) {
            actions.add("renew");
        }
        return actions;
    }

    /** Open to the public: published and not past its expiry date. */
    public boolean open(LocalDate today) {
        return status.equals("PUBLISHED") && !expiresOn.isBefore(today);
    }
}
