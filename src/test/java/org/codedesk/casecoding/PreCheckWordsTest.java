package org.codedesk.casecoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** The pure parts of the pre-check: what a completed header's title may add to the note's words, and I63 from a sentence. */
class PreCheckWordsTest {

    private static Set<String> words(String sentence) {
        return Set.of(sentence.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+"));
    }

    @Test
    void aHeaderIsCompletedOnlyToACodeWhoseWordsTheNoteAffirms() {
        assertThat(PreCheck.unsupportedWords("Resistant hypertension", "Other hypertension", words("Hypertension, on lisinopril")))
                .containsExactly("resistant");
        assertThat(PreCheck.unsupportedWords("Longstanding persistent atrial fibrillation", "Persistent atrial fibrillation",
                words("Persistent atrial fibrillation, rate controlled"))).containsExactly("longstanding");
        assertThat(PreCheck.unsupportedWords("Obesity, class 1", "Other obesity", words("Obesity, BMI 32"))).contains("class", "1");
        // the classification's defaults and the encounter need no words: "without ...", "unspecified ligament", "initial encounter"
        assertThat(PreCheck.unsupportedWords("Sprain of unspecified ligament of right ankle, initial encounter", "Sprain of ankle",
                words("Right ankle sprain"))).isEmpty();
        assertThat(PreCheck.unsupportedWords("Acute cystitis without hematuria", "Acute cystitis", words("Acute cystitis"))).isEmpty();
        assertThat(PreCheck.unsupportedWords("Unilateral inguinal hernia, without obstruction or gangrene, not specified as recurrent",
                "Inguinal hernia", words("Right inguinal hernia, reducible"))).isEmpty();
        assertThat(PreCheck.unsupportedWords("Sepsis due to unspecified staphylococcus", "Other sepsis", words("Sepsis due to UTI")))
                .containsExactly("staphylococcus");
    }

    @Test
    void aCodeWithWhatTheNoteNegatesIsNotTheCompletion() {
        Set<String> negated = Set.of("loss", "of", "consciousness");
        assertThat(PreCheck.withNegated("Traumatic subdural hemorrhage with loss of consciousness of 30 minutes or less, initial encounter", negated))
                .isTrue();
        assertThat(PreCheck.withNegated("Traumatic subdural hemorrhage with loss of consciousness status unknown, initial encounter", negated)).isTrue();
        assertThat(PreCheck.withNegated("Traumatic subdural hemorrhage without loss of consciousness, initial encounter", negated)).isFalse();
        assertThat(PreCheck.withNegated("Traumatic subdural hemorrhage with loss of consciousness of unspecified duration", Set.of())).isFalse();
    }

    @Test
    void thePatientsSexIsReadFromTheAgeLineOrThePronouns() {
        assertThat(PreCheck.patientSex("Pt: 54 yo F here for C3D1 adjuvant AC.")).contains("female");
        assertThat(PreCheck.patientSex("67F with COPD presents with cough.")).contains("female");
        assertThat(PreCheck.patientSex("74-year-old man with hypertensive heart disease.")).contains("male");
        assertThat(PreCheck.patientSex("He reports that his wife noticed the rash; he denies fever.")).contains("male");
        assertThat(PreCheck.patientSex("Follow-up of the rash, improving.")).isEmpty();
    }

    @Test
    void theConditionAdmittedForIsTheOneWrittenRightAfterThePhrase() {
        String sentence = "74 yo m with copd, admitted for left lower leg cellulitis failing outpatient cephalexin.";
        assertThat(GuidelineRules.admittedFor(sentence, sentence.indexOf("left lower leg"))).isTrue();
        assertThat(GuidelineRules.admittedFor(sentence, sentence.indexOf("copd"))).as("before the phrase").isFalse();
        String list = "admitted for hyperkalemia; copd stable on tiotropium.";
        assertThat(GuidelineRules.admittedFor(list, list.indexOf("copd"))).as("past the clause").isFalse();
    }

    @Test
    void aCerebralInfarctionIsCodedByCauseArteryAndSide() {
        assertThat(GuidelineRules.infarctionCode("acute ischemic stroke, left mca territory, cardioembolic")).hasValue("I63.412");
        assertThat(GuidelineRules.infarctionCode("right pca stroke due to thrombosis")).hasValue("I63.331");
        assertThat(GuidelineRules.infarctionCode("left mca infarct")).hasValue("I63.512");
        assertThat(GuidelineRules.infarctionCode("stroke from embolism of the right carotid artery")).hasValue("I63.131");
        assertThat(GuidelineRules.infarctionCode("basilar artery thrombosis with brainstem infarct")).hasValue("I63.02");
        assertThat(GuidelineRules.infarctionCode("acute ischemic stroke")).isEmpty();
    }
}
