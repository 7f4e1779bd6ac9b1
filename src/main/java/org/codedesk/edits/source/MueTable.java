package org.codedesk.edits.source;

import java.util.List;

/**
 * One MUE table: its setting as the header names it ("Practitioner Services", "Outpatient Hospital Services",
 * "DME Supplier Services") and its rows in file order.
 */
public record MueTable(String setting, List<MueRow> rows) {

    public MueTable {
        rows = List.copyOf(rows);
    }
}
