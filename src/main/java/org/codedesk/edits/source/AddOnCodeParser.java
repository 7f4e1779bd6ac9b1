package org.codedesk.edits.source;

import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the CMS NCCI add-on code edit workbook ({@code AOC_VyyyyQn-MCR.xlsx}), first sheet.
 *
 * <p>Layout (2026): row 1 the AMA notice; row 2 the header {@code AOC_Edit_Type, Add-On_Code, AOC_DelDT,
 * Primary_Code, Primary_Code_DelDT, AOC_Edit_EffDT, AOC_Edit_DelDT, Special_Instruction_Notes}; one row per add-on /
 * primary pair. Columns are found by header name (punctuation ignored; the spelled-out forms "AOC Edit Effective
 * Date" etc. are accepted too). Dates are usually text in Julian form YYYYDDD (2013091 = 1 April 2013); YYYYMMDD,
 * ISO and M/D/YYYY text, numeric cells and real Excel dates are accepted as well. An empty deletion date or "*"
 * means in force. A primary code of "CCCCC" means no specific primary and becomes null.
 *
 * <p>The edit's own dates are kept; the add-on and primary code deletion dates are not, because every row where
 * they are set also carries the edit deletion date. Contract: rows in sheet order; an {@link EditsFileException}
 * names the row of a missing header column, bad code, edit type or date. The stream is not closed.
 */
public final class AddOnCodeParser {

    /** CMS's placeholder for "primary codes defined by the contractor". */
    private static final String NO_SPECIFIC_PRIMARY = "CCCCC";
    private static final Pattern JULIAN = Pattern.compile("(\\d{4})(\\d{3})");
    private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private static final String TYPE = "edit type";
    private static final String ADD_ON = "add-on code";
    private static final String PRIMARY = "primary code";
    private static final String EFFECTIVE = "edit effective date";
    private static final String DELETED = "edit deletion date";
    private static final String NOTE = "notes";
    /** Normalised header text to column key. */
    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("AOCEDITTYPE", TYPE), Map.entry("EDITTYPE", TYPE),
            Map.entry("ADDONCODE", ADD_ON), Map.entry("PRIMARYCODE", PRIMARY),
            Map.entry("AOCEDITEFFDT", EFFECTIVE), Map.entry("AOCEDITEFFECTIVEDATE", EFFECTIVE),
            Map.entry("AOCEDITDELDT", DELETED), Map.entry("AOCEDITDELETIONDATE", DELETED),
            Map.entry("SPECIALINSTRUCTIONNOTES", NOTE), Map.entry("SPECIALINSTRUCTIONS", NOTE));

    private AddOnCodeParser() {
    }

    public static List<AddOnRow> parseXlsx(InputStream in, String origin) {
        List<AddOnRow> rows = new ArrayList<>();
        Map<String, Integer> columns = new HashMap<>();
        long[] lastRow = {0};
        FirstSheetRows.read(in, origin, (number, rawCells) -> {
            lastRow[0] = number;
            List<String> cells = rawCells.stream().map(String::trim).toList();
            if (FieldValues.allBlank(cells)) {
                return;
            }
            if (columns.isEmpty()) {
                headerColumns(origin, number, cells, columns);
                return;
            }
            rows.add(row(origin, number, cells, columns));
        });
        if (columns.isEmpty()) {
            throw new EditsFileException(origin, 0, "no header row naming Add-On_Code and Primary_Code");
        }
        if (rows.isEmpty()) {
            throw new EditsFileException(origin, lastRow[0], "no add-on code rows after the header (truncated file?)");
        }
        return rows;
    }

    /** Fills {@code columns} when {@code cells} is the header row; notice rows leave it empty. */
    private static void headerColumns(String origin, long row, List<String> cells, Map<String, Integer> columns) {
        Map<String, Integer> found = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String key = HEADERS.get(FieldValues.normalised(cells.get(i)));
            if (key != null) {
                found.putIfAbsent(key, i);
            }
        }
        if (!found.containsKey(ADD_ON) || !found.containsKey(PRIMARY)) {
            return;
        }
        for (String key : List.of(TYPE, EFFECTIVE, DELETED)) {
            if (!found.containsKey(key)) {
                throw new EditsFileException(origin, row, "header has no column for the " + key);
            }
        }
        columns.putAll(found);
    }

    private static AddOnRow row(String origin, long row, List<String> cells, Map<String, Integer> columns) {
        String addOn = FieldValues.code(origin, row, "Add-On_Code", cell(cells, columns, ADD_ON));
        String primaryText = cell(cells, columns, PRIMARY);
        String primary = primaryText.equals(NO_SPECIFIC_PRIMARY) ? null
                : FieldValues.code(origin, row, "Primary_Code", primaryText);
        String typeText = cell(cells, columns, TYPE);
        if (!typeText.matches("[123]")) {
            throw new EditsFileException(origin, row, "AOC_Edit_Type: expected 1, 2 or 3, found '" + typeText + "'");
        }
        LocalDate effective = date(origin, row, "AOC_Edit_EffDT", cell(cells, columns, EFFECTIVE));
        if (effective == null) {
            throw new EditsFileException(origin, row, "AOC_Edit_EffDT: value missing");
        }
        LocalDate deleted = date(origin, row, "AOC_Edit_DelDT", cell(cells, columns, DELETED));
        String note = columns.containsKey(NOTE) ? cell(cells, columns, NOTE) : "";
        return new AddOnRow(addOn, primary, typeText.charAt(0) - '0', effective, deleted, note);
    }

    private static String cell(List<String> cells, Map<String, Integer> columns, String key) {
        int index = columns.get(key);
        return index < cells.size() ? cells.get(index) : "";
    }

    /** A date in any form the workbook uses, or null for empty / "*". */
    private static LocalDate date(String origin, long row, String column, String text) {
        if (text.isEmpty() || text.equals("*")) {
            return null;
        }
        try {
            Matcher m;
            if ((m = JULIAN.matcher(text)).matches()) {
                return LocalDate.ofYearDay(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if (text.matches("\\d{8}")) {
                return FieldValues.yyyymmdd(origin, row, column, text);
            }
            if ((m = ISO_DATE.matcher(text)).matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
            if ((m = US_DATE.matcher(text)).matches()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)));
            }
        } catch (DateTimeException e) {
            throw new EditsFileException(origin, row, column + ": '" + text + "' is not a valid date");
        }
        throw new EditsFileException(origin, row, column + ": '" + text + "' is not a date (YYYYDDD or YYYYMMDD)");
    }
}
