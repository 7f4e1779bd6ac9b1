package org.codedesk.edits.source;

import java.time.LocalDate;

/**
 * One NCCI procedure-to-procedure edit: {@code column2} is not paid with {@code column1} on the same claim unless
 * the modifier indicator allows a modifier. {@code deleted} is null while the edit is in force ("*" in the file);
 * {@code modifierIndicator} is 0 (not allowed), 1 (allowed) or 9 (not applicable).
 */
public record PtpRow(String column1, String column2, boolean priorTo1996, LocalDate effective, LocalDate deleted,
        int modifierIndicator, String rationale) {
}
