package org.codedesk.edits.source;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the CMS locality/county crosswalk in CSV form ({@code yyLOCCO.csv}): a title row, a blank row, the header
 * {@code Medicare Adminstrative Contractor,Locality Number,State ,Fee Schedule Area ,Counties} (CMS's spelling and
 * trailing spaces), then one row per fee schedule area, with blank spacer rows and footnotes.
 *
 * <p>Columns are found by header text ("contractor", "locality", "state", "fee schedule area", "counties"). The
 * state is written only on a state's first row: a blank state cell carries the previous one forward. Contractor and
 * locality numbers lost their leading zeros in the file ("2102", "0") and are padded to five and two digits, the
 * form the GPCI file uses. Rows are returned as published, duplicates included.
 *
 * <p>Contract: an {@link EditsFileException} names the line of a missing header column, a short row, a non-numeric
 * contractor or locality, or a first data row without a state. The stream is not closed.
 */
public final class LocalityFileParser {

    private LocalityFileParser() {
    }

    public static List<LocalityRow> parseCsv(InputStream in, String origin) {
        int[] columns = null;
        int count = 0;
        String state = null;
        List<LocalityRow> rows = new ArrayList<>();
        long lastLine = 0;
        for (CsvRecords.Record record : CsvRecords.of(in, origin)) {
            lastLine = record.line();
            long line = record.line();
            List<String> cells = record.fields().stream().map(String::trim).toList();
            if (FieldValues.allBlank(cells)) {
                continue;
            }
            if (columns == null) {
                if (cells.stream().anyMatch(c -> c.toUpperCase(Locale.ROOT).contains("FEE SCHEDULE AREA"))) {
                    columns = new int[] {find(origin, line, cells, "CONTRACTOR"), find(origin, line, cells, "LOCALITY"),
                            find(origin, line, cells, "STATE"), find(origin, line, cells, "FEE SCHEDULE AREA"),
                            find(origin, line, cells, "COUNTIES")};
                    count = cells.size();
                }
                continue;
            }
            if (LocalityTables.isFootnote(cells)) {
                continue;
            }
            FieldValues.requireColumns(origin, line, cells, count);
            if (!cells.get(columns[2]).isEmpty()) {
                state = cells.get(columns[2]);
            } else if (state == null) {
                throw new EditsFileException(origin, line, "State: missing on the first locality row");
            }
            rows.add(new LocalityRow(
                    FieldValues.zeroPadded(origin, line, "Medicare Administrative Contractor", cells.get(columns[0]), 5),
                    FieldValues.zeroPadded(origin, line, "Locality Number", cells.get(columns[1]), 2),
                    state,
                    LocalityTables.required(origin, line, "Fee Schedule Area", cells.get(columns[3])),
                    LocalityTables.required(origin, line, "Counties", cells.get(columns[4]))));
        }
        if (columns == null) {
            throw new EditsFileException(origin, 0, "no header row naming the Fee Schedule Area column");
        }
        if (rows.isEmpty()) {
            throw new EditsFileException(origin, lastLine, "no locality rows after the header (truncated file?)");
        }
        return rows;
    }

    private static int find(String origin, long line, List<String> header, String text) {
        // An exact label wins over one that merely contains the text ("State" before "...Contractor (MAC)").
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).toUpperCase(Locale.ROOT).equals(text)) {
                return i;
            }
        }
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).toUpperCase(Locale.ROOT).contains(text)) {
                return i;
            }
        }
        throw new EditsFileException(origin, line, "header has no column containing '" + text + "'");
    }
}
