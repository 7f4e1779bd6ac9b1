package org.codedesk.claims;

import java.util.List;

/**
 * A claim to check, as submitted (strings, not yet validated): date of service (YYYY-MM-DD, today when
 * blank), setting (practitioner, outpatient_hospital, dme), lines, optional ICD-10-CM diagnoses, and for
 * payment estimates an optional locality ("MAC-locality") and place of service (two digits: facility or
 * non-facility rate).
 */
public record Claim(String dateOfService, String setting, List<ClaimLine> lines, List<String> diagnoses, String locality,
                    String placeOfService) {

    public Claim {
        lines = lines == null ? List.of() : lines;
        diagnoses = diagnoses == null ? List.of() : diagnoses;
    }

    public Claim(String dateOfService, String setting, List<ClaimLine> lines, List<String> diagnoses, String locality) {
        this(dateOfService, setting, lines, diagnoses, locality, null);
    }
}
