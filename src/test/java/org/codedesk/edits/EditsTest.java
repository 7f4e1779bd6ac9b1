package org.codedesk.edits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.codedesk.EditsFixtureData;
import org.codedesk.catalog.ImportReport;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Import and read API of the edits module over the 2016 fixtures: releases recorded like the code sets,
 * PTP dates at their boundaries, column order either way, MUE per setting, fee schedule arithmetic checked
 * against values worked out by hand from the fixture RVU and GPCI files, GEMs with their flags.
 */
@SpringBootTest
class EditsTest {

    static final LocalDate DOS = LocalDate.of(2016, 6, 1);

    @Autowired CatalogImporter importer;
    @Autowired Edits edits;

    @BeforeEach
    void importFixtures() {
        EditsFixtureData.importAll(importer);
    }

    @Test
    void everyDatasetIsAReleaseWithItsQuarterAndReimportChangesNothing() {
        assertThat(edits.releases()).extracting(r -> r.dataset() + " " + r.version()).contains(
                "PTP_PRACTITIONER 2016-Q2", "PTP_HOSPITAL 2016-Q2", "MUE_PRACTITIONER 2016-Q2", "MUE_HOSPITAL 2016-Q2", "MUE_DME 2016-Q2",
                "ADD_ON 2016-Q2", "PFS_RVU 2016-B", "PFS_GPCI 2016", "PFS_LOCALITY 2016", "GEM_I10_I9 FY2016", "GEM_I9_I10 FY2016",
                "PLACE_OF_SERVICE 2016");
        EditsRelease mue = edits.inForce(Dataset.MUE_PRACTITIONER, DOS).orElseThrow();
        assertThat(mue.effectiveFrom()).isEqualTo(LocalDate.of(2016, 4, 1));
        assertThat(mue.rowCount()).isEqualTo(6);
        assertThat(mue.citation()).isEqualTo("MUE table, practitioner services, 2016-Q2 (effective 2016-04-01)");

        ImportReport again = importer.importPaths(List.of(EditsFixtureData.folder()));
        assertThat(again.outcomes()).allMatch(o -> o.status() == ImportReport.Status.UNCHANGED, again.outcomes().toString());
    }

    @Test
    void aBrokenFileIsRejectedWithFileAndLineAndTheStoredReleaseKeepsServing(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        String good = "\"Notice\"\n\n\"HCPCS/\nCPT Code\",DME Supplier Services MUE Values,MUE Adjudication Indicator,MUE Rationale\n"
                + "X1001,3,3 Date of Service Edit: Clinical,Nature of Equipment\n";
        Path file = dir.resolve("MCR_MUE_DMESupplierServices_Eff_07-01-2016.csv");
        Files.writeString(file, good);
        assertThat(importer.importPaths(List.of(dir)).failed()).isFalse();
        LocalDate july = LocalDate.of(2016, 7, 15);
        EditsRelease q3 = edits.inForce(Dataset.MUE_DME, july).orElseThrow();
        assertThat(edits.mue(q3, Setting.DME, "X1001").orElseThrow().value()).isEqualTo(3);

        Files.writeString(file, good + "X1003,many,3 Date of Service Edit: Clinical,Nature of Equipment\n");
        ImportReport report = importer.importPaths(List.of(dir));
        assertThat(report.failed()).isTrue();
        assertThat(report.outcomes().get(0).detail()).contains("MCR_MUE_DMESupplierServices_Eff_07-01-2016.csv:").contains("still serving");
        EditsRelease kept = edits.inForce(Dataset.MUE_DME, july).orElseThrow();
        assertThat(kept.id()).isEqualTo(q3.id());
        assertThat(edits.mue(kept, Setting.DME, "X1001").orElseThrow().value()).isEqualTo(3);
    }

    @Test
    void ptpEditsApplyFromTheirEffectiveDateThroughTheirDeletionDate() {
        EditsRelease ptp = edits.inForce(Dataset.PTP_PRACTITIONER, DOS).orElseThrow();
        // deleted 2016-04-30: that is the last date of service it applies to
        assertThat(edits.ptp(ptp, "29880", true, LocalDate.of(2016, 4, 30))).extracting(PtpEdit::column2).containsExactly("29877");
        assertThat(edits.ptp(ptp, "29880", true, LocalDate.of(2016, 5, 1))).isEmpty();
        // effective 2016-05-01
        assertThat(edits.ptp(ptp, "64450", true, LocalDate.of(2016, 4, 30))).isEmpty();
        assertThat(edits.ptp(ptp, "64450", true, LocalDate.of(2016, 5, 1))).extracting(PtpEdit::column2).containsExactly("76942");
        // before the first quarter imported there is no table in force at all
        assertThat(edits.inForce(Dataset.PTP_PRACTITIONER, LocalDate.of(2015, 12, 31))).isEmpty();
    }

    @Test
    void ptpEditsAreFoundWithTheCodeInEitherColumnAndTheModifierIndicatorInWords() {
        EditsRelease ptp = edits.inForce(Dataset.PTP_PRACTITIONER, DOS).orElseThrow();
        PtpEdit edit = edits.ptp(ptp, "20610", false, DOS).get(0);
        assertThat(edit.column1()).isEqualTo("27447");
        assertThat(edit.priorTo1996()).isTrue();
        assertThat(edit.indicator()).isEqualTo(ModifierIndicator.ALLOWED);
        assertThat(edit.indicator().words()).contains("may bypass");
        assertThat(edit.rationale()).isEqualTo("Standards of medical / surgical practice");
        assertThat(edits.ptp(ptp, "27447", true, DOS)).extracting(PtpEdit::column2).containsExactly("20610", "27370");
        assertThat(edits.ptpAmong(ptp, List.of("20610", "27447"))).hasSize(1);
        assertThat(edits.ptpAmong(ptp, List.of("27447", "20610"))).hasSize(1);
        EditsRelease hospital = edits.inForce(Dataset.PTP_HOSPITAL, DOS).orElseThrow();
        assertThat(edits.ptp(hospital, "27447", true, DOS).get(0).indicator()).isEqualTo(ModifierIndicator.NOT_ALLOWED);
    }

    @Test
    void thePairIndexFindsExactlyTheEditsTheTableHolds() {
        EditsRelease ptp = edits.inForce(Dataset.PTP_PRACTITIONER, DOS).orElseThrow();
        List<String> codes = List.of("27447", "20610", "27370", "11042", "99213", "29880", "29877", "64450", "76942", "97530", "97140", "X1001");
        List<String> fromIndex = edits.ptpAmong(ptp, codes).stream().map(e -> e.column1() + "/" + e.column2() + "/" + e.indicator()).sorted().toList();
        List<String> fromTable = codes.stream().flatMap(c -> edits.ptp(ptp, c, true, LocalDate.of(2015, 6, 1)).stream()
                        .filter(e -> codes.contains(e.column2())).map(e -> e.column1() + "/" + e.column2() + "/" + e.indicator())).sorted().toList();
        // every fixture edit was in force on 2015-06-01 except those effective later, which the index returns too (any dates)
        assertThat(fromIndex).containsAll(fromTable).hasSize(6);
        assertThat(edits.ptpAmong(ptp, List.of("20610", "27447", "20610"))).singleElement()
                .satisfies(e -> assertThat(e.column1()).isEqualTo("27447"));
    }

    @Test
    void mueValuesDifferBySetting() {
        MueLimit practitioner = edits.mue(edits.inForce(Dataset.MUE_PRACTITIONER, DOS).orElseThrow(), Setting.PRACTITIONER, "20610").orElseThrow();
        MueLimit hospital = edits.mue(edits.inForce(Dataset.MUE_HOSPITAL, DOS).orElseThrow(), Setting.OUTPATIENT_HOSPITAL, "20610").orElseThrow();
        assertThat(practitioner.value()).isEqualTo(2);
        assertThat(practitioner.perLine()).isTrue();
        assertThat(practitioner.adjudicationWords()).containsIgnoringCase("line");
        assertThat(hospital.value()).isEqualTo(3);
        MueLimit knee = edits.mue(edits.inForce(Dataset.MUE_PRACTITIONER, DOS).orElseThrow(), Setting.PRACTITIONER, "27447").orElseThrow();
        assertThat(knee.adjudication()).isEqualTo(2);
        assertThat(knee.perLine()).isFalse();
        assertThat(knee.rationale()).isEqualTo("Anatomic Consideration");
    }

    @Test
    void nationalPaymentIsTotalRvusTimesTheConversionFactor() {
        EditsRelease rvu = edits.inForce(Dataset.PFS_RVU, DOS).orElseThrow();
        FeeSchedule knee = edits.fees(rvu, List.of("27447"), Optional.empty()).get("27447").get(0);
        // by hand: 36.04 facility RVUs x 35.8043 = 1290.3870; non-facility is NA
        assertThat(knee.nationalFacility()).isEqualByComparingTo("1290.39");
        assertThat(knee.nationalNonFacility()).isNull();
        assertThat(knee.nonFacilityNa()).isTrue();
        assertThat(knee.globalDays().value()).isEqualTo("090");
        assertThat(knee.globalDays().words()).contains("90");
        assertThat(knee.bilateral().words()).contains("150");
        assertThat(knee.status().words()).isNotBlank();
        FeeSchedule injection = edits.fees(rvu, List.of("20610"), Optional.empty()).get("20610").get(0);
        // by hand: 1.81 x 35.8043 = 64.8058
        assertThat(injection.nationalNonFacility()).isEqualByComparingTo("64.81");
    }

    @Test
    void localityPaymentAppliesEachGpciToItsRvu() {
        Locality sf = edits.locality(DOS, "01112-05").orElseThrow();
        assertThat(sf.name()).isEqualTo("SAN FRANCISCO");
        assertThat(sf.counties()).contains("SAN FRANCISCO");
        assertThat(sf.workGpci()).isEqualByComparingTo(new BigDecimal("1.077"));
        EditsRelease rvu = edits.inForce(Dataset.PFS_RVU, DOS).orElseThrow();
        Map<String, List<FeeSchedule>> fees = edits.fees(rvu, List.of("20610", "27447"), Optional.of(sf));
        // by hand: [(0.79 x 1.077) + (0.92 x 1.428) + (0.10 x 0.481)] x 35.8043 = 2.21269 x 35.8043 = 79.2238
        FeeSchedule.LocalityPayment injection = fees.get("20610").get(0).locality();
        assertThat(injection.nonFacility()).isEqualByComparingTo("79.22");
        assertThat(injection.nonFacilityArithmetic()).contains("0.79 × 1.077").endsWith("$79.22");
        // by hand: [(20.72 x 1.077) + (11.21 x 1.428) + (4.11 x 0.481)] x 35.8043 = 40.30023 x 35.8043 = 1442.9215
        FeeSchedule.LocalityPayment knee = fees.get("27447").get(0).locality();
        assertThat(knee.facility()).isEqualByComparingTo("1442.92");
        assertThat(knee.nonFacility()).isNull();
        assertThat(edits.localities(DOS)).hasSize(3);
    }

    @Test
    void theOppsCapFileJoinsTheFeeScheduleReleaseBesideIt() {
        // OPPSCAP_Apr.csv names no year: it takes the release of PPRRVU2016_Apr.csv in the same folder
        EditsRelease rvu = edits.inForce(Dataset.PFS_RVU, DOS).orElseThrow();
        EditsRelease caps = edits.imagingCaps(rvu).orElseThrow();
        assertThat(caps.dataset()).isEqualTo(Dataset.PFS_OPPS_CAP);
        assertThat(caps.version()).isEqualTo("2016-B");
        assertThat(caps.effectiveFrom()).isEqualTo(rvu.effectiveFrom());
        assertThat(caps.files()).isEqualTo("OPPSCAP_Apr.csv");
        assertThat(caps.rowCount()).isEqualTo(3);
    }

    @Test
    void theImagingCapLowersALocalityPaymentToTheOppsAmountInEachSetting() {
        Locality sf = edits.locality(DOS, "01112-05").orElseThrow();
        EditsRelease rvu = edits.inForce(Dataset.PFS_RVU, DOS).orElseThrow();
        List<FeeSchedule> guidance = edits.fees(rvu, List.of("76942"), Optional.of(sf)).get("76942");
        // TC by hand: [(0.00 x 1.077) + (0.74 x 1.428) + (0.01 x 0.481)] x 35.8043 = 1.06153 x 35.8043 = 38.0073; OPPSCAP: 30.00 / 25.00
        FeeSchedule.LocalityPayment tc = guidance.get(2).locality();
        assertThat(tc.nonFacility()).isEqualByComparingTo("25.00");
        assertThat(tc.facility()).isEqualByComparingTo("30.00");
        assertThat(tc.nonFacilityCap().applied()).isTrue();
        assertThat(tc.nonFacilityCap().feeSchedule()).isEqualByComparingTo("38.01");
        assertThat(tc.nonFacilityCap().opps()).isEqualByComparingTo("25.00");
        assertThat(tc.nonFacilityCap().source()).startsWith("CMS OPPSCAP_Apr.csv, carrier 01112, locality 05: ")
                .contains("OPPS imaging cap amounts (OPPSCAP), 2016-B");
        assertThat(tc.nonFacilityArithmetic()).startsWith("$25.00, capped at the OPPS amount: imaging cap")
                .contains("(0.74 × 1.428)").contains("= $38.01").contains("OPPS amount $25.00 in OPPSCAP_Apr.csv");
        assertThat(tc.facilityCap().feeSchedule()).isEqualByComparingTo("38.01");
        // global by hand: [(0.67 x 1.077) + (0.98 x 1.428) + (0.04 x 0.481)] x 35.8043 = 2.14027 x 35.8043 = 76.6309 in both settings;
        // OPPSCAP facility 70.00 is lower (capped), non-facility 80.00 is not (the fee schedule amount is paid)
        FeeSchedule.LocalityPayment global = guidance.get(0).locality();
        assertThat(global.facility()).isEqualByComparingTo("70.00");
        assertThat(global.facilityCap().applied()).isTrue();
        assertThat(global.nonFacility()).isEqualByComparingTo("76.63");
        assertThat(global.nonFacilityCap().applied()).isFalse();
        assertThat(global.nonFacilityArithmetic()).contains("= $76.63; not capped: the OPPS amount $80.00 is not lower");
        // the professional component and other localities are not in OPPSCAP: not capped
        assertThat(guidance.get(1).locality().nonFacilityCap()).isNull();
        FeeSchedule.LocalityPayment alabama = edits.fees(rvu, List.of("76942"), edits.locality(DOS, "10112-00")).get("76942").get(2).locality();
        assertThat(alabama.nonFacilityCap()).isNull();
        assertThat(alabama.facilityCap()).isNull();
        // by hand: [(0.00 x 1) + (0.74 x 0.869) + (0.01 x 0.575)] x 35.8043 = 0.64881 x 35.8043 = 23.2302
        assertThat(alabama.nonFacility()).isEqualByComparingTo("23.23");
        assertThat(alabama.nonFacilityArithmetic()).endsWith("= $23.23");
    }

    @Test
    void anOppsCapFileWhoseYearIsUnknownIsRefusedAndItsReleaseFolderGivesTheYear(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        String caps = "HCPCS,MOD,PROCSTAT,CARRIER,LOCALITY,FACILITY PRICE,NON-FACILTY PRICE\n76942,TC,A,10112,00,20.00,20.00\n";
        Path alone = Files.createDirectories(dir.resolve("caps"));
        Files.writeString(alone.resolve("OPPSCAP_Jul.csv"), caps);
        ImportReport report = importer.importPaths(List.of(alone));
        assertThat(report.failed()).isTrue();
        assertThat(report.outcomes()).singleElement().satisfies(o -> assertThat(o.detail())
                .contains("OPPSCAP_Jul.csv: the year of this OPPSCAP file is not known"));
        Path release = Files.createDirectories(dir.resolve("rvu16c"));
        Files.writeString(release.resolve("OPPSCAP_Jul.csv"), caps);
        assertThat(importer.importPaths(List.of(release)).failed()).isFalse();
        assertThat(edits.releases(Dataset.PFS_OPPS_CAP)).extracting(EditsRelease::version).contains("2016-C");
    }

    @Test
    void maaaAndPlaCodesAreCptCodes() {
        MueLimit maaa = edits.mue(edits.inForce(Dataset.MUE_PRACTITIONER, DOS).orElseThrow(), Setting.PRACTITIONER, "0006M").orElseThrow();
        assertThat(maaa.value()).isEqualTo(1);
        assertThat(maaa.adjudication()).isEqualTo(2);
        assertThat(org.codedesk.catalog.CodeSystem.CPT.isWellFormed("0006M")).isTrue();
        assertThat(org.codedesk.catalog.CodeSystem.CPT.isWellFormed("0001U")).isTrue();
        assertThat(org.codedesk.catalog.CodeSystem.isCptCode("0006X")).isFalse();
        assertThat("0006M").matches(org.codedesk.catalog.CodeSystem.PROCEDURE_CODE);
    }

    @Test
    void feeScheduleKeepsProfessionalAndTechnicalComponentsAndNeverTheDescription() {
        EditsRelease rvu = edits.inForce(Dataset.PFS_RVU, DOS).orElseThrow();
        List<FeeSchedule> guidance = edits.fees(rvu, List.of("76942"), Optional.empty()).get("76942");
        assertThat(guidance).extracting(FeeSchedule::modifier).containsExactly("", "26", "TC");
        assertThat(guidance.get(0).pcTc().value()).isEqualTo("1");
        assertThat(guidance.toString()).doesNotContain("FIXTURE DESCRIPTION");
    }

    @Test
    void gemsMapBothWaysWithTheirFlagsInWords() {
        List<GemMapping> forward = edits.gems(Dataset.GEM_I10_I9, "S72001A", true, DOS);
        assertThat(forward).extracting(GemMapping::target).containsExactly("82000");
        assertThat(forward.get(0).flagsInWords()).containsIgnoringCase("closest");
        List<GemMapping> combination = edits.gems(Dataset.GEM_I10_I9, "T360X1A", true, DOS);
        assertThat(combination).hasSize(2);
        assertThat(combination).allMatch(GemMapping::combination);
        assertThat(combination.get(0).flagsInWords()).contains("Scenario 1");
        assertThat(edits.gems(Dataset.GEM_I10_I9, "S728X1A", true, DOS).get(0).noMap()).isTrue();
        assertThat(edits.gems(Dataset.GEM_I9_I10, "S72091A", false, DOS)).extracting(GemMapping::source).containsExactly("82000");
    }

    @Test
    void placeOfServiceListSkipsUnassignedCodes() {
        assertThat(edits.placesOfService()).extracting(PlaceOfService::code).contains("11", "21", "22").doesNotContain("35");
    }
}
