package org.codedesk.catalog.source.icd10cm;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link TabularAddendaApplier} did with one addenda: the entries applied and, for each entry it could not
 * apply, why. "No Change" lines count as applied when the code, section or note they name is where they say.
 *
 * @param release the release the addenda produced ("FY2023")
 */
public record TabularAddendaReport(String release, List<TabularAddendaEntry> applied, List<Skipped> skipped) {

    public TabularAddendaReport {
        applied = List.copyOf(applied);
        skipped = List.copyOf(skipped);
    }

    /** Why an entry was skipped. */
    public enum Cause {
        /** The code, section or note the entry changes (or names as context) is not in the tabular. */
        NOT_FOUND,
        /** An "Add" whose code or note is already there, or a revision already made. */
        ALREADY_PRESENT,
        /** The code or section the entry sits under is not in the tabular. */
        NO_CONTEXT,
        /** A "Revise from" without its "Revise to", or the reverse. */
        UNPAIRED_REVISION,
        /** The change concerns something the tabular model does not keep (a chapter's list of blocks). */
        NOT_MODELLED,
        /** The parser could not tell what the line is. */
        UNRECOGNISED,
        /** Applying the entry failed unexpectedly; the message says how. */
        FAILED
    }

    /**
     * One entry not applied.
     *
     * @param reason e.g. "Delete: text not found under D12.6 Excludes1: inflammatory polyp of colon (K51.4-)"
     */
    public record Skipped(TabularAddendaEntry entry, Cause cause, String reason) {

        /** "icd10cm-tabular-addenda-2026.pdf p.2 l.27: " followed by the reason. */
        public String describe() {
            return entry.location() + ": " + reason;
        }
    }

    /** How many entries were skipped for each cause, in the order of {@link Cause}. */
    public Map<Cause, Integer> skippedByCause() {
        Map<Cause, Integer> counts = new EnumMap<>(Cause.class);
        skipped.forEach(s -> counts.merge(s.cause(), 1, Integer::sum));
        return counts;
    }
}
