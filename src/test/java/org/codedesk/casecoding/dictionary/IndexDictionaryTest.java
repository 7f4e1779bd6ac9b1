package org.codedesk.casecoding.dictionary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.codedesk.casecoding.text.Assertion;
import org.codedesk.casecoding.text.ClinicalText;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.SearchDocument;
import org.junit.jupiter.api.Test;

class IndexDictionaryTest {

    static SearchDocument doc(String code, String title, List<String> inclusions, String... indexPaths) {
        return new SearchDocument(CodeSystem.ICD10CM, code.replace(".", ""), code, "code", true, title, title, null, null, inclusions,
                java.util.Arrays.stream(indexPaths).map(p -> new SearchDocument.IndexPath("Alphabetic Index", p, null, null, null, "FY2019")).toList());
    }

    static final IndexDictionary DICTIONARY = IndexDictionary.build(List.of(
            doc("J18.9", "Pneumonia, unspecified organism", List.of(), "Pneumonia"),
            doc("J69.0", "Pneumonitis due to inhalation of food and vomit", List.of("Aspiration pneumonia NOS"), "Pneumonia > aspiration"),
            doc("I21.9", "Acute myocardial infarction, unspecified", List.of(), "Infarct, infarction > myocardial"),
            doc("E11.9", "Type 2 diabetes mellitus without complications", List.of(), "Diabetes, diabetic > type 2 > without complication")));

    private static List<String> codes(String text) {
        return DICTIONARY.match(ClinicalText.read(text, a -> List.of())).stream().map(m -> m.entry().code()).distinct().toList();
    }

    @Test
    void theWordsOfAnEntryComeFromOneFinding() {
        IndexDictionary d = IndexDictionary.build(List.of(
                doc("G31.89", "Other specified degenerative diseases of nervous system", List.of(), "Degeneration, degenerative > spinal (cord)"),
                doc("M43.16", "Spondylolisthesis, lumbar region", List.of(), "Spondylolisthesis > lumbar region"),
                doc("M48.061", "Spinal stenosis, lumbar region without neurogenic claudication", List.of(), "Stenosis, stenotic > spinal > lumbar region")));
        assertThat(codesOf(d, "Degenerative spondylolisthesis L4-L5 with lumbar spinal stenosis.")).as("'degenerative' and 'spinal' straddle"
                + " the spondylolisthesis").containsExactlyInAnyOrder("M43.16", "M48.061");
        assertThat(codesOf(d, "Degenerative spinal cord disease.")).containsExactly("G31.89");
    }

    @Test
    void theKindOfAFindingIsTheWordWrittenBeforeItsMainTerm() {
        IndexDictionary d = IndexDictionary.build(List.of(
                doc("I48.91", "Unspecified atrial fibrillation", List.of(), "Fibrillation > atrial"),
                doc("I49.01", "Ventricular fibrillation", List.of(), "Fibrillation > ventricular"),
                doc("I48.92", "Unspecified atrial flutter", List.of(), "Flutter > atrial"),
                doc("I49.02", "Ventricular flutter", List.of(), "Flutter > ventricular")));
        assertThat(codesOf(d, "Atrial fibrillation with controlled ventricular rate.")).as("the rate is ventricular, the fibrillation atrial")
                .containsExactly("I48.91");
        assertThat(codesOf(d, "Typical atrial flutter with rapid ventricular response.")).containsExactly("I48.92");
        assertThat(codesOf(d, "Ventricular fibrillation arrest, then atrial fibrillation.")).containsExactlyInAnyOrder("I49.01", "I48.91");
    }

    @Test
    void whatALevelSaysIsAbsentIsNotRequiredAndOcclusionAndStenosisAreEither() {
        IndexDictionary d = IndexDictionary.build(List.of(
                doc("R03.0", "Elevated blood-pressure reading, without diagnosis of hypertension", List.of(),
                        "Elevated, elevation > blood pressure > reading (incidental) (isolated) (nonspecific), no diagnosis of hypertension"),
                doc("I65.22", "Occlusion and stenosis of left carotid artery", List.of())));
        assertThat(d.match(ClinicalText.read("Elevated blood pressure reading w/o diagnosis of hypertension.", a -> List.of())))
                .anySatisfy(m -> {
                    assertThat(m.entry().code()).isEqualTo("R03.0");
                    assertThat(m.assertion()).isEqualTo(org.codedesk.casecoding.text.Assertion.PRESENT);
                });
        assertThat(codesOf(d, "Symptomatic stenosis of the left carotid artery, 80%.")).containsExactly("I65.22");
    }

    @Test
    void theDeepestIndexPathTheWordsAllowWins() {
        assertThat(codes("Chest film shows an aspiration pneumonia.")).containsExactly("J69.0");
        assertThat(codes("Chest film shows a pneumonia.")).containsExactly("J18.9");
    }

    @Test
    void alternativeFormsOfTheMainTermAndStemsMatch() {
        assertThat(codes("Old myocardial infarct.")).containsExactly("I21.9");
        assertThat(codes("Admitted for an infarction, myocardial by ECG.")).containsExactly("I21.9");
    }

    @Test
    void heartFailureByTypeAndAcuityThroughTheIndexPathUnderHeart() {
        // the catalog files the index's note on heart failure stages as a note of "heart" (no code), and systolic,
        // diastolic and stage A-D under "heart" (IndexAddendaApplier)
        IndexDictionary d = IndexDictionary.build(List.of(
                doc("I50.9", "Heart failure, unspecified", List.of(), "Failure, failed > heart", "Failure, failed > heart > stage C"),
                doc("I50.22", "Chronic systolic (congestive) heart failure", List.of(),
                        "Failure, failed > heart > systolic (congestive) > chronic (congestive)"),
                doc("I50.20", "Unspecified systolic (congestive) heart failure", List.of(), "Failure, failed > heart > systolic (congestive)")));
        java.util.function.Function<String, List<String>> codes = text -> d.match(ClinicalText.read(text, a -> List.of())).stream()
                .map(m -> m.entry().code()).distinct().toList();
        assertThat(codes.apply("Chronic systolic heart failure, compensated.")).containsExactly("I50.22");
        assertThat(codes.apply("Systolic heart failure.")).containsExactly("I50.20");
        assertThat(codes.apply("Heart failure, stage C.")).containsExactly("I50.9");
    }

    private static List<String> codesOf(IndexDictionary d, String text) {
        return d.match(ClinicalText.read(text, a -> List.of())).stream().map(m -> m.entry().code()).distinct().toList();
    }

    @Test
    void formsOfTheMainTermAndWordsListedWithOrAreAlternatives() {
        IndexDictionary d = IndexDictionary.build(List.of(
                doc("G40.309", "Generalized idiopathic epilepsy", List.of(), "Epilepsy, epileptic, epilepsia > generalized > idiopathic"),
                doc("M51.16", "Intervertebral disc disorders with radiculopathy, lumbar region", List.of(),
                        "Displacement, displaced > intervertebral disc NEC > lumbar region > with > neuritis, radiculitis, radiculopathy or sciatica"),
                doc("T88.4XXA", "Failed or difficult intubation, initial encounter", List.of(), "Intubation, difficult or failed"),
                doc("R97.20", "Elevated prostate specific antigen [PSA]", List.of(), "Elevated, elevation > prostate specific antigen [PSA]")));
        assertThat(codesOf(d, "Idiopathic generalized epilepsy, well controlled.")).as("any of the three forms").containsExactly("G40.309");
        assertThat(codesOf(d, "Lumbar disc displacement with sciatica.")).as("one of the listed words; 'region' and 'intervertebral' unsaid")
                .containsExactly("M51.16");
        assertThat(codesOf(d, "Intubated in the ED, intubation uneventful.")).as("the main term's head is no alternative").isEmpty();
        assertThat(codesOf(d, "Failed intubation x2, then video laryngoscope.")).containsExactly("T88.4XXA");
        assertThat(codesOf(d, "Elevated PSA, MRI ordered.")).as("the bracketed abbreviation stands for its words").containsExactly("R97.20");
    }

    @Test
    void seeReferencesLeadToTheTargetAndEverySubtermBelowIt() {
        List<SearchDocument> docs = List.of(
                doc("K46.9", "Unspecified abdominal hernia without obstruction or gangrene", List.of(), "Hernia, hernial"),
                doc("M51.16", "Intervertebral disc disorders with radiculopathy, lumbar region", List.of(),
                        "Displacement, displaced > intervertebral disc NEC > lumbar region > with > neuritis, radiculitis, radiculopathy or sciatica"),
                doc("M50.122", "Cervical disc disorder at C5-C6 level with radiculopathy", List.of(),
                        "Disorder > disc > cervical > with > neuritis, radiculitis or radiculopathy > C5-C6"));
        List<org.codedesk.catalog.Catalog.IndexReference> references = List.of(
                new org.codedesk.catalog.Catalog.IndexReference("Herniation", null, "Hernia"),
                new org.codedesk.catalog.Catalog.IndexReference("Hernia, hernial > intervertebral cartilage or disc", "Displacement, intervertebral disc", null),
                new org.codedesk.catalog.Catalog.IndexReference("Displacement, displaced > intervertebral disc NEC > cervical, cervicothoracic"
                        + " > neuritis, radiculitis or radiculopathy", "Disorder, disc, cervical, with neuritis", null));
        assertThat(codesOf(IndexDictionary.build(docs), "Lumbar disc herniation L5-S1 with left S1 radiculopathy.")).doesNotContain("M51.16");
        IndexDictionary d = IndexDictionary.build(docs, references);
        assertThat(codesOf(d, "Lumbar disc herniation L5-S1 with left S1 radiculopathy.")).containsExactly("M51.16");
        assertThat(codesOf(d, "C5-C6 disc herniation with right C6 radiculopathy.")).as("two references in a row; C5 is cervical")
                .containsExactly("M50.122");
    }

    @Test
    void withoutLevelsAndTitleTailsAreNotRequired() {
        assertThat(codes("Type 2 diabetes, well controlled.")).containsExactly("E11.9");
    }

    @Test
    void wordsMustBeCloseAndInOneSentence() {
        assertThat(codes("Aspiration of the knee joint was done. Later a pneumonia.")).containsExactly("J18.9");
        assertThat(codes("The myocardial perfusion scan, done on the third day after a long and tiring journey by car, excluded any infarction"))
                .isEmpty();
    }

    @Test
    void aMatchCarriesItsPositionsAndAssertion() {
        ClinicalText text = ClinicalText.read("No evidence of pneumonia.", a -> List.of());
        IndexDictionary.Match match = DICTIONARY.match(text).get(0);
        assertThat(text.text().substring(text.words().get(match.first()).start(), text.words().get(match.last()).end())).isEqualTo("pneumonia");
        assertThat(match.assertion()).isEqualTo(Assertion.ABSENT);
        assertThat(DICTIONARY.code("J69.0")).map(IndexDictionary.Code::title).contains("Pneumonitis due to inhalation of food and vomit");
        assertThat(DICTIONARY.code("J99.9")).isEmpty();
    }

    static SearchDocument neoplasm(String code, String title, String site, String column) {
        return new SearchDocument(CodeSystem.ICD10CM, code.replace(".", ""), code, "code", true, title, title, null, null, List.of(),
                List.of(new SearchDocument.IndexPath("Neoplasm Table", "Neoplasm, neoplastic > " + site, null, column, null, "FY2019")));
    }

    @Test
    void theNeoplasmTableGivesThePrimaryOrSecondarySiteByHistology() {
        IndexDictionary d = IndexDictionary.build(List.of(
                neoplasm("C18.0", "Malignant neoplasm of cecum", "cecum", "Malignant Primary"),
                neoplasm("C78.7", "Secondary malignant neoplasm of liver", "liver", "Malignant Secondary"),
                neoplasm("D12.0", "Benign neoplasm of cecum", "cecum", "Benign")));
        java.util.function.Function<String, List<String>> codes = text -> d.match(ClinicalText.read(text, a -> List.of())).stream()
                .map(m -> m.entry().code()).distinct().toList();
        assertThat(codes.apply("Preoperative diagnosis: adenocarcinoma of the cecum.")).containsExactly("C18.0");
        assertThat(codes.apply("CT shows metastases to the liver.")).containsExactly("C78.7");
        // a site alone, or a benign column, is not a malignancy
        assertThat(codes.apply("The cecum was normal. Liver smooth.")).isEmpty();
    }

    @Test
    void aNegatedQualifierDoesNotHideTheFindingAndWordsStayInTheirClause() {
        IndexDictionary d = IndexDictionary.build(List.of(
                doc("N30.00", "Acute cystitis without hematuria", List.of(), "Cystitis > acute"),
                doc("N30.01", "Acute cystitis with hematuria", List.of(), "Cystitis > acute > with hematuria"),
                doc("I10", "Essential (primary) hypertension", List.of(), "Hypertension"),
                doc("I15.8", "Other secondary hypertension", List.of(), "Hypertension > due to > specified disease NEC"),
                doc("K52.9", "Noninfective gastroenteritis and colitis, unspecified", List.of(), "Sigmoiditis")));
        java.util.function.Function<String, List<String>> codes = text -> d.match(ClinicalText.read(text, a -> List.of())).stream()
                .filter(m -> m.assertion() != Assertion.ABSENT).map(m -> m.entry().code()).distinct().toList();
        assertThat(codes.apply("Assessment: Acute cystitis without hematuria.")).containsExactly("N30.00");
        assertThat(codes.apply("Secondary diagnoses: coronary artery disease of native vessels; essential hypertension")).containsExactly("I10");
        // "sigmoiditis" is the inflammation, not the organ
        assertThat(codes.apply("Polyp in the sigmoid colon.")).isEmpty();
        assertThat(codes.apply("CT: sigmoiditis.")).containsExactly("K52.9");
    }
}
