package org.codedesk.edits.source;

/**
 * One medically unlikely edit: at most {@code value} units of {@code code} per line or per day.
 * {@code adjudicationIndicator} is 1 (line edit), 2 (date of service edit: policy) or 3 (date of service edit:
 * clinical); {@code adjudicationText} is the text after that digit in the file ("Date of Service Edit: Policy").
 */
public record MueRow(String code, int value, int adjudicationIndicator, String adjudicationText, String rationale) {
}
