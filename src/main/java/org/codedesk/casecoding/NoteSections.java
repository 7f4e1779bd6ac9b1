package org.codedesk.casecoding;

import java.util.Locale;
import java.util.regex.Pattern;

import org.codedesk.casecoding.text.ClinicalText;

/**
 * What a section of a note is worth to a coder. The assessment, impression, diagnosis lists and the operation
 * performed say what was treated (Guidelines IV.C, IV.D: code to the highest degree of certainty for the encounter);
 * the hospital course and the indication say it too in a discharge summary or an operative note. The history of
 * the present illness and the examination mostly hold signs and symptoms; the review of systems, past history, family
 * and social history and the medication list are not coded from unless the condition is also assessed.
 */
enum NoteSections {
    /** Assessment, impression, diagnoses, problem list: what the provider concluded. */
    CONCLUSION,
    /** Hospital course, indication, findings, procedure performed: what was treated or done. */
    TREATED,
    /** History of present illness, chief complaint, examination, results: findings on the way. */
    NARRATIVE,
    /** Review of systems. */
    REVIEW,
    /** Past medical or surgical history, social history. */
    HISTORY,
    /** Family history. */
    FAMILY,
    /** Medications, allergies. */
    MEDICATIONS;

    private static final Pattern REVIEW_WORDS = Pattern.compile("\\b(ros|review of systems?|systems review)\\b");
    private static final Pattern FAMILY_WORDS = Pattern.compile("\\b(family|fhx|fh)\\b");
    private static final Pattern MEDICATION_WORDS = Pattern.compile("\\b(meds|medications?|allerg(y|ies)|home medications|current medications)\\b");
    private static final Pattern HISTORY_WORDS = Pattern.compile("\\b(pmh|psh|pmhx|past|social|surgical history|medical history|hx)\\b");
    private static final Pattern CONCLUSION_WORDS = Pattern.compile("\\b(assessment|impressions?|diagnos[ie]s|dx|a ?/ ?p|a p|plan|problems?|problem list"
            + "|final|principal|secondary|discharge diagnos[ie]s)\\b");
    private static final Pattern TREATED_WORDS = Pattern.compile("\\b(course|indications?|findings|procedures?|operations?|postop|preop|post-op|pre-op"
            + "|operative|reason for (admission|visit)|mdm|medical decision making)\\b");

    /** The kind of a section from its heading (lower case; "" before any heading reads as narrative). */
    static NoteSections of(String heading) {
        String h = heading == null ? "" : heading.toLowerCase(Locale.ROOT).trim();
        if (h.isEmpty()) {
            return NARRATIVE;
        }
        if (h.equals("a") || h.equals("p")) {
            return CONCLUSION;
        }
        if (REVIEW_WORDS.matcher(h).find()) {
            return REVIEW;
        }
        if (FAMILY_WORDS.matcher(h).find()) {
            return FAMILY;
        }
        if (CONCLUSION_WORDS.matcher(h).find()) {
            return CONCLUSION;
        }
        if (h.contains("present illness") || h.equals("hpi")) {
            return NARRATIVE;
        }
        if (MEDICATION_WORDS.matcher(h).find()) {
            return MEDICATIONS;
        }
        if (HISTORY_WORDS.matcher(h).find()) {
            return HISTORY;
        }
        if (TREATED_WORDS.matcher(h).find()) {
            return TREATED;
        }
        return NARRATIVE;
    }

    static NoteSections of(ClinicalText note, int sentence) {
        return of(note.sentences().get(sentence).section());
    }

    /** True when the note has a conclusion (assessment, impression, diagnoses): then coding rests on it. */
    static boolean hasConclusion(ClinicalText note) {
        return note.sentences().stream().anyMatch(s -> of(s.section()) == CONCLUSION);
    }

    String label() {
        return switch (this) {
            case CONCLUSION -> "the assessment or diagnoses";
            case TREATED -> "the course, indication or procedure";
            case NARRATIVE -> "the history of present illness, examination or results";
            case REVIEW -> "the review of systems";
            case HISTORY -> "the past, surgical or social history";
            case FAMILY -> "the family history";
            case MEDICATIONS -> "the medication list";
        };
    }
}
