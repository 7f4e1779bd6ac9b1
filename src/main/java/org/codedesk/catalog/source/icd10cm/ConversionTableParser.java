package org.codedesk.catalog.source.icd10cm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.codedesk.catalog.OfficialCsv;
import org.codedesk.catalog.source.SourceFormatException;

/**
 * Reads a CDC "ICD-10-CM Conversion Table" (xlsx, or csv for FY2020) into {@link CodeConversion}s.
 *
 * <p>The tables put a free-text note in the first row(s) and then a header row with "Current code
 * assignment", "Effective ..." and "Previous Code(s) Assignment"; the header is looked up by name because
 * its row differs between years. "Effective" holds either a year (meaning October 1 of that year) or a
 * date for off-cycle updates (January and April releases). Row numbers in errors are those a spreadsheet
 * program shows (1-based) or, for csv, the line where the record starts.
 */
public final class ConversionTableParser {

    // Categories are letter-digit-alnum, except the FY2026 "QA0" block (letter-letter-digit); the rule
    // also keeps words such as "AND" in the previous-code text from passing for codes.
    private static final String CODE = "[A-Z](?:[0-9][0-9A-Z]|[A-Z][0-9])(?:\\.?[0-9A-Z]{1,4})?";
    private static final Pattern CURRENT_CODE = Pattern.compile(CODE);
    /** A code, optionally followed by "-CODE" (a range) or by "-" / ".-" (any code in that category). */
    private static final Pattern PREVIOUS_ENTRY =
            Pattern.compile("\\b(" + CODE + ")(?:\\s*-\\s*(" + CODE + ")\\b|\\.?-)?");
    private static final Pattern FISCAL_YEAR_IN_NAME =
            Pattern.compile("FY[ _-]?(\\d{4}|\\d{2})(?!\\d)", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("M/d/uuuu"),
            DateTimeFormatter.ofPattern("M/d/uu"));

    public List<CodeConversion> parse(String fileName, InputStream in) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        List<RawRow> rows;
        if (lower.endsWith(".csv")) {
            rows = readCsv(fileName, in);
        } else if (lower.endsWith(".xlsx") || lower.endsWith(".xls")) {
            rows = readWorkbook(fileName, in);
        } else {
            throw new SourceFormatException(fileName, 0, "expected a .xlsx, .xls or .csv conversion table");
        }
        return convert(fileName, rows);
    }

    /** A table row reduced to cell texts, so the csv and spreadsheet paths share the interpretation. */
    private record RawRow(long number, List<String> cells) {

        String cell(int index) {
            return index < cells.size() ? cells.get(index).strip() : "";
        }

        boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    private List<CodeConversion> convert(String fileName, List<RawRow> rows) {
        int headerIndex = -1;
        for (int i = 0; i < rows.size() && headerIndex < 0; i++) {
            if (rows.get(i).cells().stream().anyMatch(c -> c.strip().toLowerCase(Locale.ROOT).startsWith("current code"))) {
                headerIndex = i;
            }
        }
        if (headerIndex < 0) {
            throw new SourceFormatException(fileName, 0, "no header row with \"Current code assignment\"");
        }
        RawRow header = rows.get(headerIndex);
        int current = column(fileName, header, "current");
        int effective = column(fileName, header, "effective");
        int previous = column(fileName, header, "previous");

        record Parsed(LocalDate effective, String current, List<String> previous, String previousText) {
        }
        List<Parsed> parsed = new ArrayList<>();
        for (RawRow row : rows.subList(headerIndex + 1, rows.size())) {
            if (row.isBlank()) {
                continue; // the sheets end with empty formatted rows
            }
            String code = normaliseCode(row.cell(current));
            if (!CURRENT_CODE.matcher(code).matches()) {
                throw new SourceFormatException(fileName, row.number(),
                        "current code \"" + row.cell(current) + "\" is not an ICD-10-CM code");
            }
            String previousText = row.cell(previous);
            if (previousText.isEmpty()) {
                throw new SourceFormatException(fileName, row.number(), "no previous code(s) for " + code);
            }
            parsed.add(new Parsed(effectiveDate(fileName, row, row.cell(effective)), code,
                    previousCodes(fileName, row, previousText), previousText));
        }

        int fiscalYear = fiscalYearFromName(fileName);
        if (fiscalYear == 0) {
            // No "FYnn" in the name: the table's year is the one of its newest codes.
            fiscalYear = parsed.stream().mapToInt(p -> fiscalYearOf(p.effective())).max().orElse(0);
        }
        List<CodeConversion> result = new ArrayList<>(parsed.size());
        for (Parsed p : parsed) {
            result.add(new CodeConversion(fiscalYear, p.effective(), p.current(), p.previous(), p.previousText()));
        }
        return result;
    }

    private static int column(String fileName, RawRow header, String word) {
        for (int i = 0; i < header.cells().size(); i++) {
            if (header.cell(i).toLowerCase(Locale.ROOT).contains(word)) {
                return i;
            }
        }
        throw new SourceFormatException(fileName, header.number(), "header has no \"" + word + "\" column");
    }

    private static LocalDate effectiveDate(String fileName, RawRow row, String text) {
        if (YEAR.matcher(text).matches()) {
            // A bare year means the regular October 1 release of that year.
            return LocalDate.of(Integer.parseInt(text), 10, 1);
        }
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException ignored) {
                // try the next layout
            }
        }
        throw new SourceFormatException(fileName, row.number(), "effective date \"" + text + "\" is neither a year nor a date");
    }

    private static List<String> previousCodes(String fileName, RawRow row, String text) {
        if (text.equalsIgnoreCase("none")) {
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        Matcher m = PREVIOUS_ENTRY.matcher(text.toUpperCase(Locale.ROOT));
        while (m.find()) {
            String from = normaliseCode(m.group(1));
            codes.add(m.group(2) == null ? from : from + "-" + normaliseCode(m.group(2)));
        }
        if (codes.isEmpty()) {
            throw new SourceFormatException(fileName, row.number(), "no code in previous code(s) \"" + text + "\"");
        }
        return codes;
    }

    private static String normaliseCode(String code) {
        return code.strip().replace(".", "").toUpperCase(Locale.ROOT);
    }

    static int fiscalYearFromName(String fileName) {
        Matcher m = FISCAL_YEAR_IN_NAME.matcher(fileName);
        if (!m.find()) {
            return 0;
        }
        int year = Integer.parseInt(m.group(1));
        return year < 100 ? 2000 + year : year;
    }

    /** The US federal fiscal year starts on October 1 of the previous calendar year. */
    static int fiscalYearOf(LocalDate date) {
        return date.getMonthValue() >= 10 ? date.getYear() + 1 : date.getYear();
    }

    // --- xlsx ---------------------------------------------------------------------------------------

    private static List<RawRow> readWorkbook(String fileName, InputStream in) {
        try (Workbook workbook = WorkbookFactory.create(in)) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new SourceFormatException(fileName, 0, "workbook has no sheet");
            }
            // Every published table has a single sheet; further sheets would be notes.
            Sheet sheet = workbook.getSheetAt(0);
            List<RawRow> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    cells.add(cellText(fileName, row, row.getCell(c)));
                }
                rows.add(new RawRow(row.getRowNum() + 1L, cells));
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof SourceFormatException sfe) {
                throw sfe;
            }
            throw new SourceFormatException(fileName, 0, "not a readable spreadsheet: " + e.getMessage(), e);
        }
    }

    private static String cellText(String fileName, Row row, Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    yield cell.getLocalDateTimeCellValue().toLocalDate().toString();
                }
                double value = cell.getNumericCellValue();
                yield value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
            }
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case BLANK -> "";
            default -> throw new SourceFormatException(fileName, row.getRowNum() + 1L,
                    "unreadable cell " + cell.getAddress() + " (" + type + ")");
        };
    }

    // --- csv ----------------------------------------------------------------------------------------

    /** The CSV is read whole (its title note spans lines); a file this large is not a conversion table. */
    static final int MAX_CSV_BYTES = 16 * 1024 * 1024;

    private static List<RawRow> readCsv(String fileName, InputStream in) {
        String text;
        try {
            byte[] bytes = in.readNBytes(MAX_CSV_BYTES + 1);
            if (bytes.length > MAX_CSV_BYTES) {
                throw new SourceFormatException(fileName, 0, String.format("larger than %,d bytes: not a conversion table (the published ones are"
                        + " about 100 KB)", MAX_CSV_BYTES));
            }
            text = decode(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + fileName, e);
        }
        // RFC 4180: quoted fields may hold commas, doubled quotes and line breaks (the title note does).
        List<RawRow> rows = new ArrayList<>();
        try {
            for (OfficialCsv.Row row : OfficialCsv.read(new java.io.StringReader(text), ',', MAX_CSV_BYTES)) {
                rows.add(new RawRow(row.line(), row.fields()));
            }
        } catch (OfficialCsv.Problem p) {
            throw new SourceFormatException(fileName, p.line(), p.fault() == OfficialCsv.Fault.UNCLOSED_QUOTE
                    ? "quoted field not closed before end of file" : "unexpected text after a closing quote");
        }
        return rows;
    }

    /** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else the Windows code page CDC files use. */
    private static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }
}
