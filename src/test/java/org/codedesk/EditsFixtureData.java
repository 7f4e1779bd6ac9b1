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
 * The hand-written 2016 fixtures of the edits module (PTP, MUE, PFS, GPCI, localities, GEMs, POS) plus an
 * add-on code edit workbook written here with POI, imported together with the catalog's 2016 fixtures. All
 * dates are 2016, so real releases in the same database (PostgreSQL run) never change the answers.
 */
public final class EditsFixtureData {

    public static final Path CATALOG = Path.of("src/test/resources/fixtures/releases");
    private static final Path EDITS = Path.of("src/test/resources/fixtures/edits/releases");

    private EditsFixtureData() {
    }

    /** Imports everything (unchanged releases are skipped, so calling it before every test is cheap). */
    public static void importAll(CatalogImporter importer) {
        ImportReport report = importer.importPaths(List.of(CATALOG, folder()));
        assertThat(report.failed()).as(report.outcomes().toString()).isFalse();
    }

    /** A folder under target/ with the edits fixtures and the add-on code workbook. */
    public static Path folder() {
        Path dir = Path.of("target/edits-fixtures");
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(EDITS)) {
                for (Path f : files.toList()) {
                    Files.copy(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path aoc = dir.resolve("AOC_V2016Q2-MCR.xlsx");
            if (!Files.exists(aoc)) {
                writeAddOnWorkbook(aoc);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The NCCI add-on code edit layout: notice row, header row, then rows with Julian (YYYYDDD) dates. */
    private static void writeAddOnWorkbook(Path file) throws IOException {
        String[][] rows = {
                {"Invented fixture for CodeDesk tests: not CMS add-on code edits."},
                {"AOC_Edit_Type", "Add-On_Code", "AOC_DelDT", "Primary_Code", "Primary_Code_DelDT", "AOC_Edit_EffDT", "AOC_Edit_DelDT",
                        "Special_Instruction_Notes"},
                {"1", "11045", "", "11042", "", "2011001", "", ""},
                {"1", "22614", "", "22612", "", "2012001", "", ""},
                {"2", "69990", "", "CCCCC", "", "2013091", "", "Contractor Defined Primary Codes"},
        };
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("AOC");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            workbook.write(out);
        }
    }
}
