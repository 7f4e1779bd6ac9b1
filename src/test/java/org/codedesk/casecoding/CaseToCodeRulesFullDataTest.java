package org.codedesk.casecoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.ImportReport;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pre-check policy and the guideline rules on US notes, against the official FY2026 code set and the model
 * learned from CodiEsp (the product's configuration): what is checked is what a careful coder would submit.
 * Same context as {@link CaseToCodeFullDataTest} (one import). Skipped when CODEDESK_DATA_DIR is unset.
 */
@SpringBootTest
class CaseToCodeRulesFullDataTest {

    static final String DATA = System.getenv("CODEDESK_DATA_DIR");
    static final LocalDate DATE = LocalDate.of(2026, 2, 1);

    @DynamicPropertySource
    static void corpus(DynamicPropertyRegistry registry) {
        registry.add("codedesk.casecoding.corpus", () -> DATA == null ? "" : Path.of(DATA, "benchmarks/codiesp/train").toString());
    }

    @Autowired CatalogImporter importer;
    @Autowired Catalog catalog;
    @Autowired CaseCoder coder;

    @BeforeEach
    void data() {
        assumeTrue(DATA != null && !DATA.isBlank(), "CODEDESK_DATA_DIR is not set: case-to-code rules full-data test skipped");
        if (catalog.releaseInForce(org.codedesk.catalog.CodeSystem.ICD10CM, DATE).isEmpty()) {
            ImportReport report = importer.importPaths(List.of(Path.of(DATA)));
            assertThat(report.failed()).as(report.outcomes().toString()).isFalse();
        }
    }

    private static List<String> checked(List<CaseCoding.CodeSuggestion> list) {
        return list.stream().filter(CaseCoding.CodeSuggestion::suggested).map(CaseCoding.CodeSuggestion::code).toList();
    }

    private static Optional<CaseCoding.CodeSuggestion> find(CaseCoding coding, String code) {
        return java.util.stream.Stream.concat(coding.diagnoses().stream(), coding.procedures().stream()).filter(s -> s.code().equals(code)).findFirst();
    }

    @Test
    void dischargeSummaryGetsCombinationCodesOneCodePerConditionAndThePrincipalFirst() {
        String note = """
                DISCHARGE SUMMARY
                Principal diagnosis: Community-acquired pneumonia, left lower lobe
                Secondary diagnoses:
                - Acute on chronic systolic congestive heart failure
                - Hypertension
                - Type 2 diabetes mellitus with diabetic nephropathy, chronic kidney disease stage 3b
                - Long-term use of insulin

                HPI: 71-year-old man with HFrEF, HTN, T2DM on insulin and CKD presented with 5 days of cough, fever and increasing dyspnea.
                Hospital course: pneumonia treated with ceftriaxone; IV furosemide for CHF; insulin glargine continued.
                """;
        CaseCoding coding = coder.code(note, DATE, EncounterSetting.INPATIENT);
        List<String> dx = checked(coding.diagnoses());
        assertThat(dx).first().isEqualTo("J18.9");
        assertThat(dx).contains("I13.0", "I50.23", "E11.22", "N18.32", "Z79.4");
        assertThat(dx).doesNotContain("I10", "I50.9", "I50.22", "E11.9", "N18.9", "R05", "R50.9", "E11.21");
        assertThat(find(coding, "I13.0").orElseThrow().warnings()).anyMatch(w -> w.startsWith("Combination code"));
        coding.diagnoses().stream().filter(s -> !s.suggested()).forEach(s -> assertThat(s.reason()).as(s.code()).isNotBlank());
        assertThat(checked(coding.procedures())).isEmpty();
    }

    @Test
    void negationCoversTheWholeFindingAndTheOperationIsBuilt() {
        String note = """
                OPERATIVE REPORT
                Postoperative diagnosis: Acute calculous cholecystitis.
                Procedure performed: Laparoscopic cholecystectomy.
                Indications: 46-year-old female with RUQ pain and fever. MRCP: No evidence of choledocholithiasis.
                Description: pneumoperitoneum established to 15 mmHg. The gallbladder was removed in a bag.
                """;
        CaseCoding coding = coder.code(note, DATE, EncounterSetting.INPATIENT);
        assertThat(checked(coding.diagnoses())).first().isEqualTo("K80.00");
        assertThat(checked(coding.diagnoses())).doesNotContain("K80.50", "K66.8", "R50.9", "K81.0");
        assertThat(checked(coding.procedures())).containsExactly("0FT44ZZ");
    }

    @Test
    void anEmergencyVisitForAnInjuryHasItsExternalCausesAndNoProcedureCodes() {
        String note = """
                ED NOTE
                HPI: 24 y/o F slipped on ice on the sidewalk outside her apartment while walking to work and rolled her right ankle.
                Took ibuprofen 600 mg at home. Denies numbness.
                ROS: Negative for fever, chest pain, shortness of breath.
                Family history: Mother with asthma and hypertension.
                Vitals: BP 124/78, HR 88.
                Procedure: ACE wrap applied.
                Assessment/Plan:
                1. Right ankle sprain - RICE, crutches, ibuprofen 600 mg q6h PRN.
                """;
        CaseCoding coding = coder.code(note, DATE, EncounterSetting.OUTPATIENT);
        assertThat(checked(coding.diagnoses())).containsExactly("S93.401A", "W00.0XXA", "Y92.480", "Y93.01", "Y99.8");
        assertThat(checked(coding.procedures())).isEmpty();
        coding.procedures().forEach(p -> assertThat(p.reason()).contains("inpatient"));
    }

    @Test
    void namedOperationsAreCompleteCodesOfTheRelease() {
        String note = """
                Procedures this admission:
                - Right total knee arthroplasty, cemented.
                - Percutaneous coronary intervention of the proximal LAD with placement of two drug-eluting stents.
                - Colonoscopy with hot snare polypectomy of a 15 mm polyp in the sigmoid colon, removed en bloc.
                - EGD with biopsies of the gastric antrum.
                - Invasive mechanical ventilation for 110 consecutive hours.
                Diagnoses: primary osteoarthritis of right knee.
                """;
        CaseCoding coding = coder.code(note, DATE, EncounterSetting.INPATIENT);
        assertThat(checked(coding.procedures())).contains("0SRC0J9", "027035Z", "0DBN8ZZ", "0DB68ZX", "5A1955Z");
        assertThat(coding.procedures()).filteredOn(CaseCoding.CodeSuggestion::suggested).allMatch(CaseCoding.CodeSuggestion::complete);
        CaseCoding noSide = coder.code("Procedure: total knee arthroplasty, cemented.\nDiagnosis: osteoarthritis of knee.", DATE, EncounterSetting.INPATIENT);
        assertThat(checked(noSide.procedures())).noneMatch(c -> c.startsWith("0SR"));
        assertThat(noSide.warnings()).anyMatch(w -> w.contains("which knee"));
    }
}
