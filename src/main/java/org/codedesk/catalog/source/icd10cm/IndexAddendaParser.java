package org.codedesk.catalog.source.icd10cm;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codedesk.catalog.source.SourceFormatException;
import org.codedesk.catalog.source.icd10cm.IndexAddendaEntry.Cell;
import org.codedesk.catalog.source.icd10cm.IndexAddendaEntry.Printed;
import org.codedesk.catalog.source.icd10cm.TabularAddendaEntry.Action;
import org.codedesk.catalog.source.icd10cm.TabularAddendaEntry.Location;

/**
 * Reads a CDC ICD-10-CM index addenda PDF (alphabetic index, external-cause index, table of drugs, table of neoplasms;
 * FY2018 onwards) into {@link IndexAddendaEntry}s, in the order printed.
 *
 * <p>The two indexes print one term a line: the action in an italic left column ("No Change", "Add", "Delete", "Revise
 * from", "Revise to"), then the term with one dash per subterm level, its nonessential modifiers, "- see" / "- see also"
 * / "(see also ...)" and the code at the end; a line without an action continues the one above. The tables print a row
 * a line, wrapped where long: the term in the first column, preceded by its own italic action ("Add:", "Delete:",
 * "Revise from:", "Revise to:"), and a cell per code column, each with its own action (a revised cell prints "Revise
 * from:", the old code, "Revise to:", the new code under each other). Columns are told by x position: they start
 * every {@value #COLUMN_WIDTH} points from {@value #FIRST_COLUMN}.
 *
 * <p>A file with no addenda line ("There were no changes to the Table of Neoplasms for 2018") gives no entry; a file that
 * is not a PDF is rejected with {@link SourceFormatException}. Stateless and thread-safe.
 */
public final class IndexAddendaParser {

    private static final float ACTION_COLUMN_END = 80f;
    private static final float TITLE_SIZE = 16f;
    /** Table content is 8 pt; notes such as "No changes for FY2021" are 11 pt or more. */
    private static final float TABLE_TEXT_MAX = 11f;
    private static final float FIRST_COLUMN = 183f;
    private static final float COLUMN_WIDTH = 65f;
    private static final int COLUMNS = 6;

    private static final String CODE = "[A-Z][0-9][0-9A-Z](?:\\.[0-9A-Z-]{0,4})?-?";
    private static final Pattern LEVEL = Pattern.compile("^((?:-\\s*)+)(?=\\S)");
    private static final Pattern MANIFESTATION = Pattern.compile("\\s*\\[(" + CODE + ")\\]$");
    private static final Pattern CODE_AT_END = Pattern.compile("(?<!categor(?:y|ies)|subcategory)\\s+(" + CODE + ")$");
    private static final Pattern SEE_IN_PARENS = Pattern.compile("^(.*?)\\s*\\(\\s*see(\\s+also)?\\s+([^)]*)\\)$");
    private static final Pattern SEE_AFTER_DASH = Pattern.compile("^(.*?)\\s+-\\s*see(\\s+also)?\\s+(.*)$");
    private static final Pattern SEE_CATEGORY = Pattern.compile("category\\s+(" + CODE + ")");
    private static final Pattern LABEL = Pattern.compile("(No Change|Add|Delete|Revise from|Revise to):?");

    /**
     * Reads the addenda.
     *
     * @param kind     which index the addenda changes: the tables are read by columns
     * @param fileName the file's name, for {@link Location} and errors
     * @param in       the PDF; read to its end, not closed
     */
    public List<IndexAddendaEntry> parse(IndexKind kind, String fileName, InputStream in) {
        List<PdfRuns.Line> lines = PdfRuns.read(fileName, in);
        return kind == IndexKind.DRUG || kind == IndexKind.NEOPLASM ? tableEntries(fileName, lines) : indexEntries(fileName, lines);
    }

    // ---------------------------------------------------------------- the indexes

    private record Raw(Action action, String text, Location at) {
    }

    static List<IndexAddendaEntry> indexEntries(String fileName, List<PdfRuns.Line> lines) {
        List<Raw> raws = new ArrayList<>();
        for (PdfRuns.Line line : lines) {
            List<PdfRuns.Run> runs = line.runs();
            if (runs.get(0).size() >= TITLE_SIZE) {
                continue;
            }
            Action action = runs.get(0).italic() && runs.get(0).x() < ACTION_COLUMN_END ? action(runs.get(0).text()) : null;
            if (action != null) {
                String content = String.join(" ", runs.subList(1, runs.size()).stream().map(PdfRuns.Run::text).toList());
                raws.add(new Raw(action, content, new Location(fileName, line.page(), line.line())));
            } else if (!raws.isEmpty()) {
                Raw last = raws.remove(raws.size() - 1);
                raws.add(new Raw(last.action(), join(last.text(), line.text()), last.at()));
            }
        }
        List<IndexAddendaEntry> entries = new ArrayList<>();
        for (int i = 0; i < raws.size(); i++) {
            Raw raw = raws.get(i);
            if (raw.text().isBlank() || raw.text().strip().matches("[A-Z#]")) {
                continue; // the letter heading ("No Change A") sits above its main terms, it is none
            }
            if (raw.action() == Action.REVISE_FROM && i + 1 < raws.size() && raws.get(i + 1).action() == Action.REVISE_TO) {
                Raw to = raws.get(++i);
                entries.add(new IndexAddendaEntry(Action.REVISE_TO, level(to.text()), printed(strip(to.text()), true),
                        printed(strip(raw.text()), true), List.of(), raw.at()));
            } else {
                entries.add(new IndexAddendaEntry(raw.action(), level(raw.text()), printed(strip(raw.text()), true), null,
                        List.of(), raw.at()));
            }
        }
        return entries;
    }

    private static Action action(String label) {
        Matcher m = LABEL.matcher(label.strip());
        if (!m.matches()) {
            return null;
        }
        for (Action a : Action.values()) {
            if (a.label().equals(m.group(1))) {
                return a;
            }
        }
        return null;
    }

    /** A wrapped line joined to the one above; a word cut by a hyphen at the line's end is joined back. */
    private static String join(String before, String after) {
        if (before.isEmpty()) {
            return after;
        }
        if (before.length() > 1 && before.endsWith("-") && Character.isLowerCase(before.charAt(before.length() - 2))
                && !after.isEmpty() && Character.isLowerCase(after.charAt(0))) {
            return before.substring(0, before.length() - 1) + after; // the typesetter's hyphen
        }
        return before + " " + after;
    }

    /** The number of dashes before the term. */
    static int level(String text) {
        Matcher m = LEVEL.matcher(text);
        return m.find() ? (int) m.group(1).chars().filter(c -> c == '-').count() : 0;
    }

    private static String strip(String text) {
        Matcher m = LEVEL.matcher(text);
        return m.find() ? text.substring(m.end()).strip() : text.strip();
    }

    /** The term's title, code and cross-references, from the text after its dashes. */
    static Printed printed(String text, boolean withCode) {
        String rest = text.strip();
        String manifestation = null;
        String code = null;
        Matcher m;
        if (withCode) {
            if ((m = MANIFESTATION.matcher(rest)).find()) {
                manifestation = m.group(1);
                rest = rest.substring(0, m.start()).strip();
            }
            if ((m = CODE_AT_END.matcher(rest)).find()) {
                code = m.group(1);
                rest = rest.substring(0, m.start()).strip();
            }
        }
        String see = null;
        String seeAlso = null;
        String seeCategory = null;
        // a term may carry both: "Complication (see also Disease) - see Condition"
        for (int i = 0; i < 2 && ((m = SEE_IN_PARENS.matcher(rest)).matches() || (m = SEE_AFTER_DASH.matcher(rest)).matches()); i++) {
            String target = m.group(3).strip();
            Matcher category = SEE_CATEGORY.matcher(target);
            if (m.group(2) != null) {
                seeAlso = target;
            } else if (category.matches()) {
                seeCategory = category.group(1);
            } else {
                see = target;
            }
            rest = m.group(1).strip();
        }
        return new Printed(rest, code, manifestation, see, seeAlso, seeCategory);
    }

    // ---------------------------------------------------------------- the tables

    /** A cell being read: its action and values; which value the next code printed in the column fills. */
    private static final class CellBuild {
        Action action = Action.NO_CHANGE;
        String from;
        String to;
        boolean fromSet;
        boolean toSet;
        String pending; // "from", "to" or null

        void label(Action label) {
            switch (label) {
                case REVISE_FROM -> {
                    action = Action.REVISE_TO;
                    pending = "from";
                }
                case REVISE_TO -> {
                    action = Action.REVISE_TO;
                    pending = "to";
                }
                case ADD -> {
                    action = Action.ADD;
                    pending = "to";
                }
                case DELETE -> {
                    action = Action.DELETE;
                    pending = "from";
                }
                default -> pending = "to";
            }
        }

        void value(String text) {
            String code = text.chars().allMatch(c -> c == '-') ? null : text.replace(" ", "");
            if ("from".equals(pending) || (pending == null && action == Action.DELETE)) {
                from = code;
                fromSet = true;
            } else {
                to = code;
                toSet = true;
            }
            pending = null;
        }
    }

    /** A row being read. */
    private static final class RowBuild {
        final Location at;
        Action action;
        String from = "";
        String to;
        final Map<Integer, CellBuild> cells = new TreeMap<>();

        RowBuild(Location at, Action action) {
            this.at = at;
            this.action = action;
        }

        /** The title being printed: the "to" one once "Revise to:" came. */
        String title() {
            return to != null ? to : from;
        }

        void append(String text) {
            if (to != null) {
                to = join(to, text);
            } else {
                from = join(from, text);
            }
        }

        IndexAddendaEntry entry() {
            List<Cell> list = new ArrayList<>();
            cells.forEach((col, c) -> list.add(new Cell(col, c.action, c.from, c.toSet || c.action != Action.DELETE ? c.to : null)));
            if (to != null) {
                return new IndexAddendaEntry(Action.REVISE_TO, level(to), printed(strip(to), false), printed(strip(from), false), list, at);
            }
            return new IndexAddendaEntry(action, level(from), printed(strip(from), false), null, list, at);
        }
    }

    static List<IndexAddendaEntry> tableEntries(String fileName, List<PdfRuns.Line> lines) {
        List<IndexAddendaEntry> entries = new ArrayList<>();
        RowBuild row = null;
        for (PdfRuns.Line line : lines) {
            List<PdfRuns.Run> runs = line.runs();
            float first = runs.get(0).x();
            if (runs.stream().anyMatch(r -> r.size() >= TABLE_TEXT_MAX) || (first > ACTION_COLUMN_END && first < FIRST_COLUMN)
                    || (runs.stream().allMatch(PdfRuns.Run::bold) && first > ACTION_COLUMN_END)) {
                continue; // page titles, the column headings, "No changes for FY2021": rows start in the left column
            }
            Action termLabel = null;
            StringBuilder term = new StringBuilder();
            Map<Integer, List<PdfRuns.Run>> cellRuns = new TreeMap<>();
            for (PdfRuns.Run run : runs) {
                if (run.x() < FIRST_COLUMN) {
                    Action label = run.italic() ? action(run.text()) : null;
                    if (label != null && term.isEmpty()) {
                        termLabel = label;
                    } else {
                        term.append(term.isEmpty() ? "" : " ").append(run.text());
                    }
                } else {
                    int col = Math.max(1, Math.min(COLUMNS, (int) ((run.x() - FIRST_COLUMN) / COLUMN_WIDTH) + 1));
                    cellRuns.computeIfAbsent(col, c -> new ArrayList<>()).add(run);
                }
            }
            String text = term.toString().strip();
            if (termLabel == Action.REVISE_TO && row != null && row.action == Action.REVISE_FROM && row.to == null) {
                row.to = text;
            } else if (termLabel != null || (!text.isEmpty() && (row == null || startsRow(row.title(), text)))) {
                if (row != null) {
                    entries.add(row.entry());
                }
                row = new RowBuild(new Location(fileName, line.page(), line.line()), termLabel == null ? Action.NO_CHANGE : termLabel);
                row.from = text;
            } else if (!text.isEmpty()) {
                row.append(text);
            }
            if (row == null) {
                continue;
            }
            for (var e : cellRuns.entrySet()) {
                CellBuild cell = row.cells.computeIfAbsent(e.getKey(), c -> new CellBuild());
                for (PdfRuns.Run run : e.getValue()) {
                    Action label = run.italic() ? action(run.text()) : null;
                    if (label != null) {
                        cell.label(label);
                    } else {
                        cell.value(run.text());
                    }
                }
            }
        }
        if (row != null) {
            entries.add(row.entry());
        }
        return entries;
    }

    /**
     * Whether a line's term text starts a row rather than continuing the title above: a subterm starts with its dashes, a
     * wrapped title continues in lower case or after a line ending open (a hyphen, a comma, an open parenthesis, "see").
     */
    static boolean startsRow(String above, String text) {
        if (text.startsWith("-")) {
            return true;
        }
        if (!Character.isUpperCase(text.charAt(0))) {
            return false;
        }
        String a = above.strip();
        long open = a.chars().filter(c -> c == '(').count() - a.chars().filter(c -> c == ')').count();
        return !(a.endsWith("-") || a.endsWith(",") || open > 0 || a.endsWith(" see") || a.endsWith(" also")
                || a.endsWith(" or") || a.endsWith(" and") || a.endsWith(" of") || a.endsWith("+"));
    }
}
