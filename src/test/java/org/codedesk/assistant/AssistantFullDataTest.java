package org.codedesk.assistant;

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

/**
 * Questions in coders' words (issue 20) over the FY2026 ICD-10-CM files (codes, Official Guidelines) and the January 2026
 * HCPCS file of {@code CODEDESK_DATA_DIR}: drug brand and generic names to HCPCS codes and units, hypertension with CKD and
 * heart failure sequenced from the guidelines, an unknown condition term next to a real body part, a 7th character asked
 * without a code, POA indicators asked two at a time. Expected codes are those of the files (checked by hand against them).
 * Skipped when the variable is unset.
 */
@SpringBootTest(properties = "codedesk.home=target/assistant-full-data")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssistantFullDataTest {

    static final LocalDate DOS = LocalDate.of(2026, 6, 1);

    @Autowired CatalogImporter importer;
    @Autowired Assistant assistant;
    @Autowired org.codedesk.search.SearchIndexes searchIndexes;

    @BeforeAll
    void importFiles() {
        String dir = System.getenv("CODEDESK_DATA_DIR");
        assumeTrue(dir != null && !dir.isBlank(), "CODEDESK_DATA_DIR is not set: assistant full-data test skipped");
        ImportReport report = importer.importPaths(List.of(Path.of(dir, "icd10cm", "2026"), Path.of(dir, "hcpcs", "2026")));
        assertThat(report.failed()).as(report.outcomes().toString()).isFalse();
        searchIndexes.rebuild(); // built before the first question, not while it is asked
    }

    private String ask(String question) {
        Answer answer = assistant.answer(question, DOS);
        assertThat(answer.statements()).allSatisfy(s -> assertThat(s.citations()).as(s.text()).isNotEmpty());
        assertThat(answer.unverified()).as(answer.text()).isEmpty();
        return answer.text() + "\n" + String.join("\n", answer.missing());
    }

    @Test
    void aBrandNameIsReadAsItsGenericAndTheDoseGivesTheUnits() {
        // Toradol is ketorolac: J1885 "Injection, ketorolac tromethamine, per 15 mg"; 60 mg = 4 units
        assertThat(ask("toradol 60 mg how many units")).contains("brand name of ketorolac").contains("J1885").contains("4 units");
        // Rocephin is ceftriaxone: J0696 per 250 mg; 1 g = 4 units (grams converted)
        assertThat(ask("rocephin 1 g units?")).contains("J0696").contains("4 units");
        // Solu-Medrol is the sodium succinate (J2919, 5 mg, since J2920/J2930 were terminated 2024-03-31), never the acetate (J1010)
        assertThat(ask("solu-medrol 125mg j code")).contains("J2919").contains("25 units").doesNotContain("J1010");
    }

    @Test
    void aTerminatedDrugCodeIsSaidSoAndTheUnitsCountedOnTheCodeInForce() {
        // J1030 (methylprednisolone acetate, 40 mg) was terminated 2024-03-31: J1010 (1 mg) is in force, 80 mg = 80 units
        String answer = ask("J1030 methylprednisolone 80 mg how many units");
        assertThat(answer).contains("J1030").contains("terminated").contains("J1010").contains("80 units")
                .contains("For a date of service when it was valid, the dose asked is 2 units of it");
    }

    @Test
    void aGenericNameWithATypoFindsItsCodeFromTheDescriptors() {
        assertThat(ask("ketorlac 30mg units")).contains("J1885").contains("2 units");
    }

    @Test
    void aDrugThatCausedAConditionIsNotReadAsADrugToBill() {
        assertThat(ask("adverse effect of lasix dx code")).doesNotContain("J1940");
    }

    @Test
    void hypertensionWithKidneyAndHeartDiseaseGivesTheCombinationCodeFirst() {
        String both = ask("htn + chf + ckd stage 4");
        assertThat(both).contains("I13.0").contains("I50.9").contains("N18.4").contains("I.C.9.a");
        assertThat(both.indexOf("I13.0")).isLessThan(both.indexOf("N18.4"));
        assertThat(ask("htn w esrd")).contains("I12.0").contains("N18.6").doesNotContain("I12.9");
        // no stage: the unspecified stage, and the question that decides it
        assertThat(ask("hypertension with ckd")).contains("I12.9").contains("Which CKD stage");
        assertThat(ask("hypertensive heart disease w chf")).contains("I11.0").doesNotContain("I13");
        // pulmonary hypertension is not the hypertension of I11-I13: the presumption is not made (the search may still list I11 codes)
        assertThat(ask("pulmonary hypertension with chf")).doesNotContain("the guidelines presume the link");
        assertThat(ask("htn w ckd 3a")).contains("the guidelines presume the link");
    }

    @Test
    void anUnknownConditionNextToARealBodyPartMatchesNothing() {
        String answer = ask("zorbitis of the left knee dx");
        assertThat(answer).contains("Nothing in the code sets").contains("zorbitis").doesNotContain("M17.12");
        // a real condition there is still found
        assertThat(ask("osteoarthritis of the left knee dx")).contains("M17.12");
    }

    @Test
    void aSeventhCharacterAskedWithoutACodeAsksWhichCode() {
        assertThat(ask("7th char for subsequent encounter")).contains("Which code?");
        assertThat(ask("s52.521 subsequent encounter 7th char")).doesNotContain("Which code?");
    }

    @Test
    void aDiagnosisNamedBesideAProcedureQuestionIsDescribedToo() {
        String answer = ask("what is e11.65 and how many units is j1885 60 mg");
        assertThat(answer).contains("Type 2 diabetes mellitus with hyperglycemia").contains("4 units");
    }

    @Test
    void twoPoaIndicatorsAskedTogetherAreBothDefined() {
        String answer = ask("poa u vs w");
        assertThat(answer).contains("U = ").contains("W = ").doesNotContain("Y = ");
    }
}
