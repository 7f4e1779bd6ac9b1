package org.codedesk.edits.source;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the OPPS imaging cap file of a Physician Fee Schedule release in CSV form ({@code OPPSCAP_Oct.csv} in
 * RVU25D.zip; RVU25D.pdf describes it as "the payment amounts after the application of the OPPS based payment caps,
 * except for carrier priced codes. For carrier price codes, the field only contains the OPPS based payment caps").
 *
 * <p>Layout: the header {@code HCPCS,MOD,PROCSTAT,CARRIER,LOCALITY,FACILITY PRICE,NON-FACILTY PRICE} (CMS's spelling),
 * then one row per code, modifier and locality, and blank rows. Columns are found by header text; the
 * non-facility one is the price column whose label starts with "NON". Carrier and locality are padded to five and
 * two digits, the form of the GPCI file, so that they join.
 *
 * <p>Contract: rows in file order, as published (CMS lists the California localities of contractor 01182 under 01112
 * as well). An {@link EditsFileException} names the line of a missing header column, a short row, a bad code,
 * carrier, locality or price, or a code, modifier and locality listed twice. The stream is not closed.
 */
public final class OppsCapFileParser {

    /** The header is the first row of the CMS file; a few rows of leeway for a title added by a spreadsheet. */
    private static final int MAX_HEADER_ROWS = 10;

    private OppsCapFileParser() {
    }

    public static List<OppsCapRow> parseCsv(InputStream in, String origin) {
        Columns columns = null;
        List<OppsCapRow> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long lastLine = 0;
        for (CsvRecords.Record record : CsvRecords.of(in, origin)) {
            lastLine = record.line();
            List<String> cells = record.fields().stream().map(String::trim).toList();
            if (FieldValues.allBlank(cells)) {
                continue;
            }
            if (columns == null) {
                if (cells.stream().anyMatch(c -> upper(c).equals("PROCSTAT"))) {
                    columns = Columns.of(origin, record.line(), cells);
                } else if (record.line() >= MAX_HEADER_ROWS) {
                    break;
                }
                continue;
            }
            FieldValues.requireColumns(origin, record.line(), cells, columns.count);
            OppsCapRow row = columns.row(origin, record.line(), cells);
            if (!seen.add(row.code() + "|" + row.modifier() + "|" + row.mac() + "|" + row.localityNumber())) {
                throw new EditsFileException(origin, record.line(), row.code() + (row.modifier().isEmpty() ? "" : "-" + row.modifier())
                        + " is listed twice for carrier " + row.mac() + ", locality " + row.localityNumber());
            }
            rows.add(row);
        }
        if (columns == null) {
            throw new EditsFileException(origin, 0, "no header row naming the PROCSTAT, CARRIER, LOCALITY and price columns");
        }
        if (rows.isEmpty()) {
            throw new EditsFileException(origin, lastLine, "no cap rows after the header (truncated file?)");
        }
        return rows;
    }

    private static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }

    /** Positions of the columns in the header row. */
    private record Columns(int count, int code, int modifier, int status, int carrier, int locality, int facility, int nonFacility) {

        static Columns of(String origin, long line, List<String> header) {
            int facility = -1;
            int nonFacility = -1;
            for (int i = 0; i < header.size(); i++) {
                String label = upper(header.get(i));
                if (label.contains("PRICE")) {
                    if (label.startsWith("NON")) {
                        nonFacility = i;
                    } else if (label.contains("FACILITY")) {
                        facility = i;
                    }
                }
            }
            if (facility < 0 || nonFacility < 0) {
                throw new EditsFileException(origin, line, "header has no " + (facility < 0 ? "FACILITY PRICE" : "NON-FACILITY PRICE") + " column");
            }
            return new Columns(header.size(), find(origin, line, header, "HCPCS"), find(origin, line, header, "MOD"),
                    find(origin, line, header, "PROCSTAT"), find(origin, line, header, "CARRIER"), find(origin, line, header, "LOCALITY"),
                    facility, nonFacility);
        }

        private static int find(String origin, long line, List<String> header, String label) {
            for (int i = 0; i < header.size(); i++) {
                if (upper(header.get(i)).equals(label)) {
                    return i;
                }
            }
            throw new EditsFileException(origin, line, "header has no column '" + label + "'");
        }

        OppsCapRow row(String origin, long line, List<String> cells) {
            String modifier = cells.get(this.modifier);
            if (!modifier.matches("[A-Z0-9]{0,2}")) {
                throw new EditsFileException(origin, line, "MOD: '" + modifier + "' is not a modifier");
            }
            String procedureStatus = cells.get(status);
            if (!procedureStatus.matches("[A-Z]")) {
                throw new EditsFileException(origin, line, "PROCSTAT: '" + procedureStatus + "' is not a fee schedule status code");
            }
            return new OppsCapRow(
                    FieldValues.code(origin, line, "HCPCS", cells.get(code)),
                    modifier,
                    procedureStatus,
                    FieldValues.zeroPadded(origin, line, "CARRIER", cells.get(carrier), 5),
                    FieldValues.zeroPadded(origin, line, "LOCALITY", cells.get(locality), 2),
                    FieldValues.decimal(origin, line, "FACILITY PRICE", cells.get(facility)),
                    FieldValues.decimal(origin, line, "NON-FACILITY PRICE", cells.get(nonFacility)));
        }
    }
}
