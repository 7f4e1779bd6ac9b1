package org.codedesk.edits.source;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a CMS NCCI Medically Unlikely Edits table ({@code MCR_MUE_<Setting>_Eff_MM-DD-YYYY.csv} or {@code .xlsx})
 * for practitioner, outpatient hospital or DME supplier services.
 *
 * <p>Layout: an AMA notice (one quoted multi-line CSV cell, or the first sheet row), then the header
 * {@code HCPCS/CPT Code | <Setting> MUE Values | MUE Adjudication Indicator | MUE Rationale} (the first cell has a
 * line break after the slash), then one row per code: code, value (whole number), indicator cell starting with 1,
 * 2 or 3 followed by its text, rationale. Blank rows are skipped; cells are trimmed.
 *
 * <p>Contract: both forms give equal tables. An {@link EditsFileException} names the line (CSV) or row (XLSX) of a
 * missing or unexpected header, a row with too few cells, a bad code, value or indicator, or a table without rows.
 * The stream is not closed.
 */
public final class MueFileParser {

    private static final Pattern INDICATOR = Pattern.compile("([123])(?:\\s+(.*))?", Pattern.DOTALL);
    private static final String VALUES_SUFFIX = "MUE VALUES";

    private MueFileParser() {
    }

    public static MueTable parseCsv(InputStream in, String origin) {
        TableReader table = new TableReader(origin);
        for (CsvRecords.Record record : CsvRecords.of(in, origin)) {
            table.row(record.line(), record.fields());
        }
        return table.finish();
    }

    public static MueTable parseXlsx(InputStream in, String origin) {
        TableReader table = new TableReader(origin);
        FirstSheetRows.read(in, origin, table::row);
        return table.finish();
    }

    /** Row logic shared by both forms: skip the notice, check the header, convert the rows. */
    private static final class TableReader {

        private final String origin;
        private String setting;
        private final List<MueRow> rows = new ArrayList<>();
        private long lastLine;

        TableReader(String origin) {
            this.origin = origin;
        }

        void row(long line, List<String> rawCells) {
            lastLine = line;
            List<String> cells = rawCells.stream().map(String::trim).toList();
            if (FieldValues.allBlank(cells)) {
                return;
            }
            if (setting == null) {
                if (cells.get(0).replaceAll("\\s", "").toUpperCase(Locale.ROOT).startsWith("HCPCS/")) {
                    setting = header(line, cells);
                }
                return;
            }
            FieldValues.requireColumns(origin, line, cells, 4);
            String code = FieldValues.code(origin, line, "HCPCS/CPT Code", cells.get(0));
            int value = FieldValues.integer(origin, line, "MUE Value", cells.get(1));
            Matcher indicator = INDICATOR.matcher(cells.get(2));
            if (!indicator.matches()) {
                throw new EditsFileException(origin, line,
                        "MUE Adjudication Indicator: expected 1, 2 or 3 then text, found '" + cells.get(2) + "'");
            }
            String text = indicator.group(2) == null ? "" : indicator.group(2).trim();
            rows.add(new MueRow(code, value, indicator.group(1).charAt(0) - '0', text, cells.get(3)));
        }

        /** The setting named by a header row, after checking its four columns. */
        private String header(long line, List<String> cells) {
            if (cells.size() < 4
                    || !FieldValues.normalised(cells.get(0)).equals("HCPCSCPTCODE")
                    || !cells.get(1).toUpperCase(Locale.ROOT).endsWith(VALUES_SUFFIX)
                    || !FieldValues.normalised(cells.get(2)).equals("MUEADJUDICATIONINDICATOR")
                    || !FieldValues.normalised(cells.get(3)).equals("MUERATIONALE")) {
                throw new EditsFileException(origin, line, "unexpected header: expected 'HCPCS/CPT Code', "
                        + "'<Setting> MUE Values', 'MUE Adjudication Indicator', 'MUE Rationale', found "
                        + cells);
            }
            String name = cells.get(1).substring(0, cells.get(1).length() - VALUES_SUFFIX.length()).trim();
            if (name.isEmpty()) {
                throw new EditsFileException(origin, line, "header does not name the setting before 'MUE Values'");
            }
            return name.replaceAll("\\s+", " ");
        }

        MueTable finish() {
            if (setting == null) {
                throw new EditsFileException(origin, 0, "no header row starting with 'HCPCS/CPT Code'");
            }
            if (rows.isEmpty()) {
                throw new EditsFileException(origin, lastLine, "no MUE rows after the header (truncated file?)");
            }
            return new MueTable(setting, rows);
        }
    }
}
