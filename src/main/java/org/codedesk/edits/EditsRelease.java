package org.codedesk.edits;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One imported release of an edits dataset ("MUE table, practitioner services 2026-Q2"): what every
 * finding and section cites.
 */
public record EditsRelease(long id, Dataset dataset, String version, String label, LocalDate effectiveFrom,
                           String files, int rowCount, Instant importedAt) {

    /** Whether this release answers for the date: in effect, and not past the quarter (or year) it was published for. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(effectiveFrom)
                && (dataset.monthsCovered() == 0 || date.isBefore(effectiveFrom.plusMonths(dataset.monthsCovered())));
    }

    /** "MUE table, practitioner services, 2026-Q2 (effective 2026-04-01)": table and quarter, for citations. */
    public String citation() {
        return label + " (effective " + effectiveFrom + ")";
    }
}
