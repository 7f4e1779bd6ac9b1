package org.codedesk.edits.source;

import java.time.LocalDate;

/**
 * One NCCI add-on code edit: {@code addOnCode} is paid only with {@code primaryCode}. {@code primaryCode} is null
 * when the row names no specific primary (CMS writes "CCCCC": contractor-defined primaries, edit types 2 and
 * some 3). {@code editType} is 1 (only the listed primaries), 2 (no specific primaries) or 3 (listed primaries,
 * others allowed by the contractor). {@code deleted} is the edit's deletion date, null while in force; {@code note}
 * is the special instruction, "" when none.
 */
public record AddOnRow(String addOnCode, String primaryCode, int editType, LocalDate effective, LocalDate deleted,
        String note) {
}
