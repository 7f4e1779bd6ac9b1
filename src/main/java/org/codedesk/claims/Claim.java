package org.codedesk.claims;

import java.util.List;

/**
 * A claim to check, as submitted (strings, not yet validated): date of service (YYYY-MM-DD, today when
 * blank), setting (practitioner by default, outpatient_hospital, inpatient_hospital, dme), lines, optional ICD-10-CM diagnoses, and for
 * payment estimates an optional locality ("MAC-locality") and place of service (two digits: facility or
 * non-facility rate), and for the Medicare Code Editor's edits the patient's age in years (0-124) and sex (M, F or U).
 */
public record Claim(String dateOfService, String setting, List<ClaimLine> lines, List<String> diagnoses, String locality,
                    String placeOfService, Integer age, String sex) {

    /** The most lines one claim may have. */
    public static final int MAX_LINES = 50;

    public Claim {
        lines = lines == null ? List.of() : lines;
        diagnoses = diagnoses == null ? List.of() : diagnoses;
    }

    public Claim(String dateOfService, String setting, List<ClaimLine> lines, List<String> diagnoses, String locality) {
        this(dateOfService, setting, lines, diagnoses, locality, null);
    }

    public Claim(String dateOfService, String setting, List<ClaimLine> lines, List<String> diagnoses, String locality, String placeOfService) {
        this(dateOfService, setting, lines, diagnoses, locality, placeOfService, null, null);
    }
}
