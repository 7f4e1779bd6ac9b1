package org.codedesk.edits.source;

import java.util.List;

/**
 * A parsed PPRRVU file: the title from its first header row (e.g. "2025 National Physician Fee Schedule Relative
 * Value File October Release") and its rows in file order.
 */
public record RvuFile(String title, List<RvuRow> rows) {

    public RvuFile {
        rows = List.copyOf(rows);
    }
}
