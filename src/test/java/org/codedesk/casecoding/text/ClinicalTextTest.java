package org.codedesk.casecoding.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ClinicalTextTest {

    private static final Map<String, List<String>> ABBREVIATIONS = Map.of("htn", List.of("hypertension"), "chf", List.of("congestive heart failure"),
            "cpap", List.of("continuous positive airway pressure"));

    private static ClinicalText read(String text) {
        return ClinicalText.read(text, a -> ABBREVIATIONS.getOrDefault(a.toLowerCase(java.util.Locale.ROOT), List.of()));
    }

    private static Assertion of(ClinicalText text, String word) {
        return text.words().stream().filter(w -> w.text().equalsIgnoreCase(word)).findFirst().orElseThrow().assertion();
    }

    @Test
    void anAbbreviationTheNoteDefinesAndAHeadingInsideALine() {
        ClinicalText text = read("HPI: autosomal dominant polycystic kidney disease (ADPKD), CKD 5.\n\nAssessment/Plan:\n1. CKD 5 due to ADPKD."
                + " Prefers the pill: combined OCP.\n2. Primary dysmenorrhea - naproxen.");
        ClinicalText.Word adpkd = text.words().stream().filter(w -> w.text().equals("ADPKD")).reduce((a, b) -> b).orElseThrow();
        assertThat(adpkd.stems()).contains(Stems.stem("polycystic"), Stems.stem("autosomal"));
        ClinicalText.Word dysmenorrhea = text.words().stream().filter(w -> w.text().equals("dysmenorrhea")).findFirst().orElseThrow();
        assertThat(text.sentences().get(dysmenorrhea.sentence()).section()).as("the next item is back in the assessment").isEqualTo("assessment/plan");
        assertThat(ClinicalText.definedAbbreviations("the left anterior descending (LAD) artery, chronic kidney disease (CKD)"))
                .containsKeys("LAD", "CKD");
        assertThat(ClinicalText.definedAbbreviations("was seen in the clinic (ED) today")).isEmpty();
    }

    @Test
    void anaphylaxisCDiffWithoutHistoryAndAFutureDiagnosisAreRead() {
        ClinicalText text = read("Anaphylaxis due to peanut ingestion. C. diff colitis. Elevated BP reading w/o diagnosis of hypertension."
                + " Will dx HTN if avg >130/80.\nDischarge diagnoses: Hx TIA");
        assertThat(text.words().stream().filter(w -> w.text().equals("Anaphylaxis")).findFirst().orElseThrow().stems())
                .contains(Stems.stem("anaphylactic"), Stems.stem("reaction"));
        assertThat(text.words().stream().filter(w -> w.text().equals("diff")).findFirst().orElseThrow().stems())
                .contains(Stems.stem("clostridium"), Stems.stem("difficile"));
        assertThat(of(text, "diagnosis")).as("w/o").isEqualTo(Assertion.ABSENT);
        assertThat(text.words().stream().filter(w -> w.text().equals("HTN")).findFirst().orElseThrow().assertion())
                .as("a diagnosis the provider may make later").isEqualTo(Assertion.POSSIBLE);
        assertThat(of(text, "TIA")).isEqualTo(Assertion.HISTORY);
    }

    @Test
    void wordsKeepTheirOffsetsAndStems() {
        ClinicalText text = read("Patient has fractures.\nPneumonia noted.");
        ClinicalText.Word word = text.words().get(2);
        assertThat(text.text().substring(word.start(), word.end())).isEqualTo("fractures");
        assertThat(word.stem()).isEqualTo("fractur");
        assertThat(text.sentences()).hasSize(2);
        assertThat(text.words().get(3).sentence()).isEqualTo(1);
    }

    @Test
    void greekPluralsAndVertebralLevelsReadAsTheirWords() {
        ClinicalText text = read("Actinic keratoses of the scalp. C5-C6 disc herniation.");
        assertThat(text.words().get(1).stem()).isEqualTo(org.codedesk.casecoding.text.Stems.stem("keratosis"));
        assertThat(text.words().stream().filter(w -> w.text().equals("C5")).findFirst().orElseThrow().stems())
                .contains(org.codedesk.casecoding.text.Stems.stem("cervical"));
    }

    @Test
    void usWordingIsReadAsTheClassificationWordsIt() {
        ClinicalText text = read("MRCP: No evidence of choledocholithiasis.\nNon-ST elevation myocardial infarction.\nAcute hypoxic respiratory failure.");
        assertThat(of(text, "choledocholithiasis")).isEqualTo(Assertion.ABSENT);
        assertThat(of(text, "infarction")).as("non- names a kind, it does not negate").isEqualTo(Assertion.PRESENT);
        assertThat(text.words().stream().filter(w -> w.text().equals("hypoxic")).findFirst().orElseThrow().stems()).contains("hypoxia");
    }

    @Test
    void aPhraseThatReachesBothWaysAndEndsItsClauseNegatesTheFindingBeforeIt() {
        ClinicalText text = read("2. Sepsis - ruled out\nRuled out myocardial infarction.\nAdmitted with concern for pneumonia. Biopsies to evaluate for colitis.");
        assertThat(of(text, "sepsis")).isEqualTo(Assertion.ABSENT);
        assertThat(of(text, "infarction")).isEqualTo(Assertion.ABSENT);
        assertThat(of(text, "pneumonia")).isEqualTo(Assertion.POSSIBLE);
        assertThat(of(text, "colitis")).isEqualTo(Assertion.POSSIBLE);
    }

    @Test
    void aWithEndsTheReachOfWithout() {
        ClinicalText text = read("Severe sepsis without septic shock, with acute metabolic encephalopathy. Cystitis without hematuria.");
        assertThat(of(text, "shock")).isEqualTo(Assertion.ABSENT);
        assertThat(of(text, "encephalopathy")).as("affirmed by its own with").isEqualTo(Assertion.PRESENT);
        assertThat(of(text, "hematuria")).isEqualTo(Assertion.ABSENT);
    }

    @Test
    void theWordsOfASectionHeadingMatchNothing() {
        ClinicalText text = read("Secondary diagnoses: hypertension\nDx: asthma");
        assertThat(text.words().get(0).stems()).allMatch(s -> s.startsWith(ClinicalText.HEADING_MARK));
        assertThat(text.words().get(2).stems()).contains("hypertens");
        assertThat(text.sentences().get(1).section()).isEqualTo("dx");
    }

    @Test
    void anAcquiredAbsenceIsAStatusAndHxOfAHistory() {
        ClinicalText text = read("Acquired absence of left leg above knee. Hx of DVT in 2021. Absence of edema.");
        assertThat(of(text, "leg")).as("acquired absence names a status, it does not negate").isEqualTo(Assertion.PRESENT);
        assertThat(of(text, "DVT")).isEqualTo(Assertion.HISTORY);
        assertThat(of(text, "edema")).isEqualTo(Assertion.ABSENT);
    }

    @Test
    void negationReachesForwardToTheEndOfTheClause() {
        ClinicalText text = read("Patient denies chest pain, fever or dyspnea but reports cough.");
        assertThat(of(text, "chest")).isEqualTo(Assertion.ABSENT);
        assertThat(of(text, "fever")).isEqualTo(Assertion.ABSENT);
        assertThat(of(text, "dyspnea")).isEqualTo(Assertion.ABSENT);
        assertThat(of(text, "cough")).isEqualTo(Assertion.PRESENT);
    }

    @Test
    void negationWrittenAfterTheFindingReachesBackward() {
        ClinicalText text = read("Tuberculosis was ruled out. Blood cultures were negative; anemia persists.");
        assertThat(of(text, "tuberculosis")).isEqualTo(Assertion.ABSENT);
        assertThat(of(text, "cultures")).isEqualTo(Assertion.ABSENT);
        assertThat(of(text, "anemia")).isEqualTo(Assertion.PRESENT);
    }

    @Test
    void aResultWrittenShortNegatesBackward() {
        ClinicalText text = read("Prenatal labs: GBS neg, HIV nonreactive. Flu swab neg; otitis media on the right.");
        assertThat(of(text, "GBS")).isEqualTo(Assertion.ABSENT);
        assertThat(of(text, "HIV")).isEqualTo(Assertion.ABSENT);
        assertThat(of(text, "flu")).isEqualTo(Assertion.ABSENT);
        assertThat(of(text, "otitis")).isEqualTo(Assertion.PRESENT);
    }

    @Test
    void pseudoTriggersNegateNothing() {
        ClinicalText text = read("Gram negative bacilli grew. No change in the pneumonia.");
        assertThat(of(text, "bacilli")).isEqualTo(Assertion.PRESENT);
        assertThat(of(text, "pneumonia")).isEqualTo(Assertion.PRESENT);
    }

    @Test
    void uncertaintyFamilyAndHistoryAreTold() {
        assertThat(of(read("Findings compatible with pneumonia."), "pneumonia")).isEqualTo(Assertion.POSSIBLE);
        assertThat(of(read("Pneumonia is suspected."), "pneumonia")).isEqualTo(Assertion.POSSIBLE);
        assertThat(of(read("His mother had breast cancer."), "breast")).isEqualTo(Assertion.FAMILY);
        assertThat(of(read("She has a history of stroke."), "stroke")).isEqualTo(Assertion.HISTORY);
        // "resolved" says the condition was there and is past, not that it was absent
        assertThat(of(read("Acute kidney injury, resolved."), "kidney")).isEqualTo(Assertion.HISTORY);
        assertThat(of(read("No family history of diabetes."), "diabetes")).isEqualTo(Assertion.ABSENT);
    }

    @Test
    void sectionHeadingsSetTheContext() {
        ClinicalText text = read("Family history: diabetes and asthma.\nPast medical history: stroke.\nAssessment: pneumonia.");
        assertThat(of(text, "asthma")).isEqualTo(Assertion.FAMILY);
        assertThat(of(text, "stroke")).isEqualTo(Assertion.HISTORY);
        assertThat(of(text, "pneumonia")).isEqualTo(Assertion.PRESENT);
        assertThat(text.sentences().get(2).section()).isEqualTo("assessment");
    }

    @Test
    void abbreviationsInCapitalsAlsoReadAsWhatTheyStandFor() {
        ClinicalText text = read("Known HTN and CHF.");
        assertThat(text.words().get(1).stems()).contains("htn", "hypertens");
        assertThat(text.words().get(3).stems()).contains("congest", "heart", "failur");
        assertThat(read("an htn word").words().get(1).stems()).containsExactly("htn");
    }

    @Test
    void aTherapysAbbreviationAddsNoWordsAndTheEndOfALongBoneIsTheIndexs() {
        ClinicalText text = read("Obstructive sleep apnea on CPAP. Torus fracture of the left distal radius, proximal humerus intact. Distal colon.");
        ClinicalText.Word cpap = text.words().stream().filter(w -> w.text().equals("CPAP")).findFirst().orElseThrow();
        assertThat(cpap.stems()).as("CPAP is a therapy: no \"airway\" to read with \"obstructive\"").doesNotContain(Stems.stem("airway"));
        assertThat(text.words().stream().filter(w -> w.text().equals("distal")).findFirst().orElseThrow().stems())
                .contains(Stems.stem("lower"), Stems.stem("end"));
        assertThat(text.words().stream().filter(w -> w.text().equals("proximal")).findFirst().orElseThrow().stems())
                .contains(Stems.stem("upper"), Stems.stem("end"));
        assertThat(text.words().stream().filter(w -> w.text().equals("Distal")).findFirst().orElseThrow().stems())
                .as("not a long bone").doesNotContain(Stems.stem("lower"));
    }

    @Test
    void theTrimesterIsNeverWhatIsAbsentAndAPronounIsNoEponym() {
        ClinicalText text = read("Gestational hypertension without proteinuria, third trimester. GERD on omeprazole, took her AM dose.");
        assertThat(of(text, "proteinuria")).isEqualTo(Assertion.ABSENT);
        assertThat(of(text, "third")).isEqualTo(Assertion.PRESENT);
        assertThat(of(text, "trimester")).isEqualTo(Assertion.PRESENT);
        assertThat(text.words().stream().filter(w -> w.text().equals("her")).findFirst().orElseThrow().stems())
                .as("no stem to meet the index's \"Hers' disease\"").doesNotContain(Stems.stem("hers"), "her");
    }
}
