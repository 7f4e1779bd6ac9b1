package org.codedesk.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.codedesk.OfficialData;
import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.ImportReport;
import org.codedesk.catalog.importing.CatalogImporter;
import org.codedesk.edits.Dataset;
import org.codedesk.edits.Edits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The claim checker's advice on the official files (issue 19's walkthrough): a lipid panel (PFS status X) is paid under the
 * clinical laboratory fee schedule, not refused with ABN advice; a preventive visit with Z00.00 first on a practitioner
 * claim is not edited by the MCE (an inpatient edit); a claim dated today gets MUE and fee findings (stale), not "no table".
 * Skipped, and reported so, without {@code CODEDESK_DATA_DIR}.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimAdviceFullDataTest {

    @Autowired CatalogImporter importer;
    @Autowired ClaimChecker checker;
    @Autowired Catalog catalog;
    @Autowired Edits edits;
    @Autowired Clock clock;

    @BeforeAll
    void importOfficialFiles() {
        ImportReport report = importer.importPaths(List.of(OfficialData.file("ncci"), OfficialData.file("pfs"), OfficialData.file("mce"),
                OfficialData.file("icd10cm/2026"), OfficialData.file("hcpcs/2025")));
        assertThat(report.failed()).as(report.outcomes().toString()).isFalse();
    }

    private static ClaimLine line(String code) {
        return new ClaimLine(code, List.of(), 1);
    }

    private static List<Finding> of(ClaimCheck check, String kind) {
        return check.findings().stream().filter(f -> f.check().equals(kind)).toList();
    }

    @Test
    void aLipidPanelIsPaidUnderTheClinicalLabFeeScheduleNotRefusedWithAnAbn() {
        ClaimCheck check = checker.check(new Claim("2025-11-15", "practitioner", List.of(line("80061"), line("A0425"), line("36415")),
                List.of(), null));
        List<Finding> fees = of(check, "fee_schedule");
        assertThat(fees).hasSize(3).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(FindingStatus.NO_DATA);
            assertThat(f.message()).contains("has fee schedule status X").contains("paid outside the PFS");
            assertThat(f.message() + " " + f.fix()).doesNotContain("ABN").doesNotContain("GA");
            assertThat(f.source()).contains("2025-D");
        });
        assertThat(fees.get(0).message()).contains("under the Clinical Laboratory Fee Schedule (CLFS) (CPT 80047-89398");
        assertThat(fees.get(1).message()).contains("under the Ambulance Fee Schedule");
        assertThat(fees.get(2).message()).contains("check the payment system for this service");
    }

    @Test
    void everyStatusXCodeOfTheRvuFileIsSentToAPaymentSystemOrToCheckingOne() throws IOException {
        LocalDate date = LocalDate.of(2025, 11, 15);
        List<String> statusX = Files.readAllLines(OfficialData.file("pfs/rvu25d/PPRRVU2025_Oct.csv"), StandardCharsets.ISO_8859_1).stream()
                .map(l -> l.split(",", -1)).filter(f -> f.length > 3 && f[3].equals("X") && f[0].matches("[0-9A-Z]{5}"))
                .map(f -> f[0]).distinct().toList();
        Map<String, Map<String, String>> records = catalog.attributes(CodeSystem.HCPCS,
                statusX.stream().filter(ValidClaim::isLevelTwo).toList(), date);
        Map<String, Long> bySystem = statusX.stream().collect(Collectors.groupingBy(code -> PaymentSystem.of(code,
                records.getOrDefault(code, Map.of())).map(PaymentSystem::name).orElse("(not told: check the payment system)"),
                TreeMap::new, Collectors.counting()));
        System.out.println("FIGURES status X codes of PPRRVU2025_Oct.csv (" + statusX.size() + ") by payment system: " + bySystem);
        assertThat(bySystem.get(PaymentSystem.CLFS.name())).isGreaterThanOrEqualTo(1494); // CPT 80047-89398 with status X
        assertThat(bySystem).containsKeys(PaymentSystem.AMBULANCE.name(), PaymentSystem.DMEPOS.name());
    }

    @Test
    void aPreventiveVisitOnAPractitionerClaimIsNotEditedByTheMce() {
        ClaimCheck practitioner = checker.check(new Claim("2026-06-01", "practitioner", List.of(line("99397")), List.of("Z00.00"), null));
        assertThat(of(practitioner, "mce")).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(FindingStatus.PASS);
            assertThat(f.message()).isEqualTo("MCE edits apply to inpatient claims; not applied to this practitioner claim.");
        });
        assertThat(practitioner.findings()).noneMatch(f -> f.check().startsWith("mce_"));
        // 99397 has status N (non-covered): GY, not ABN advice
        assertThat(of(practitioner, "fee_schedule")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("status N");
            assertThat(f.fix()).contains("GY").doesNotContain("ABN");
        });
        // the same diagnosis first on an inpatient claim: the MCE's unacceptable principal diagnosis edit applies
        ClaimCheck inpatient = checker.check(new Claim("2026-06-01", "inpatient_hospital", List.of(line("99397")), List.of("Z00.00"), null));
        assertThat(of(inpatient, "mce_unacceptable_principal")).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(FindingStatus.FAIL));
    }

    @Test
    void aClaimDatedTodayGetsMueAndFeeFindingsStaleNotNoTable() {
        LocalDate today = LocalDate.now(clock);
        ClaimCheck check = checker.check(new Claim(today.toString(), "practitioner", List.of(line("99213")), List.of(), null));
        for (Dataset dataset : List.of(Dataset.MUE_PRACTITIONER, Dataset.PFS_RVU)) {
            String kind = dataset == Dataset.PFS_RVU ? "fee_schedule" : "mue";
            org.codedesk.catalog.Currency currency = edits.currency(dataset, today);
            assertThat(of(check, kind)).as(kind).singleElement().satisfies(f -> {
                assertThat(f.status()).isNotEqualTo(FindingStatus.NO_DATA);
                assertThat(f.status()).isEqualTo(currency.stale() ? FindingStatus.STALE : FindingStatus.PASS);
                if (currency.stale()) {
                    assertThat(f.message()).endsWith(currency.sentence());
                }
            });
        }
    }
}
