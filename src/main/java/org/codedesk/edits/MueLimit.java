package org.codedesk.edits;

/**
 * A medically unlikely edit: the most units of a code a provider would report for one patient on one date
 * of service (or one claim line, by the adjudication indicator), in one setting.
 */
public record MueLimit(String code, int value, int adjudication, String adjudicationText, String adjudicationWords,
                       String rationale, Setting setting, EditsRelease release) {

    /** Indicator 1 compares each claim line; 2 and 3 add up every line of the code on the date of service. */
    public boolean perLine() {
        return adjudication == 1;
    }
}
