package org.codedesk.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.codedesk.catalog.ImportReport;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The coverage module on the official files of {@code CODEDESK_DATA_DIR} (skipped when unset): NCD lab spreadsheet 2026-Q1, MCE v43.1. */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoverageFullDataTest {

    static final LocalDate DOS = LocalDate.of(2026, 6, 1);

    @Autowired CatalogImporter importer;
    @Autowired Coverage coverage;
    @Autowired MedicareCodeEditor mce;
    @Autowired JdbcTemplate jdbc;

    @BeforeAll
    void importOfficialData() {
        String dir = System.getenv("CODEDESK_DATA_DIR");
        assumeTrue(dir != null && !dir.isBlank(), "CODEDESK_DATA_DIR is not set: coverage full-data test skipped");
        ImportReport report = importer.importPaths(List.of(Path.of(dir)));
        assertThat(report.failed()).as(report.outcomes().toString()).isFalse();
    }

    @Test
    void theNcdSpreadsheetImportsEveryRow() {
        CoverageRelease ncd = coverage.inForce(CoverageSource.NCD_LAB, DOS).orElseThrow();
        assertThat(ncd.version()).isEqualTo("2026-Q1");
        assertThat(count("coverage_document", ncd)).isEqualTo(26);
        // 66,278 ICD-10 rows in the sheet: 66,252 codes and one "all other codes" row per NCD
        assertThat(count("coverage_diagnosis", ncd)).isEqualTo(66_252);
        assertThat(jdbc.queryForObject("select count(*) from coverage_document where release_id = ? and other_resolution is not null",
                Integer.class, ncd.id())).isEqualTo(26);
    }

    @Test
    void knownNcdRowsAnswerCrosswalksAndNecessity() {
        assertThat(coverage.diagnosesFor("87086", DOS)).singleElement().satisfies(urine -> {
            assertThat(urine.document().citation()).startsWith("NCD 190.12 Urine Culture, Bacterial");
            assertThat(urine.groups()).flatExtracting(Crosswalk.Group::codes).extracting(Crosswalk.Diagnosis::code).contains("A02.1");
        });
        assertThat(coverage.necessity("80061", List.of("E78.5"), DOS).outcome()).isEqualTo(Necessity.Outcome.SUPPORTED);
        assertThat(coverage.necessity("80061", List.of("Z00.00"), DOS).outcome()).isEqualTo(Necessity.Outcome.DENIED);
        assertThat(coverage.necessity("80061", List.of("S72.001A"), DOS).outcome()).isEqualTo(Necessity.Outcome.NOT_REASONABLE_AND_NECESSARY);
        // blood counts: listed codes are denied, every other code is covered
        assertThat(coverage.necessity("85025", List.of("R99"), DOS).outcome()).isEqualTo(Necessity.Outcome.DENIED);
        assertThat(coverage.necessity("85025", List.of("D64.9"), DOS).outcome()).isEqualTo(Necessity.Outcome.SUPPORTED);
        assertThat(coverage.proceduresFor("E78.5", DOS)).extracting(d -> d.document().id()).contains("190.23A", "190.23B");
    }

    @Test
    void theMceDefinitionsGiveTheirListsAndTheDeactivatedSexEdit() {
        CoverageRelease v43 = mce.release(DOS).orElseThrow();
        assertThat(v43.version()).isEqualTo("v43.1");
        assertThat(v43.effectiveFrom()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(mce.listings("A33", DOS)).extracting(MedicareCodeEditor.Listing::list).contains("NEWBORN_AGE");
        assertThat(mce.listings("Z51.89", DOS)).extracting(MedicareCodeEditor.Listing::words)
                .contains("Unacceptable principal diagnosis, acceptable with a secondary diagnosis");
        assertThat(mce.check(List.of("A33"), 30, "M", DOS)).filteredOn(r -> r.check().equals("mce_age")).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(MedicareCodeEditor.Outcome.FAIL));
        assertThat(mce.check(List.of("N40.0"), 70, "F", DOS)).filteredOn(r -> r.check().equals("mce_sex")).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("deactivated as of 2024-10-01"));
        for (String list : List.of("NEWBORN_AGE", "PEDIATRIC_AGE", "MATERNITY_AGE", "ADULT_AGE", "MANIFESTATION", "UNACCEPTABLE_PRINCIPAL",
                "QUESTIONABLE_ADMISSION", "NONCOVERED_PROCEDURE", "LIMITED_COVERAGE", "WRONG_PROCEDURE", "UNSPECIFIED")) {
            assertThat(jdbc.queryForObject("select count(*) from coverage_mce_code where release_id = ? and edit = ?", Integer.class, v43.id(), list))
                    .as(list).isPositive();
        }
    }

    private int count(String table, CoverageRelease release) {
        return jdbc.queryForObject("select count(*) from " + table + " where release_id = ?", Integer.class, release.id());
    }
}
