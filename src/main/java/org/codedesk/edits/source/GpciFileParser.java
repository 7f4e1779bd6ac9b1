package org.codedesk.edits.source;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the CMS GPCI file in CSV form ({@code GPCIyyyy.csv}, Addendum E of the fee schedule rule): a title row, a
 * blank row, the header {@code Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,
 * yyyy PW GPCI (with 1.0 Floor),yyyy PE GPCI,yyyy MP GPCI}, one row per locality, then footnote rows.
 *
 * <p>Columns are found by header text, as the year in the GPCI labels changes: the one naming the contractor,
 * "State", "Locality Number", "Locality Name", and the ones containing "PW GPCI" (the one "with 1.0 Floor" when
 * there are two), "PE GPCI" and "MP GPCI". Rows whose only text is in the first cell and is not a contractor
 * number are footnotes and skipped, as are blank rows.
 *
 * <p>Contract: rows in file order, MAC padded to five digits and locality to two. An {@link EditsFileException}
 * names the line of a missing header column, a short row, a non-numeric index or locality. The stream is not
 * closed.
 */
public final class GpciFileParser {

    private GpciFileParser() {
    }

    public static List<GpciRow> parseCsv(InputStream in, String origin) {
        Columns columns = null;
        List<GpciRow> rows = new ArrayList<>();
        long lastLine = 0;
        for (CsvRecords.Record record : CsvRecords.of(in, origin)) {
            lastLine = record.line();
            List<String> cells = record.fields().stream().map(String::trim).toList();
            if (FieldValues.allBlank(cells)) {
                continue;
            }
            if (columns == null) {
                if (cells.stream().anyMatch(c -> upper(c).contains("PW GPCI"))) {
                    columns = Columns.of(origin, record.line(), cells);
                }
                continue;
            }
            if (LocalityTables.isFootnote(cells)) {
                continue;
            }
            FieldValues.requireColumns(origin, record.line(), cells, columns.count);
            rows.add(columns.row(origin, record.line(), cells));
        }
        if (columns == null) {
            throw new EditsFileException(origin, 0, "no header row naming the PW, PE and MP GPCI columns");
        }
        if (rows.isEmpty()) {
            throw new EditsFileException(origin, lastLine, "no locality rows after the header (truncated file?)");
        }
        return rows;
    }

    private static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }

    /** Positions of the needed columns in the header row. */
    private record Columns(int count, int mac, int state, int localityNumber, int localityName, int work,
            int practiceExpense, int malpractice) {

        static Columns of(String origin, long line, List<String> header) {
            int work = -1;
            for (int i = 0; i < header.size(); i++) {
                String label = upper(header.get(i));
                // A file may give the work GPCI both without and with its 1.0 floor; the floored one is paid.
                if (label.contains("PW GPCI") && (work < 0 || label.contains("1.0 FLOOR"))) {
                    work = i;
                }
            }
            return new Columns(header.size(),
                    find(origin, line, header, "CONTRACTOR"),
                    find(origin, line, header, "STATE"),
                    find(origin, line, header, "LOCALITY NUMBER"),
                    find(origin, line, header, "LOCALITY NAME"),
                    work,
                    find(origin, line, header, "PE GPCI"),
                    find(origin, line, header, "MP GPCI"));
        }

        private static int find(String origin, long line, List<String> header, String text) {
            // An exact label wins over one that merely contains the text ("State" before "...Contractor (MAC)").
            for (int i = 0; i < header.size(); i++) {
                if (upper(header.get(i)).equals(text)) {
                    return i;
                }
            }
            for (int i = 0; i < header.size(); i++) {
                if (upper(header.get(i)).contains(text)) {
                    return i;
                }
            }
            throw new EditsFileException(origin, line, "header has no column containing '" + text + "'");
        }

        GpciRow row(String origin, long line, List<String> cells) {
            return new GpciRow(
                    FieldValues.zeroPadded(origin, line, "MAC", cells.get(mac), 5),
                    LocalityTables.required(origin, line, "State", cells.get(state)),
                    FieldValues.zeroPadded(origin, line, "Locality Number", cells.get(localityNumber), 2),
                    LocalityTables.required(origin, line, "Locality Name", cells.get(localityName)),
                    FieldValues.decimal(origin, line, "PW GPCI", cells.get(work)),
                    FieldValues.decimal(origin, line, "PE GPCI", cells.get(practiceExpense)),
                    FieldValues.decimal(origin, line, "MP GPCI", cells.get(malpractice)));
        }
    }
}
