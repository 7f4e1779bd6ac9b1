package org.codedesk.catalog.source.icd10cm;

import java.util.List;

import org.codedesk.catalog.source.icd10cm.TabularAddendaEntry.Action;
import org.codedesk.catalog.source.icd10cm.TabularAddendaEntry.Location;

/**
 * One line (a term, or a row of the drug or neoplasm table) of a CDC ICD-10-CM index addenda, read by
 * {@link IndexAddendaParser} and applied by {@link IndexAddendaApplier}.
 *
 * <p>A "Revise from" line and the "Revise to" line after it make one entry: action {@link Action#REVISE_TO}, the new
 * term in {@link #term()} and the old one in {@link #revisedFrom()}. "No Change" lines say where the next lines go (and,
 * in the tables, may carry changed cells).
 *
 * @param level       0 for a main term, else the number of dashes printed before the subterm
 * @param term        the term as printed after the action
 * @param revisedFrom the "Revise from" half of a revision, else null
 * @param cells       the drug or neoplasm table's cells printed on the row (empty for the plain indexes)
 */
public record IndexAddendaEntry(Action action, int level, Printed term, Printed revisedFrom, List<Cell> cells,
                                Location location) {

    public IndexAddendaEntry {
        cells = List.copyOf(cells);
    }

    /**
     * A term as printed: "Abortion (complete) (spontaneous) O03.9", "- intra-abdominal (see also Abscess, peritoneum) K65.1".
     *
     * @param title         the title with its nonessential modifiers, without the code and the cross-references
     * @param code          the code printed at the end, as written ("I60.8-"), else null
     * @param manifestation the code printed in brackets after it, else null
     * @param see           the target of "see", else null
     * @param seeAlso       the target of "see also", else null
     * @param seeCategory   the category of "see category", else null
     */
    public record Printed(String title, String code, String manifestation, String see, String seeAlso, String seeCategory) {
    }

    /**
     * One cell of a table row: the column of the addenda (1 = the first code column) and what it says. A cell printed
     * without an action (the row's unchanged codes) has action {@link Action#NO_CHANGE}; a revised cell has both values.
     *
     * @param from the code before a revision or the code deleted; null for a dash ("no code")
     * @param to   the code after a revision, added or unchanged; null for a dash
     */
    public record Cell(int column, Action action, String from, String to) {
    }

    /** "Revise from - tubal O00.10 to - tubal O00.10-" style description for reports. */
    public String describe() {
        String dashes = "- ".repeat(level);
        String text = action.label() + " " + dashes + print(term);
        return revisedFrom == null ? text : action.label() + " " + dashes + print(revisedFrom) + " -> " + print(term);
    }

    private static String print(Printed p) {
        StringBuilder s = new StringBuilder(p.title());
        if (p.see() != null) {
            s.append(" - see ").append(p.see());
        }
        if (p.seeAlso() != null) {
            s.append(" - see also ").append(p.seeAlso());
        }
        if (p.seeCategory() != null) {
            s.append(" - see category ").append(p.seeCategory());
        }
        if (p.code() != null) {
            s.append(' ').append(p.code());
        }
        if (p.manifestation() != null) {
            s.append(" [").append(p.manifestation()).append(']');
        }
        return s.toString();
    }
}
