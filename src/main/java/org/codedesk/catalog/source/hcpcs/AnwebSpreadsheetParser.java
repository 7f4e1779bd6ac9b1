package org.codedesk.catalog.source.hcpcs;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.codedesk.catalog.source.SourceFormatException;

/**
 * Parses the CMS HCPCS Level II alpha-numeric file in its spreadsheet form ({@code HCPCyyyy_ANWEB*.xlsx}, or the
 * older {@code .xls}) into the same {@link HcpcsEntry} values as {@link AnwebTextParser}.
 *
 * <p>The first sheet is read. Rows before the header row (the one naming the HCPC and RECID columns) are
 * disclaimer text and skipped. Columns are found by header name, so their order does not matter; unknown columns
 * are ignored. Continuation rows (record ids 4 and 8), which some years still carry, are joined like text records.
 * Row numbers in errors are 1-based, as a spreadsheet program shows them.
 */
public final class AnwebSpreadsheetParser {

    private static final String CODE = "code";
    private static final String SEQUENCE = "sequence";
    private static final String RECORD_ID = "recordId";
    private static final String LONG = "longDescription";
    private static final String SHORT = "shortDescription";

    /** Normalised header (letters and digits only, upper case) to field key. */
    private static final Map<String, String> HEADERS = headers();

    private static final Pattern YYYYMMDD = Pattern.compile("\\d{8}");
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu");
    /** Widths of coded numeric fields whose leading zeros a numeric cell would lose ("00" pricing, "010" lab). */
    private static final Map<String, Integer> ZERO_PADDED = zeroPadded();

    /** Parses the workbook; {@code fileName} is used only in error messages. The caller closes the stream. */
    public List<HcpcsEntry> parse(String fileName, InputStream in) {
        // POI closes the stream it reads from (the .xls path does); shield it so a caller's zip stream survives.
        try (Workbook workbook = WorkbookFactory.create(new FilterInputStream(in) {
            @Override
            public void close() {
            }
        })) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new SourceFormatException(fileName, 0, "workbook has no sheet");
            }
            return parse(fileName, workbook.getSheetAt(0));
        } catch (IOException | RuntimeException e) {
            if (e instanceof SourceFormatException sfe) {
                throw sfe;
            }
            // POI signals a corrupt or non-Excel file with various runtime exceptions.
            throw new SourceFormatException(fileName, 0, "not a readable spreadsheet: " + e.getMessage(), e);
        }
    }

    private List<HcpcsEntry> parse(String fileName, Sheet sheet) {
        HcpcsRecordAssembler assembler = new HcpcsRecordAssembler(fileName);
        Map<Integer, String> columns = null;
        long lastRow = 0;
        for (Row row : sheet) {
            long rowNumber = row.getRowNum() + 1L;
            lastRow = rowNumber;
            if (columns == null) {
                columns = headerColumns(row);
                if (columns != null) {
                    checkRequiredColumns(fileName, rowNumber, columns);
                }
                continue;
            }
            Map<String, String> values = new HashMap<>();
            for (Map.Entry<Integer, String> column : columns.entrySet()) {
                String value = cellText(fileName, rowNumber, row.getCell(column.getKey()), column.getValue());
                if (!value.isEmpty()) {
                    values.put(column.getValue(), value);
                }
            }
            if (values.isEmpty()) {
                continue;
            }
            assembler.add(toRecord(fileName, rowNumber, values));
        }
        if (columns == null) {
            throw new SourceFormatException(fileName, 0, "no header row naming the HCPC and RECID columns");
        }
        return assembler.finish(lastRow);
    }

    private static HcpcsRecordAssembler.RawRecord toRecord(String fileName, long rowNumber, Map<String, String> values) {
        String id = values.getOrDefault(RECORD_ID, "");
        if (id.length() != 1 || "3478".indexOf(id.charAt(0)) < 0) {
            throw new SourceFormatException(fileName, rowNumber, "unknown record id '" + id + "'");
        }
        String sequence = values.getOrDefault(SEQUENCE, "");
        if (sequence.isEmpty() || !sequence.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new SourceFormatException(fileName, rowNumber, "sequence number '" + sequence + "' is not numeric");
        }
        boolean firstLine = id.equals("3") || id.equals("7");
        Map<String, String> fields = new LinkedHashMap<>();
        if (firstLine) {
            // Same order as the record layout, so both parsers produce equal maps.
            for (String key : HcpcsFieldMeanings.keys()) {
                String value = values.get(key);
                if (value != null) {
                    fields.put(key, value);
                }
            }
        }
        return new HcpcsRecordAssembler.RawRecord(rowNumber, id.charAt(0), values.get(CODE),
                Integer.parseInt(sequence), values.getOrDefault(LONG, ""),
                firstLine ? values.getOrDefault(SHORT, "") : null, fields);
    }

    /** Column index to key when {@code row} is the header row, otherwise null. */
    private static Map<Integer, String> headerColumns(Row row) {
        Map<Integer, String> columns = new LinkedHashMap<>();
        for (Cell cell : row) {
            if (cell.getCellType() != CellType.STRING) {
                continue;
            }
            String key = HEADERS.get(normalise(cell.getStringCellValue()));
            if (key != null && !columns.containsValue(key)) {
                columns.put(cell.getColumnIndex(), key);
            }
        }
        return columns.containsValue(CODE) && columns.containsValue(RECORD_ID) ? columns : null;
    }

    private static void checkRequiredColumns(String fileName, long rowNumber, Map<Integer, String> columns) {
        for (String key : List.of(CODE, SEQUENCE, RECORD_ID, LONG, SHORT, "codeAddedDate", "actionCode")) {
            if (!columns.containsValue(key)) {
                throw new SourceFormatException(fileName, rowNumber, "header row has no column for " + key);
            }
        }
    }

    /** The cell as trimmed text: numbers without a spurious ".0", dates as yyyyMMdd. */
    private static String cellText(String fileName, long rowNumber, Cell cell, String key) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        String text = switch (type) {
            case STRING -> cell.getStringCellValue().trim();
            case NUMERIC -> numericText(cell, key);
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case BLANK -> "";
            default -> throw new SourceFormatException(fileName, rowNumber,
                    "unreadable cell " + cell.getAddress() + " in column " + key);
        };
        if (HcpcsRecordAssembler.DATE_KEYS.contains(key)) {
            return dateText(text);
        }
        return text;
    }

    private static String numericText(Cell cell, String key) {
        if (DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.BASIC_ISO_DATE);
        }
        // Dates typed as plain numbers (20250930) arrive here too and are kept as their digits.
        String digits = new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
        Integer width = ZERO_PADDED.get(key);
        if (width != null && digits.length() < width && digits.chars().allMatch(Character::isDigit)) {
            digits = "0".repeat(width - digits.length()) + digits;
        }
        return digits;
    }

    /** Text dates in the sheet are yyyyMMdd; also accept ISO and US forms, which Excel may produce on re-save. */
    private static String dateText(String text) {
        if (text.isEmpty() || YYYYMMDD.matcher(text).matches()) {
            return text;
        }
        for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, US_DATE)) {
            try {
                return LocalDate.parse(text, format).format(DateTimeFormatter.BASIC_ISO_DATE);
            } catch (DateTimeParseException ignored) {
                // try the next form; an unparseable value is reported by the assembler with its row
            }
        }
        return text;
    }

    private static String normalise(String header) {
        return header.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    private static Map<String, String> headers() {
        Map<String, String> h = new HashMap<>();
        h.put("HCPC", CODE);
        h.put("HCPCS", CODE);
        h.put("SEQNUM", SEQUENCE);
        h.put("RECID", RECORD_ID);
        h.put("LONGDESCRIPTION", LONG);
        h.put("SHORTDESCRIPTION", SHORT);
        numbered(h, "PRICE", "pricingIndicator", 4);
        h.put("MULTPI", "multiplePricingIndicator");
        numbered(h, "CIM", "cimReference", 3);
        numbered(h, "MCM", "mcmReference", 3);
        h.put("STATUTE", "statute");
        numbered(h, "LABCERT", "labCertification", 8);
        numbered(h, "XREF", "crossReference", 5);
        h.put("COV", "coverageCode");
        h.put("ASCGRP", "ascGroup");
        h.put("ASCDT", "ascEffectiveDate");
        // The sheet calls the MOG fields of the record layout OPPS.
        h.put("OPPS", "mogPaymentGroup");
        h.put("OPPSPI", "mogPaymentIndicator");
        h.put("OPPSDT", "mogEffectiveDate");
        h.put("PROCNOTE", "procedureNote");
        h.put("BETOS", "betos");
        numbered(h, "TOS", "typeOfService", 5);
        h.put("ANESTBU", "anesthesiaBaseUnits");
        h.put("ADDDT", "codeAddedDate");
        h.put("ACTEFFDT", "actionEffectiveDate");
        h.put("TERMDT", "terminationDate");
        h.put("ACTIONCD", "actionCode");
        return Map.copyOf(h);
    }

    private static Map<String, Integer> zeroPadded() {
        Map<String, Integer> widths = new HashMap<>();
        for (int i = 1; i <= 4; i++) {
            widths.put("pricingIndicator" + i, 2);
        }
        for (int i = 1; i <= 8; i++) {
            widths.put("labCertification" + i, 3);
        }
        widths.put("procedureNote", 4);
        return Map.copyOf(widths);
    }

    private static void numbered(Map<String, String> headers, String prefix, String key, int count) {
        for (int i = 1; i <= count; i++) {
            headers.put(prefix + i, key + i);
        }
    }
}
