package org.codedesk.assistant;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.codedesk.edits.Setting;

/**
 * A question as understood: its intent and the entities in it. Codes are in key form (no dot, upper case):
 * {@code procedures} are CPT and HCPCS Level II codes, {@code diagnoses} ICD-10-CM, {@code pcs} ICD-10-PCS.
 * {@code words} is the question without its codes, for search; {@code also} the intents of the question's other parts,
 * answered after the first ("mue and global for 20610").
 */
public record Interpretation(Intent intent, List<String> procedures, List<String> diagnoses, List<String> pcs, List<String> modifiers,
                             Optional<LocalDate> date, Optional<Setting> setting, String words, List<Intent> also) {

    /** A question with one intent. */
    public Interpretation(Intent intent, List<String> procedures, List<String> diagnoses, List<String> pcs, List<String> modifiers,
                          Optional<LocalDate> date, Optional<Setting> setting, String words) {
        this(intent, procedures, diagnoses, pcs, modifiers, date, setting, words, List.of());
    }
}
