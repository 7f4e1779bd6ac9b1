package org.codedesk.catalog.source.hcpcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.codedesk.catalog.source.SourceFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds small workbooks in the layout of the CMS ANWEB spreadsheet (header names only; the content is the same
 * invented data as the text fixture) and checks they parse to the same entries as the text file.
 */
class AnwebSpreadsheetParserTest {

    /** Column headers as CMS names them in the ANWEB spreadsheet. */
    private static final List<String> HEADERS = List.of("HCPC", "SEQNUM", "RECID", "LONG DESCRIPTION",
            "SHORT DESCRIPTION", "PRICE1", "PRICE2", "PRICE3", "PRICE4", "MULT_PI", "CIM1", "CIM2", "CIM3", "MCM1",
            "MCM2", "MCM3", "STATUTE", "LABCERT1", "LABCERT2", "LABCERT3", "LABCERT4", "LABCERT5", "LABCERT6",
            "LABCERT7", "LABCERT8", "XREF1", "XREF2", "XREF3", "XREF4", "XREF5", "COV", "ASC_GRP", "ASC_DT", "OPPS",
            "OPPS_PI", "OPPS_DT", "PROCNOTE", "BETOS", "TOS1", "TOS2", "TOS3", "TOS4", "TOS5", "ANEST_BU", "ADD DT",
            "ACT EFF DT", "TERM DT", "ACTION CD");

    private static final String NAME = "anweb-sample.xlsx";

    @TempDir
    Path tempDir;

    private final AnwebSpreadsheetParser parser = new AnwebSpreadsheetParser();

    @Test
    void xlsxGivesSameEntriesAsText() throws IOException {
        Path file = tempDir.resolve(NAME);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(workbook(new XSSFWorkbook(), sampleRows()));
        }

        List<HcpcsEntry> entries;
        try (InputStream in = Files.newInputStream(file)) {
            entries = parser.parse(NAME, in);
        }

        assertThat(entries).isEqualTo(AnwebTextParserTest.parseFixture());
    }

    @Test
    void olderXlsGivesSameEntriesAsText() throws IOException {
        byte[] xls = workbook(new HSSFWorkbook(), sampleRows());

        assertThat(parser.parse("anweb-sample.xls", new ByteArrayInputStream(xls)))
                .isEqualTo(AnwebTextParserTest.parseFixture());
    }

    @Test
    void readsNumericAndDateFormattedDateCells() throws IOException {
        List<Map<String, Object>> rows = sampleRows();
        rows.get(0).put("ADD DT", 19980101d);                          // a yyyyMMdd number
        rows.get(0).put("TERM DT", LocalDate.of(2020, 12, 31));        // a real Excel date
        rows.get(0).put("ACT EFF DT", "2020-01-01");                   // text in ISO form
        rows.get(0).put("TOS1", 1d);
        rows.get(3).put("PRICE1", 0d);                                 // "00" stored as a number

        List<HcpcsEntry> entries = parser.parse(NAME, new ByteArrayInputStream(workbook(new XSSFWorkbook(), rows)));

        assertThat(entries).isEqualTo(AnwebTextParserTest.parseFixture());
    }

    @Test
    void rejectsBadDateWithRowNumber() {
        // Row 1 disclaimer, row 2 blank, row 3 header, row 4 X1001, row 5-6 continuations, row 7 X1002.
        assertFailure(rows -> rows.get(3).put("TERM DT", "20191332"), 7, "bad termination date '20191332'");
    }

    @Test
    void rejectsContinuationWithoutFirstLine() {
        assertFailure(rows -> rows.remove(0), 4, "continuation record for code X1001 without a first line");
    }

    @Test
    void rejectsUnknownRecordId() {
        assertFailure(rows -> rows.get(4).put("RECID", "9"), 8, "unknown record id '9'");
    }

    @Test
    void rejectsSheetWithoutHeader() {
        assertThatThrownBy(() -> parser.parse(NAME,
                new ByteArrayInputStream(workbook(new XSSFWorkbook(), List.of(), false))))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("no header row");
    }

    @Test
    void rejectsNonSpreadsheet() {
        assertThatThrownBy(() -> parser.parse(NAME, new ByteArrayInputStream("not a workbook".getBytes())))
                .isInstanceOfSatisfying(SourceFormatException.class, e -> assertThat(e.file()).isEqualTo(NAME));
    }

    private void assertFailure(Consumer<List<Map<String, Object>>> corrupt, int row, String reason) {
        List<Map<String, Object>> rows = sampleRows();
        corrupt.accept(rows);
        byte[] bytes = workbook(new XSSFWorkbook(), rows);

        assertThatThrownBy(() -> parser.parse(NAME, new ByteArrayInputStream(bytes)))
                .isInstanceOfSatisfying(SourceFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(row);
                    assertThat(e.getMessage()).startsWith(NAME + ":" + row + ": ").contains(reason);
                });
    }

    /** The text fixture's records, one map per row; continuation rows as CMS still ships them in some years. */
    private static List<Map<String, Object>> sampleRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("X1001", "0010", "3",
                "Injection of an imaginary test drug for parser checks, including the carrier",
                "Inj imaginary test drug",
                "PRICE1", "51", "PRICE2", "13", "PRICE3", "46", "PRICE4", "99", "MULT_PI", "C",
                "CIM1", "60-1", "CIM2", "60-2A", "CIM3", "60-3B", "MCM1", "2049", "MCM2", "2050.1", "MCM3", "4270",
                "STATUTE", "1861S2B", "LABCERT1", "010", "LABCERT2", "110", "LABCERT3", "220", "LABCERT4", "310",
                "LABCERT5", "400", "LABCERT6", "510", "LABCERT7", "610", "LABCERT8", "900",
                "XREF1", "X1002", "XREF2", "X1003", "XREF3", "X1004", "XREF4", "X1005", "XREF5", "X1006",
                "COV", "D", "ASC_GRP", "YY", "ASC_DT", "20200101", "OPPS", "102", "OPPS_PI", "1",
                "OPPS_DT", "20190701", "PROCNOTE", "0088", "BETOS", "O1E", "TOS1", "1", "TOS2", "P", "TOS3", "9",
                "TOS4", "F", "TOS5", "G", "ANEST_BU", "  3", "ADD DT", "19980101", "ACT EFF DT", "20200101",
                "TERM DT", "20201231", "ACTION CD", "C"));
        // Continuations out of order, to check sequence ordering.
        rows.add(row("X1001", "0030", "4", "with the third piece ending here", ""));
        rows.add(row("X1001", "0020", "4", "  solution and all supplies, per unit of one hundred milligrams,", ""));
        rows.add(row("X1002", "0010", "3", "Retired test supply, one each", "Retired test supply",
                "PRICE1", "00", "MULT_PI", "9", "COV", "M", "BETOS", "D1A", "TOS1", "9", "ANEST_BU", "  0",
                "ADD DT", "20100101", "ACT EFF DT", "20200101", "TERM DT", "20191231", "ACTION CD", "D"));
        rows.add(row("X1003", "0010", "3", "Plain test service, single line", "Plain test service",
                "PRICE1", "11", "MULT_PI", "A", "COV", "C", "BETOS", "Z2", "TOS1", "1", "ANEST_BU", "  0",
                "ADD DT", "20200101", "ACTION CD", "A"));
        // Modifiers carry three leading blanks in the HCPC column, as in the CMS sheet.
        rows.add(row("   ZZ", "0010", "7",
                "Imaginary modifier used to test a modifier whose long description needs more than one record",
                "Imaginary test modifier",
                "COV", "C", "ADD DT", "19840101", "ACT EFF DT", "19970101", "ACTION CD", "N"));
        rows.add(row("   ZY", "0010", "7", "Second imaginary modifier", "Second test modifier",
                "COV", "I", "ADD DT", "20200101", "ACT EFF DT", "20200101", "ACTION CD", "A"));
        return rows;
    }

    private static Map<String, Object> row(String code, String seq, String id, String longDesc, String shortDesc,
                                           String... more) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("HCPC", code);
        row.put("SEQNUM", seq);
        row.put("RECID", id);
        row.put("LONG DESCRIPTION", longDesc);
        row.put("SHORT DESCRIPTION", shortDesc);
        for (int i = 0; i < more.length; i += 2) {
            row.put(more[i], more[i + 1]);
        }
        return row;
    }

    private static byte[] workbook(Workbook wb, List<Map<String, Object>> rows) {
        return workbook(wb, rows, true);
    }

    /** Writes a disclaimer row, a blank row, the header row (when asked) and every header's cell in each row. */
    private static byte[] workbook(Workbook wb, List<Map<String, Object>> rows, boolean header) {
        try (wb) {
            Sheet sheet = wb.createSheet("ANWEB");
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("m/d/yyyy"));
            sheet.createRow(0).createCell(0).setCellValue("Hand-made test sheet, not CMS data");
            sheet.createRow(1).createCell(0).setCellValue("");
            int r = 2;
            if (header) {
                Row h = sheet.createRow(r++);
                for (int c = 0; c < HEADERS.size(); c++) {
                    h.createCell(c).setCellValue(HEADERS.get(c));
                }
            }
            for (Map<String, Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < HEADERS.size(); c++) {
                    Object value = values.getOrDefault(HEADERS.get(c), "");
                    if (value instanceof Double d) {
                        row.createCell(c).setCellValue(d);
                    } else if (value instanceof LocalDate date) {
                        row.createCell(c).setCellValue(date);
                        row.getCell(c).setCellStyle(dateStyle);
                    } else {
                        row.createCell(c).setCellValue((String) value);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
