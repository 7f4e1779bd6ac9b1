package org.codedesk.edits;

import java.time.LocalDate;

/**
 * An NCCI procedure-to-procedure edit: {@code column2} is not paid with {@code column1} on the same date
 * of service by the same provider, unless the modifier indicator allows a modifier to bypass it.
 *
 * @param deleted the last date of service the edit applies to (CMS deletion dates close a quarter: 20151231), null while
 *                it is in force
 */
public record PtpEdit(String column1, String column2, boolean priorTo1996, LocalDate effective, LocalDate deleted,
                      ModifierIndicator indicator, String rationale, EditsRelease release) {

    /** In force on the date: from its effective date through its deletion date, both included. */
    public boolean activeOn(LocalDate date) {
        return !date.isBefore(effective) && (deleted == null || !date.isAfter(deleted));
    }
}
