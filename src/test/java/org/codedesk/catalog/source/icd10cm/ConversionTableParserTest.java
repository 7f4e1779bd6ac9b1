package org.codedesk.catalog.source.icd10cm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.codedesk.catalog.source.SourceFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversionTableParserTest {

    private final ConversionTableParser parser = new ConversionTableParser();

    @TempDir
    Path tempDir;

    @Test
    void readsCsvWithQuotedNoteAndVariousPreviousCodeForms() throws Exception {
        List<CodeConversion> rows;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/icd10cm/conversion-FY21.csv")) {
            rows = parser.parse("conversion-FY21.csv", in);
        }
        assertThat(rows).containsExactly(
                new CodeConversion(2021, LocalDate.of(2016, 10, 1), "X0101", List.of("X010"), "X01.0"),
                new CodeConversion(2021, LocalDate.of(2019, 10, 1), "X0102", List.of("X010", "X011", "X012"),
                        "X01.0, X01.1 and X01.2"),
                new CodeConversion(2021, LocalDate.of(2023, 4, 1), "X0210", List.of("X021-X023", "X04"),
                        "X02.1-X02.3; X04.-"),
                new CodeConversion(2021, LocalDate.of(2020, 10, 1), "QA123", List.of(), "None"));
    }

    @Test
    void takesTheFiscalYearFromTheNewestEffectiveDateWhenTheNameHasNone() throws Exception {
        byte[] csv;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/icd10cm/conversion-FY21.csv")) {
            csv = in.readAllBytes();
        }
        List<CodeConversion> rows = parser.parse("conversion.csv", new ByteArrayInputStream(csv));
        assertThat(rows).extracting(CodeConversion::fiscalYear).containsOnly(2023); // April 2023 lies in FY2023
        assertThat(ConversionTableParser.fiscalYearFromName("ICD-10-CM-Conversion-Table-FY2022-Effective-10-1-2021.xlsx"))
                .isEqualTo(2022);
        assertThat(ConversionTableParser.fiscalYearFromName("ICD-10-CM_ConversionTable-FY17.xlsx")).isEqualTo(2017);
    }

    @Test
    void readsXlsxWithHeaderFoundByNameYearsAndDates() throws Exception {
        Path file = tempDir.resolve("Conversion-Table-FY2031.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("table");
            sheet.createRow(1).createCell(0).setCellValue("A note that precedes the header.");
            // Columns in an order no published table uses, to prove they are found by their headings.
            Row header = sheet.createRow(3);
            header.createCell(0).setCellValue("Previous Code(s) Assignment");
            header.createCell(1).setCellValue("Current code assignment");
            header.createCell(2).setCellValue("Effective");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("mm/dd/yy"));
            Row year = sheet.createRow(4);
            year.createCell(0).setCellValue("x01.0");
            year.createCell(1).setCellValue("X01.01  ");
            year.createCell(2).setCellValue(2029);
            Row date = sheet.createRow(5);
            date.createCell(0).setCellValue("X05.1 & X05.2");
            date.createCell(1).setCellValue("X05.11");
            date.createCell(2).setCellValue(LocalDate.of(2030, 4, 1));
            date.getCell(2).setCellStyle(dateStyle);
            sheet.createRow(7).createCell(0).setCellValue(""); // trailing formatted but empty row
            workbook.write(out);
        }
        List<CodeConversion> rows;
        try (InputStream in = Files.newInputStream(file)) {
            rows = parser.parse(file.getFileName().toString(), in);
        }
        assertThat(rows).containsExactly(
                new CodeConversion(2031, LocalDate.of(2029, 10, 1), "X0101", List.of("X010"), "x01.0"),
                new CodeConversion(2031, LocalDate.of(2030, 4, 1), "X0511", List.of("X051", "X052"), "X05.1 & X05.2"));
    }

    @Test
    void reportsTheSpreadsheetRowOfABadCode() throws Exception {
        Path file = tempDir.resolve("bad-FY30.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet();
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Current code assignment");
            header.createCell(1).setCellValue("Effective October 1");
            header.createCell(2).setCellValue("Previous Code(s) Assignment");
            Row good = sheet.createRow(1);
            good.createCell(0).setCellValue("X01.1");
            good.createCell(1).setCellValue(2028);
            good.createCell(2).setCellValue("X01");
            Row bad = sheet.createRow(2);
            bad.createCell(0).setCellValue("see note");
            bad.createCell(1).setCellValue(2028);
            bad.createCell(2).setCellValue("X01");
            workbook.write(out);
        }
        try (InputStream in = Files.newInputStream(file)) {
            assertThatThrownBy(() -> parser.parse("bad-FY30.xlsx", in))
                    .isInstanceOfSatisfying(SourceFormatException.class, e -> {
                        assertThat(e.file()).isEqualTo("bad-FY30.xlsx");
                        assertThat(e.line()).isEqualTo(3);
                        assertThat(e.reason()).contains("\"see note\"");
                    });
        }
    }

    @Test
    void reportsCsvErrorsWithTheirLine() {
        String header = "Current code assignment,Effective October 1,Previous Code(s) Assignment\n";
        assertThatThrownBy(() -> csv("\"note\nover two lines\",,\n" + header + "X01.1,2020,X01\nX01.2,someday,X01\n"))
                .isInstanceOfSatisfying(SourceFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.reason()).contains("effective date \"someday\"");
                });
        assertThatThrownBy(() -> csv(header + "X01.1,2020,and so on\n"))
                .isInstanceOfSatisfying(SourceFormatException.class, e -> assertThat(e.line()).isEqualTo(2));
        assertThatThrownBy(() -> csv(header + "X01.1,2020,\n"))
                .isInstanceOfSatisfying(SourceFormatException.class, e -> assertThat(e.reason()).contains("no previous"));
        assertThatThrownBy(() -> csv("X01.1,2020,X01\n"))
                .isInstanceOfSatisfying(SourceFormatException.class, e -> assertThat(e.reason()).contains("no header row"));
        assertThatThrownBy(() -> csv(header + "X01.1,2020,\"X01\n"))
                .isInstanceOfSatisfying(SourceFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.reason()).contains("quoted field");
                });
        assertThatThrownBy(() -> parser.parse("table.pdf", new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(SourceFormatException.class);
        assertThatThrownBy(() -> parser.parse("table-FY30.xlsx", new ByteArrayInputStream("not a zip".getBytes())))
                .isInstanceOfSatisfying(SourceFormatException.class, e -> assertThat(e.reason()).contains("not a readable spreadsheet"));
    }

    private List<CodeConversion> csv(String text) {
        return parser.parse("table-FY30.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
