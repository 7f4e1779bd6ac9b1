package org.codedesk.casecoding;

import java.time.LocalDate;
import java.util.List;

/**
 * The codes suggested for one note: diagnoses (ICD-10-CM) and procedures (ICD-10-PCS), best first, each with the
 * words that support it and the route that led there; the mentions that were found but may not be coded (negated,
 * a relative's, uncertain in an outpatient setting); and the warnings that concern the case as a whole.
 */
public record CaseCoding(
        LocalDate dateOfService,
        EncounterSetting setting,
        String diagnosisRelease,
        String procedureRelease,
        String method,
        List<CodeSuggestion> diagnoses,
        List<CodeSuggestion> procedures,
        List<NotCoded> notCoded,
        List<String> warnings) {

    /** Words of the note ({@code start} inclusive, {@code end} exclusive, in characters) and what the note asserts there. */
    public record Evidence(int start, int end, String text, String assertion) { }

    /**
     * A suggested code. {@code suggested} is true when the code is pre-checked: what a careful coder would submit
     * (the rest are further candidates, and {@code reason} says why each was not checked); {@code complete} is false
     * for a header code or an ICD-10-PCS table row, which still need characters the note does not settle (the
     * warnings say which).
     */
    public record CodeSuggestion(String system, String code, String title, double score, boolean suggested, boolean complete,
                                 List<Evidence> evidence, List<String> paths, List<String> warnings, String reason) { }

    /** A code whose only mentions may not be coded, and why. */
    public record NotCoded(String system, String code, String title, String reason, List<Evidence> evidence) { }
}
