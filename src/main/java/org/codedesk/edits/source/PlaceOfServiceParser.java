package org.codedesk.edits.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the CMS Place of Service code set as an operator saved it from the CMS web table: CSV or tab-separated
 * text (whichever separates the header line), optionally preceded by title lines.
 *
 * <p>The header row has cells containing "code", "name" and "description" (CMS: "Place of Service Code(s)",
 * "Place of Service Name", "Place of Service Description"), matched case-insensitively. A code cell holds one code
 * ("11"), a range ("35-40", also with an en dash) or a list ("03, 04"); each code gives one record, zero-padded to
 * two digits because spreadsheets drop the leading zero. Rows named "Unassigned" and blank rows are skipped. Runs of
 * white space in names and descriptions (line breaks copied from the web table) become one space.
 *
 * <p>Contract: records in file order; an {@link EditsFileException} names the line of a short row, a malformed or
 * reversed code range, a code listed twice, or reports a missing header. The stream is not closed.
 */
public final class PlaceOfServiceParser {

    /** The code set is about a hundred short rows; a file past this is something else, and is not read whole. */
    static final int MAX_CHARACTERS = 1024 * 1024;

    private PlaceOfServiceParser() {
    }

    public static List<PlaceOfService> parse(InputStream in, String origin) {
        String text = readAll(in, origin);
        char delimiter = delimiterOfHeader(text);
        List<PlaceOfService> result = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        int[] columns = null;
        for (CsvRecords.Record record : CsvRecords.of(new StringReader(text), origin, delimiter)) {
            long line = record.line();
            List<String> cells = record.fields().stream().map(PlaceOfServiceParser::clean).toList();
            if (FieldValues.allBlank(cells)) {
                continue;
            }
            if (columns == null) {
                columns = headerColumns(cells);
                continue;
            }
            int needed = Math.max(columns[0], Math.max(columns[1], columns[2])) + 1;
            if (cells.size() < needed) {
                throw new EditsFileException(origin, line,
                        "expected " + needed + " columns, found " + cells.size() + " (truncated row?)");
            }
            String name = cells.get(columns[1]);
            if (name.equalsIgnoreCase("Unassigned")) {
                continue;
            }
            for (String code : codes(origin, line, cells.get(columns[0]))) {
                Long earlier = seen.putIfAbsent(code, line);
                if (earlier != null) {
                    throw new EditsFileException(origin, line, "code " + code + " already listed on line " + earlier);
                }
                result.add(new PlaceOfService(code, name, cells.get(columns[2])));
            }
        }
        if (columns == null) {
            throw new EditsFileException(origin, 0, "no header row with code, name and description columns");
        }
        return result;
    }

    private static String readAll(InputStream in, String origin) {
        // The code set is small (about a hundred rows); reading it whole lets the header line choose the delimiter.
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            Reader reader = SourceText.reader(in);
            for (int n; (n = reader.read(buffer)) > 0; ) {
                text.append(buffer, 0, n);
                if (text.length() > MAX_CHARACTERS) {
                    throw new EditsFileException(origin, 0, String.format("longer than %,d characters: not the Place of Service code set",
                            MAX_CHARACTERS));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Tab when the header line holds a tab, else comma. */
    private static char delimiterOfHeader(String text) {
        for (String line : text.split("\\R")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.contains("code") && lower.contains("name") && lower.contains("description")) {
                return line.indexOf('\t') >= 0 ? '\t' : ',';
            }
        }
        return ',';
    }

    /** Indexes of the code, name and description columns, or null when {@code cells} is not the header. */
    private static int[] headerColumns(List<String> cells) {
        int[] columns = {-1, -1, -1};
        String[] words = {"code", "name", "description"};
        for (int i = 0; i < cells.size(); i++) {
            String lower = cells.get(i).toLowerCase(Locale.ROOT);
            for (int w = 0; w < words.length; w++) {
                if (columns[w] < 0 && lower.contains(words[w])) {
                    columns[w] = i;
                    break;
                }
            }
        }
        return columns[0] >= 0 && columns[1] >= 0 && columns[2] >= 0 ? columns : null;
    }

    /** The codes of one cell: "11", "35-40" or "03, 04". */
    private static List<String> codes(String origin, long line, String cell) {
        List<String> codes = new ArrayList<>();
        for (String part : cell.split(",")) {
            String[] bounds = part.trim().split("\\s*[-\u2013]\\s*", -1);
            if (bounds.length > 2) {
                throw new EditsFileException(origin, line, "code: '" + cell + "' is not a code, range or list");
            }
            String first = FieldValues.zeroPadded(origin, line, "code", bounds[0], 2);
            String last = bounds.length == 2 ? FieldValues.zeroPadded(origin, line, "code", bounds[1], 2) : first;
            int from = Integer.parseInt(first);
            int to = Integer.parseInt(last);
            if (to < from) {
                throw new EditsFileException(origin, line, "code: range '" + part.trim() + "' runs backwards");
            }
            for (int c = from; c <= to; c++) {
                codes.add(String.format("%02d", c));
            }
        }
        return codes;
    }

    private static String clean(String cell) {
        return cell.strip().replaceAll("\\s+", " ");
    }
}
