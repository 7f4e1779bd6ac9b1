package org.codedesk.catalog.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.ImportReport;
import org.codedesk.catalog.ImportReport.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Import as a whole: releases recorded with their files, idempotent re-import, bad files rejected without harm. */
@SpringBootTest
class CatalogImporterTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/releases");

    @Autowired CatalogImporter importer;
    @Autowired Catalog catalog;
    @Autowired JdbcTemplate jdbc;

    @Test
    void recordsEachReleaseWithFilesChecksumsAndCounts() {
        importer.importPaths(List.of(FIXTURES));
        var fy2016 = catalog.releases(CodeSystem.ICD10CM).stream().filter(r -> r.version().equals("FY2016")).findFirst().orElseThrow();
        assertThat(fy2016.effectiveFrom()).isEqualTo(LocalDate.of(2015, 10, 1));
        assertThat(fy2016.contents()).contains("codes");
        var files = jdbc.queryForList("select file_name, role, sha256, record_count from catalog_release_file where release_id = ?", fy2016.id());
        assertThat(files).hasSize(1);
        assertThat(files.get(0).get("role")).isEqualTo("CM_ORDER"); // Spring's row maps ignore the column names' case
        assertThat(String.valueOf(files.get(0).get("sha256"))).hasSize(64);
        assertThat(jdbc.queryForObject("select count(*) from catalog_code where release_id = ?", Integer.class, fy2016.id())).isEqualTo(17);
    }

    @Test
    void reimportingTheSameFilesChangesNothing() {
        importer.importPaths(List.of(FIXTURES));
        long before = jdbc.queryForObject("select count(*) from catalog_code", Long.class);
        List<Long> ids = jdbc.queryForList("select id from catalog_release order by id", Long.class);
        ImportReport again = importer.importPaths(List.of(FIXTURES));
        assertThat(again.outcomes()).extracting(ImportReport.Outcome::status).containsOnly(Status.UNCHANGED);
        assertThat(jdbc.queryForObject("select count(*) from catalog_code", Long.class)).isEqualTo(before);
        assertThat(jdbc.queryForList("select id from catalog_release order by id", Long.class)).isEqualTo(ids);
    }

    @Test
    void aTruncatedFileIsRejectedWithFileLineAndReasonAndThePreviousReleaseKeepsServing(@TempDir Path dir) throws IOException {
        importer.importPaths(List.of(FIXTURES));
        List<String> lines = Files.readAllLines(FIXTURES.resolve("icd10cm_order_2016.txt"));
        lines.set(lines.size() - 1, lines.get(lines.size() - 1).substring(0, 30));
        Files.write(dir.resolve("icd10cm_order_2016.txt"), lines);

        ImportReport report = importer.importPaths(List.of(dir));

        assertThat(report.failed()).isTrue();
        assertThat(report.outcomes().get(0).detail()).contains("icd10cm_order_2016.txt:17: line is 30 characters long");
        assertThat(catalog.page(CodeSystem.ICD10CM, "H54.7", LocalDate.of(2016, 6, 1))).isPresent();
        assertThat(catalog.page(CodeSystem.ICD10CM, "S72.8X1A", LocalDate.of(2016, 6, 1))).isPresent();
    }

    @Test
    void aFolderWithNoOfficialFileSaysSo(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.pdf"), "not a release");
        ImportReport report = importer.importPaths(List.of(dir));
        assertThat(report.failed()).isTrue();
        assertThat(report.outcomes().get(0).detail()).startsWith("No official release file recognised");
        assertThat(report.ignored()).hasSize(1);
    }

    @Test
    void aBrokenOrSummaryOnlyAddendaIsSkippedAndReportedButTheCodeFileImports(@TempDir Path dir) throws IOException {
        Files.copy(FIXTURES.resolve("icd10cm_order_2016.txt"), dir.resolve("icd10cm_order_2016.txt"));
        Files.writeString(dir.resolve("icd10cm_order_addenda_2016.txt"), "Add:         1 X01     truncated\r\n");

        ImportReport report = importer.importPaths(List.of(dir));

        assertThat(report.failed()).as(report.outcomes().toString()).isFalse();
        assertThat(report.outcomes().get(0).detail()).contains("skipped: ").contains("icd10cm_order_addenda_2016.txt:1: line too short");
        assertThat(catalog.page(CodeSystem.ICD10CM, "H54.7", LocalDate.of(2016, 6, 1))).isPresent();
    }

    @Test
    void theHcpcsCorrectionsWorkbookAndTransactionReportAreRecordedNotTakenForTheCodeFile(@TempDir Path dir) throws IOException {
        // As in CMS's January 2026 zip: the ANWEB text and workbook, with two more workbooks of the same quarter beside them
        Files.copy(FIXTURES.resolve("HCPC2016_ANWEB.txt"), dir.resolve("HCPC2016_JAN_ANWEB_01122016.txt"));
        Files.writeString(dir.resolve("HCPC2016_JAN_ANWEB_01122016.xlsx"), "the same records as a workbook");
        Files.writeString(dir.resolve("HCPC2016_JAN_ANWEB_Corrections_01122016.xlsx"), "corrections");
        Files.writeString(dir.resolve("HCPC2016_JAN_ANWEB_Transaction Report_12292015.xlsx"), "changes");

        ImportReport report = importer.importPaths(List.of(dir));

        assertThat(report.failed()).as(report.outcomes().toString()).isFalse();
        assertThat(report.outcomes().get(0).detail())
                .contains("HCPC2016_JAN_ANWEB_Corrections_01122016.xlsx: CMS corrections workbook recorded, not read as codes")
                .contains("the ANWEB file of the same date carries its corrections")
                .contains("transaction report recorded");
        assertThat(catalog.releases(CodeSystem.HCPCS)).extracting(r -> r.version()).contains("2016-01");
    }

    @Test
    void aTabularAddendaRebuildsTheNextYearsNotesLabelsWhatItChangedAndSaysWhatItCouldNotApply(@TempDir Path dir) throws IOException {
        for (String file : List.of("icd10cm_tabular_2015.xml", "icd10cm_order_2015.txt", "icd10cm_order_2016.txt")) {
            Files.copy(FIXTURES.resolve(file), dir.resolve(file));
        }
        byte[] addenda = new org.codedesk.catalog.source.icd10cm.AddendaPdf()
                .title("ICD-10-CM TABULAR LIST of DISEASES and INJURIES")
                .line("No Change", 90, org.codedesk.catalog.source.icd10cm.AddendaPdf.CHAPTER, "Chapter 19")
                .line("No Change", 90, org.codedesk.catalog.source.icd10cm.AddendaPdf.BOLD,
                        "Injury, poisoning and certain other consequences of external causes (S00-T88)")
                .line("No Change", 90, org.codedesk.catalog.source.icd10cm.AddendaPdf.BOLD, "Injuries to the hip and thigh (S70-S79)")
                .line("No Change", 90, org.codedesk.catalog.source.icd10cm.AddendaPdf.BOLD, "S72 Fracture of femur")
                .line("No Change", 111, org.codedesk.catalog.source.icd10cm.AddendaPdf.BOLD, "S72.0 Fracture of head and neck of femur")
                .line("Add", 140, org.codedesk.catalog.source.icd10cm.AddendaPdf.REGULAR, "Fracture of femoral neck NOS")
                .line("Delete", 140, org.codedesk.catalog.source.icd10cm.AddendaPdf.REGULAR, "Fracture of a unicorn's hip NOS")
                .bytes();
        Files.write(dir.resolve("icd10cm_tabular_addenda_2016.pdf"), addenda);

        ImportReport report = importer.importPaths(List.of(dir));

        assertThat(report.failed()).as(report.outcomes().toString()).isFalse();
        assertThat(report.outcomes()).filteredOn(o -> o.release().equals("ICD-10-CM FY2016")).singleElement().satisfies(o ->
                assertThat(o.detail()).contains("tabular rebuilt from ICD-10-CM FY2015 and the addenda FY2016")
                        .contains("1 changes applied, 1 not applied"));
        var page = catalog.page(CodeSystem.ICD10CM, "S72.001A", LocalDate.of(2016, 6, 1)).orElseThrow();
        assertThat(page.notesRelease().version()).isEqualTo("FY2016");
        assertThat(page.notes()).filteredOn(n -> n.text().equals("Fracture of femoral neck NOS")).singleElement()
                .satisfies(n -> assertThat(n.since()).isEqualTo("FY2016 addenda"));
        assertThat(page.notes()).filteredOn(n -> n.text().equals("Fracture of hip NOS")).singleElement()
                .satisfies(n -> assertThat(n.since()).isNull()); // as the FY2015 tabular has it: no label
        assertThat(page.noteGaps()).singleElement().satisfies(g -> assertThat(g).contains("Fracture of a unicorn's hip NOS")
                .contains("icd10cm_tabular_addenda_2016.pdf"));
        // the FY2015 page is its own XML's
        assertThat(catalog.page(CodeSystem.ICD10CM, "S72.001A", LocalDate.of(2015, 6, 1)).orElseThrow().notes())
                .noneMatch(n -> n.text().equals("Fracture of femoral neck NOS"));
    }
}
