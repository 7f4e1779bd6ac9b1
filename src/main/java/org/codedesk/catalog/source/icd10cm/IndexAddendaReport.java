package org.codedesk.catalog.source.icd10cm;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.codedesk.catalog.source.icd10cm.TabularAddendaReport.Cause;

/**
 * What {@link IndexAddendaApplier} did with one index addenda: the changes applied ("No Change" lines only say where the
 * next lines go and are not counted) and, for each entry it could not apply, why.
 *
 * @param release the release the addenda produced ("FY2023")
 * @param kind    the index it changed
 * @param applied the number of changes applied
 */
public record IndexAddendaReport(String release, IndexKind kind, int applied, List<Skipped> skipped) {

    public IndexAddendaReport {
        skipped = List.copyOf(skipped);
    }

    /** One entry not applied, e.g. "icd10cm-index-addenda-2026.pdf p.2 l.27: Revise from - skull R93.09: no such term under Abnormal > diagnostic imaging". */
    public record Skipped(IndexAddendaEntry entry, Cause cause, String reason) {

        public String describe() {
            return entry.location() + ": " + entry.describe() + ": " + reason;
        }
    }

    public Map<Cause, Integer> skippedByCause() {
        Map<Cause, Integer> counts = new EnumMap<>(Cause.class);
        skipped.forEach(s -> counts.merge(s.cause(), 1, Integer::sum));
        return counts;
    }
}
