package org.codedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.codedesk.catalog.ImportReport;
import org.codedesk.catalog.importing.CatalogImporter;

/**
 * Hand-written coverage fixtures (not CMS data): a Medicare Coverage Database download (one article of two versions,
 * a retired article, an LCD), MCE definitions v33.0 (October 2015) in the older layout that still has sex conflict
 * lists, and an NCD lab spreadsheet for 2016-Q1 written here with POI in the CMS layout. Imported with the catalog's
 * and the edits module's 2016 fixtures.
 */
public final class CoverageFixtureData {

    private static final Path COVERAGE = Path.of("src/test/resources/fixtures/coverage");

    private CoverageFixtureData() {
    }

    public static void importAll(CatalogImporter importer) {
        ImportReport report = importer.importPaths(List.of(EditsFixtureData.CATALOG, EditsFixtureData.folder(), folder()));
        assertThat(report.failed()).as(report.outcomes().toString()).isFalse();
    }

    /** A folder under target/ with the coverage fixtures and the NCD workbook. */
    public static Path folder() {
        Path dir = Path.of("target/coverage-fixtures");
        try {
            for (String sub : List.of("mcd", "mce")) {
                Files.createDirectories(dir.resolve(sub));
                try (Stream<Path> files = Files.list(COVERAGE.resolve(sub))) {
                    for (Path f : files.toList()) {
                        Files.copy(f, dir.resolve(sub).resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Path ncd = dir.resolve("2016100-Initial-ICD10-NCD-Spreadsheet-fixture.xlsx");
            if (!Files.exists(ncd)) {
                writeNcdWorkbook(ncd);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CMS layout: title, legend, two header rows, then NCD, title, CPT/HCPCS (listed beside), ICD-10, dates (Excel serials), resolution. */
    private static void writeNcdWorkbook(Path file) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("sheet1");
            row(sheet, 0, "", "", "", "MEDICARE NATIONAL COVERAGE DETERMINATIONS (hand-written fixture, not CMS data)");
            row(sheet, 2, "", "", "", "", "", "     1 - ICD-10-CM codes covered by Medicare.");
            row(sheet, 5, "NCD ", "NCD", "CPT/HCPCS ", "CPT/HCPCS", "CPT/HCPCS", "ICD-10", "ICD-10 EFF", "ICD-10 TERM", "RESOLUTION");
            row(sheet, 6, "Number", "DESCRIPTION", "CODES", "EFF DATE", "TERM DATE", "CODE", " DATE", "DATE", "CODE 1/");
            row(sheet, 7, "190.23A", "Lipids Testing (fixture)", "80061", "", "", "E785", "42278", "", "1");
            row(sheet, 8, "190.23A", "", "83718", "", "", "H547", "42278", "", "1");
            row(sheet, 9, "190.23A", "", "", "", "", "Z0000", "42278", "", "2");
            row(sheet, 10, "190.23A", "", "", "", "", "T360X1A", "42278", "42369", "1"); // ended 2015-12-31
            row(sheet, 11, "190.23A", "", "", "", "", "@@@@@@@", "42278", "", "3");
            row(sheet, 12, "190.15", "Blood Counts (fixture)", "85025", "", "", "Z0000", "42278", "", "2");
            row(sheet, 13, "190.15", "", "", "", "", "@@@@@@@", "42278", "", "1");
            workbook.write(out);
        }
    }

    private static void row(Sheet sheet, int index, String... cells) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            if (cells[i].matches("\\d{5}") && i >= 6 && i <= 7) {
                row.createCell(i).setCellValue(Double.parseDouble(cells[i])); // dates are Excel serials
            } else {
                row.createCell(i).setCellValue(cells[i]);
            }
        }
    }
}
