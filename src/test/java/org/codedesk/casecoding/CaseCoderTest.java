package org.codedesk.casecoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.codedesk.catalog.ImportReport;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Case to code on a small hand-written ICD-10-CM FY2019 release (fixtures/casecoding) and the ICD-10-PCS fixture, in a
 * database of its own: the coder's route through the index, clinical language, and the rules from the tabular.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:casecoding;DB_CLOSE_DELAY=-1", "codedesk.home=target/casecoding-test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseCoderTest {

    static final LocalDate DATE = LocalDate.of(2019, 6, 1);
    static final Path PCS = Path.of("src/test/resources/fixtures/releases");

    @Autowired CatalogImporter importer;
    @Autowired CaseCoder coder;

    @BeforeAll
    void importFixtures() {
        ImportReport report = importer.importPaths(List.of(Path.of("src/test/resources/fixtures/casecoding"),
                PCS.resolve("icd10pcs_tables_2016.xml"), PCS.resolve("icd10pcs_index_2016.xml"), PCS.resolve("icd10pcs_definitions_2016.xml")));
        assertThat(report.failed()).as(report.outcomes().toString()).isFalse();
    }

    private CaseCoding code(String text, EncounterSetting setting) {
        return coder.code(text, DATE, setting);
    }

    private static Optional<CaseCoding.CodeSuggestion> suggestion(CaseCoding coding, String code) {
        return java.util.stream.Stream.concat(coding.diagnoses().stream(), coding.procedures().stream()).filter(s -> s.code().equals(code)).findFirst();
    }

    private static Optional<CaseCoding.NotCoded> notCoded(CaseCoding coding, String code) {
        return coding.notCoded().stream().filter(n -> n.code().equals(code)).findFirst();
    }

    @Test
    void theIndexPathLeadsToTheCodeWithItsEvidence() {
        String text = "Admitted from the nursing home.\nChest film shows an aspiration pneumonia in the right base.";
        CaseCoding coding = code(text, EncounterSetting.INPATIENT);
        CaseCoding.CodeSuggestion j69 = suggestion(coding, "J69.0").orElseThrow();
        assertThat(j69.suggested()).isTrue();
        assertThat(j69.complete()).isTrue();
        assertThat(j69.title()).isEqualTo("Pneumonitis due to inhalation of food and vomit");
        assertThat(j69.paths()).anyMatch(p -> p.contains("Pneumonia > aspiration"));
        CaseCoding.Evidence evidence = j69.evidence().get(0);
        assertThat(text.substring(evidence.start(), evidence.end())).isEqualTo(evidence.text()).isEqualTo("aspiration pneumonia");
        assertThat(suggestion(coding, "J18.9")).as("the shallower path over the same words").isEmpty();
        assertThat(coding.diagnosisRelease()).isEqualTo("FY2019");
        assertThat(coding.method()).contains("no coded corpus configured");
    }

    @Test
    void aDateWhoseCodeSetIsNotImportedIsCodedFromTheOlderOneAndSaysSo() {
        CaseCoding later = coder.code("Hypertension on treatment.", LocalDate.of(2031, 6, 1), EncounterSetting.OUTPATIENT);
        assertThat(later.warnings()).anySatisfy(w -> assertThat(w)
                .startsWith("ICD-10-CM FY2031 is in force since 2030-10-01 and is not imported; shown: "));
        assertThat(code("Hypertension on treatment.", EncounterSetting.OUTPATIENT).warnings())
                .noneSatisfy(w -> assertThat(w).startsWith("ICD-10-CM FY2019 is in force"));
    }

    @Test
    void negatedAndFamilyMentionsAreListedButNotCoded() {
        CaseCoding coding = code("The patient denies chest pain. No fever.\nFamily history: type 2 diabetes.\nHypertension on treatment.",
                EncounterSetting.OUTPATIENT);
        assertThat(suggestion(coding, "R07.9")).isEmpty();
        assertThat(suggestion(coding, "R50.9")).isEmpty();
        assertThat(suggestion(coding, "E11.9")).isEmpty();
        assertThat(notCoded(coding, "R07.9").orElseThrow().reason()).contains("negated");
        assertThat(notCoded(coding, "R50.9").orElseThrow().evidence()).extracting(CaseCoding.Evidence::text).containsExactly("fever");
        assertThat(notCoded(coding, "E11.9").orElseThrow().reason()).contains("relative");
        assertThat(suggestion(coding, "I10").orElseThrow().suggested()).isTrue();
    }

    @Test
    void uncertainDiagnosesFollowTheSetting() {
        String text = "Probable pneumonia, chest film pending.";
        assertThat(suggestion(code(text, EncounterSetting.OUTPATIENT), "J18.9")).isEmpty();
        assertThat(notCoded(code(text, EncounterSetting.OUTPATIENT), "J18.9").orElseThrow().reason()).contains("outpatient");
        CaseCoding.CodeSuggestion inpatient = suggestion(code(text, EncounterSetting.INPATIENT), "J18.9").orElseThrow();
        assertThat(inpatient.evidence().get(0).assertion()).isEqualTo("possible");
        assertThat(inpatient.warnings()).anyMatch(w -> w.startsWith("Uncertain"));
    }

    @Test
    void historyOfIsSuggestedWithAWarning() {
        CaseCoding.CodeSuggestion i10 = suggestion(code("She has a history of hypertension.", EncounterSetting.OUTPATIENT), "I10").orElseThrow();
        assertThat(i10.warnings()).anyMatch(w -> w.startsWith("Written as history"));
    }

    @Test
    void abbreviationsAreRead() {
        assertThat(suggestion(code("PMH significant for HTN.", EncounterSetting.OUTPATIENT), "I10")).isPresent();
    }

    @Test
    void instructionsFromTheTabularComeWithTheCode() {
        CaseCoding coding = code("Type 2 diabetes with hyperglycemia, on long-term insulin.", EncounterSetting.OUTPATIENT);
        CaseCoding.CodeSuggestion e1165 = suggestion(coding, "E11.65").orElseThrow();
        assertThat(e1165.warnings()).anyMatch(w -> w.startsWith("Use additional code") && w.contains("Z79.4"));
        assertThat(suggestion(coding, "Z79.4")).isPresent();
    }

    @Test
    void aSeventhCharacterTheNoteDoesNotSettleIsAskedNotGuessed() {
        CaseCoding.CodeSuggestion fracture = suggestion(code("X-ray: fracture of the neck of the right femur.", EncounterSetting.OUTPATIENT),
                "S72.001").orElseThrow();
        assertThat(fracture.complete()).isFalse();
        assertThat(fracture.warnings()).anyMatch(w -> w.startsWith("Needs a 7th character") && w.contains("A initial encounter"));
    }

    @Test
    void excludes1ConflictsBetweenSuggestionsAreWarned() {
        CaseCoding coding = code("Aspiration pneumonia after vomiting.\nA second pneumonia in the left lung.", EncounterSetting.INPATIENT);
        assertThat(suggestion(coding, "J69.0")).isPresent();
        assertThat(suggestion(coding, "J18.9")).isPresent();
        assertThat(coding.warnings()).anyMatch(w -> w.startsWith("Excludes1: J18.9") && w.contains("J69.0"));
    }

    @Test
    void proceduresComeFromTheIcd10PcsRelease() {
        CaseCoding coding = code("Destruction of fixture part alpha, open approach.", EncounterSetting.INPATIENT);
        assertThat(coding.procedures()).extracting(CaseCoding.CodeSuggestion::code).contains("0X500ZZ");
        assertThat(coding.procedures()).allMatch(p -> p.system().equals("icd10pcs"));
    }

    @Test
    void badInputIsRefusedAndMissingReleasesAreSaid() {
        assertThatThrownBy(() -> coder.code("  ", DATE, EncounterSetting.OUTPATIENT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Paste the clinical text");
        assertThatThrownBy(() -> coder.code("x".repeat(CaseCoder.MAX_TEXT + 1), DATE, EncounterSetting.OUTPATIENT))
                .hasMessageContaining("at most 100,000 characters");
        CaseCoding old = coder.code("Pneumonia.", LocalDate.of(2001, 1, 1), EncounterSetting.OUTPATIENT);
        assertThat(old.diagnoses()).isEmpty();
        assertThat(old.warnings()).anyMatch(w -> w.startsWith("ICD-10-CM was not in force on 2001-01-01"));
    }
}
