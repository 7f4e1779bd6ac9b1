package org.codedesk.edits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.codedesk.catalog.ImportReport;
import org.codedesk.catalog.importing.CatalogImporter;
import org.codedesk.claims.Claim;
import org.codedesk.claims.ClaimCheck;
import org.codedesk.claims.ClaimChecker;
import org.codedesk.claims.ClaimLine;
import org.codedesk.claims.Finding;
import org.codedesk.claims.FindingStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The CMS edits files of {@code CODEDESK_DATA_DIR} (MUE 2026-Q2, add-on code edits 2026-Q2, PFS RVU25D,
 * GEMs 2018): counts per release and known rows, and a claim checked against them. Expected figures are
 * read off the files themselves. Skipped, and reported as skipped, when the variable is unset.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditsFullDataTest {

    static final LocalDate DOS = LocalDate.of(2026, 6, 1);

    @Autowired CatalogImporter importer;
    @Autowired Edits edits;
    @Autowired ClaimChecker checker;

    private ImportReport report;

    @BeforeAll
    void importEditsFiles() {
        String dir = System.getenv("CODEDESK_DATA_DIR");
        assumeTrue(dir != null && !dir.isBlank(), "CODEDESK_DATA_DIR is not set: edits full-data test skipped");
        report = importer.importPaths(List.of(Path.of(dir, "ncci"), Path.of(dir, "pfs"), Path.of(dir, "gems")));
    }

    @Test
    void everyEditsReleaseImportsWithTheRowsOfItsFiles() {
        assertThat(report.failed()).as(report.outcomes().toString()).isFalse();
        Map<String, Integer> rows = edits.releases().stream().filter(r -> !r.version().startsWith("2016") && !r.version().equals("FY2016"))
                .collect(Collectors.toMap(r -> r.dataset() + " " + r.version(), EditsRelease::rowCount, (a, b) -> a));
        assertThat(rows).containsEntry("MUE_PRACTITIONER 2026-Q2", 15095)   // data lines of the CSV (the XLSX copy is skipped)
                .containsEntry("MUE_HOSPITAL 2026-Q2", 15045)
                .containsEntry("MUE_DME 2026-Q2", 3083)
                .containsEntry("ADD_ON 2026-Q2", 9000)
                .containsEntry("PFS_GPCI 2025", 109)
                .containsEntry("PFS_LOCALITY 2025", 110)
                .containsEntry("PFS_OPPS_CAP 2025-D", 16100)    // data lines of OPPSCAP_Oct.csv
                .containsEntry("GEM_I10_I9 FY2018", 81593)
                .containsEntry("GEM_I9_I10 FY2018", 24860)
                .containsEntry("GEM_PCS_I9 FY2018", 101025)
                .containsEntry("GEM_I9_PCS FY2018", 73593);
        assertThat(rows.get("PFS_RVU 2025-D")).isBetween(19000, 19090);
        assertThat(edits.releases(Dataset.PTP_PRACTITIONER)).noneMatch(r -> r.version().startsWith("2026"));
    }

    @Test
    void knownRowsOfTheRealFiles() {
        EditsRelease mue = edits.inForce(Dataset.MUE_PRACTITIONER, DOS).orElseThrow();
        MueLimit visit = edits.mue(mue, Setting.PRACTITIONER, "99213").orElseThrow();
        assertThat(visit.value()).isEqualTo(2);
        assertThat(visit.adjudication()).isEqualTo(3);
        assertThat(edits.mue(edits.inForce(Dataset.MUE_DME, DOS).orElseThrow(), Setting.DME, "E0100").orElseThrow().value()).isEqualTo(1);

        EditsRelease rvu = edits.inForce(Dataset.PFS_RVU, DOS).orElseThrow();
        assertThat(rvu.version()).isEqualTo("2025-D");
        Locality alabama = edits.localities(DOS).stream().filter(l -> l.state().equals("AL")).findFirst().orElseThrow();
        FeeSchedule knee = edits.fees(rvu, List.of("27447"), Optional.of(alabama)).get("27447").get(0);
        assertThat(knee.globalDays().value()).isEqualTo("090");
        // by hand from the file: 38.88 x 32.3465 = 1257.6319; [(19.60 x 1) + (15.30 x 0.869) + (3.98 x 0.575)] x 32.3465 = 1138.0857
        assertThat(knee.nationalFacility()).isEqualByComparingTo("1257.63");
        assertThat(knee.locality().facility()).isEqualByComparingTo("1138.09");
        assertThat(knee.toString()).doesNotContain("Total knee");

        assertThat(edits.gems(Dataset.GEM_I10_I9, "E119", true, DOS)).extracting(GemMapping::target).containsExactly("25000");
        assertThat(edits.gems(Dataset.GEM_PCS_I9, "02HV33Z", true, DOS)).extracting(GemMapping::target).contains("3893");
    }

    @Test
    void theOppsImagingCapOfRvu25dLowersCtColonographyInOklahoma() {
        LocalDate november = LocalDate.of(2025, 11, 1);
        EditsRelease rvu = edits.inForce(Dataset.PFS_RVU, november).orElseThrow();
        assertThat(edits.imagingCaps(rvu).orElseThrow().files()).isEqualTo("OPPSCAP_Oct.csv");
        Locality oklahoma = edits.locality(november, "04312-00").orElseThrow();   // 25LOCCO writes it 4312,0; GPCI2025 and OPPSCAP 04312,00
        Map<String, FeeSchedule> rows = edits.fees(rvu, List.of("74263"), Optional.of(oklahoma)).get("74263").stream()
                .collect(Collectors.toMap(FeeSchedule::modifier, f -> f));
        // TC by hand from PPRRVU2025_Oct.csv and GPCI2025.csv: [(0.00 x 1) + (18.25 x 0.891) + (0.03 x 0.813)] x 32.3465
        // = 16.28514 x 32.3465 = 526.7673; OPPSCAP_Oct.csv: 74263,TC,A,04312,00,215.27,215.27 (= [(7.46 x 0.891) + (0.01 x 0.813)]
        // x 32.3465 from the file's OPPS PE and MP columns)
        FeeSchedule.LocalityPayment tc = rows.get("TC").locality();
        assertThat(tc.nonFacility()).isEqualByComparingTo("215.27");
        assertThat(tc.nonFacilityCap().feeSchedule()).isEqualByComparingTo("526.77");
        assertThat(tc.nonFacilityCap().applied()).isTrue();
        assertThat(tc.nonFacilityArithmetic()).startsWith("$215.27, capped at the OPPS amount: imaging cap").contains("= $526.77");
        assertThat(tc.facility()).isNull();        // the TC has no facility payment (NA): nothing to cap
        // global: [(2.28 x 1) + (19.27 x 0.891) + (0.09 x 0.813)] x 32.3465 = 19.52274 x 32.3465 = 631.4923; OPPSCAP 319.99
        assertThat(rows.get("").locality().nonFacility()).isEqualByComparingTo("319.99");
        assertThat(rows.get("").locality().nonFacilityCap().feeSchedule()).isEqualByComparingTo("631.49");
        // the professional component is not in OPPSCAP: [(2.28 x 1) + (1.02 x 0.891) + (0.06 x 0.813)] x 32.3465 = 104.7250
        assertThat(rows.get("26").locality().nonFacilityCap()).isNull();
        assertThat(rows.get("26").locality().nonFacility()).isEqualByComparingTo("104.73");

        ClaimCheck check = checker.check(new Claim(november.toString(), "practitioner", List.of(new ClaimLine("74263", List.of("TC"), 1)),
                List.of(), "04312-00", "11"));
        assertThat(check.lines().get(0).payment()).isEqualByComparingTo("215.27");
        assertThat(check.findings()).filteredOn(f -> f.check().equals("fee_schedule")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("capped at the OPPS amount: imaging cap (fee schedule amount $526.77,"
                        + " OPPS amount $215.27; CMS OPPSCAP_Oct.csv, carrier 04312, locality 00"));
    }

    @Test
    void maaaCodesOfTheMueTablesAreFoundOnTheirPageAndByTheClaimChecker() {
        EditsRelease mue = edits.inForce(Dataset.MUE_PRACTITIONER, DOS).orElseThrow();
        // MCR_MUE_PractitionerServices_Eff_04-01-2026.csv: 0006M,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction
        assertThat(edits.codeEdits("0006M", DOS, Optional.empty()).mue().get(0).limit().value()).isEqualTo(1);
        assertThat(edits.mue(mue, Setting.PRACTITIONER, "0016M").orElseThrow().value()).isEqualTo(2);
        ClaimCheck check = checker.check(new Claim(DOS.toString(), "practitioner", List.of(new ClaimLine("0006M", List.of(), 2)), List.of(), null));
        assertThat(check.findings()).filteredOn(f -> f.check().equals("mue")).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(FindingStatus.FAIL);
            assertThat(f.message()).contains("exceed MUE 1");
            assertThat(f.source()).contains("MUE table, practitioner services, 2026-Q2");
        });
    }

    @Test
    void aRealClaimIsNeverCleanWithoutPtpEdits() {
        ClaimCheck check = checker.check(new Claim(DOS.toString(), "practitioner",
                List.of(new ClaimLine("99292", List.of(), 1), new ClaimLine("99213", List.of(), 3)), List.of(), null));
        assertThat(check.clean()).isFalse();
        Map<String, List<Finding>> byCheck = check.findings().stream().collect(Collectors.groupingBy(Finding::check));
        // no PTP table of 2026 is in the data: not checked, or (when other tests imported the 2016 fixture table into the same
        // database) checked against an older table and stale; never a pass
        assertThat(byCheck.get("ptp")).isNotEmpty().allSatisfy(f -> {
            assertThat(f.status()).isIn(FindingStatus.NO_DATA, FindingStatus.STALE);
            assertThat(f.message()).contains("NCCI PTP edits, practitioner");
        });
        assertThat(byCheck.get("add_on")).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(FindingStatus.FAIL);
            assertThat(f.fix()).contains("99291");
            assertThat(f.source()).contains("NCCI add-on code edits, 2026-Q2");
        });
        assertThat(byCheck.get("mue")).filteredOn(f -> "99213".equals(f.code())).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(FindingStatus.FAIL);     // 3 visits a day, MUE 2
            assertThat(f.source()).contains("2026-Q2");
        });
        // the newest fee schedule file (2025-D, October 2025) is older than the quarter in force: a June 2026 claim is checked
        // against it, and its findings are stale, never a pass
        assertThat(byCheck.get("fee_schedule")).isNotEmpty().allSatisfy(f -> {
            assertThat(f.status()).isIn(FindingStatus.STALE, FindingStatus.FAIL);
            assertThat(f.message()).contains("Physician Fee Schedule relative value file (PPRRVU) 2026-Q2 is in force since 2026-04-01"
                    + " and is not imported; shown: 2025-D.");
        });
    }
}
