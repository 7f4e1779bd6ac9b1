package org.codedesk.claims;

import java.util.List;

/**
 * A claim to check, as submitted (strings, not yet validated): date of service (YYYY-MM-DD, today when
 * blank), setting (practitioner, outpatient_hospital, dme), lines, optional ICD-10-CM diagnoses, and an
 * optional payment locality ("MAC-locality") for payment estimates.
 */
public record Claim(String dateOfService, String setting, List<ClaimLine> lines, List<String> diagnoses, String locality) {

    public Claim {
        lines = lines == null ? List.of() : lines;
        diagnoses = diagnoses == null ? List.of() : diagnoses;
    }
}
