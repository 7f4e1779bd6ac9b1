package org.codedesk.edits.source;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

import org.codedesk.catalog.BoundedLineReader;

/**
 * Reads a CMS NCCI procedure-to-procedure edit file in its tab-delimited text form (practitioner {@code ccipra-*}
 * or hospital {@code ccioph-*}, one file per code range) and hands each edit to a sink, one at a time: real files
 * hold about a million rows, so none are kept.
 *
 * <p>Layout: notice lines, then a header row whose first two cells start with "Column 1" and "Column 2", possibly
 * followed by lines that explain the columns ({@code *=in existence prior to 1996}, {@code 0=not allowed}); then
 * data rows of seven tab-separated fields: Column 1, Column 2, prior-to-1996 flag ("*" or empty), effective date
 * (YYYYMMDD), deletion date (YYYYMMDD or "*" for none), modifier indicator (0, 1 or 9), rationale. Fields are
 * trimmed and a pair of enclosing double quotes removed. Blank lines are ignored.
 *
 * <p>Contract: rows reach the sink in file order; an {@link EditsFileException} names the line of the first
 * malformed row (wrong field count, bad code, date or indicator), a missing header, or a file without edits. Rows
 * already passed to the sink stay passed, so callers write to a staging area. The stream is not closed.
 */
public final class PtpFileParser {

    private static final int COLUMNS = 7;

    private PtpFileParser() {
    }

    public static void parse(InputStream in, String origin, Consumer<PtpRow> sink) {
        BoundedLineReader reader = SourceText.lines(in, origin);
        long lineNumber = 0;
        boolean headerSeen = false;
        long rows = 0;
        for (String line; (line = reader.readLine()) != null; ) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            for (int i = 0; i < fields.length; i++) {
                fields[i] = unquoted(fields[i].trim());
            }
            if (!headerSeen) {
                headerSeen = isHeader(fields);
                continue;
            }
            if (!FieldValues.isCode(fields[0])) {
                // Column explanations may follow the header; after the first edit, anything else is damage.
                if (rows == 0) {
                    continue;
                }
                throw new EditsFileException(origin, lineNumber,
                        "Column 1: '" + fields[0] + "' is not a HCPCS/CPT code");
            }
            sink.accept(row(origin, lineNumber, fields));
            rows++;
        }
        if (!headerSeen) {
            throw new EditsFileException(origin, 0, "no header row starting with 'Column 1', 'Column 2'");
        }
        if (rows == 0) {
            throw new EditsFileException(origin, lineNumber, "no edit rows after the header (truncated file?)");
        }
    }

    private static boolean isHeader(String[] fields) {
        return fields.length >= 2 && fields[0].toLowerCase(Locale.ROOT).startsWith("column 1")
                && fields[1].toLowerCase(Locale.ROOT).startsWith("column 2");
    }

    private static PtpRow row(String origin, long line, String[] fields) {
        FieldValues.requireColumns(origin, line, Arrays.asList(fields), COLUMNS);
        String column2 = FieldValues.code(origin, line, "Column 2", fields[1]);
        boolean prior = switch (fields[2]) {
            case "*" -> true;
            case "" -> false;
            default -> throw new EditsFileException(origin, line,
                    "prior-to-1996 flag: expected '*' or empty, found '" + fields[2] + "'");
        };
        LocalDate effective = FieldValues.yyyymmdd(origin, line, "Effective Date", fields[3]);
        LocalDate deleted = fields[4].equals("*") ? null
                : FieldValues.yyyymmdd(origin, line, "Deletion Date", fields[4]);
        int modifier = switch (fields[5]) {
            case "0" -> 0;
            case "1" -> 1;
            case "9" -> 9;
            default -> throw new EditsFileException(origin, line,
                    "Modifier: expected 0, 1 or 9, found '" + fields[5] + "'");
        };
        return new PtpRow(fields[0], column2, prior, effective, deleted, modifier, fields[6]);
    }

    /** Some re-saved copies quote every field; the CMS text has no quotes. */
    private static String unquoted(String field) {
        if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
            return field.substring(1, field.length() - 1).replace("\"\"", "\"");
        }
        return field;
    }
}
