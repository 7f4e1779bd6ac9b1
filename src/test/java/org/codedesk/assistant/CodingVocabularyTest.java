package org.codedesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Coders' shorthand expanded before a search, typos of intent words corrected, code-shaped words of the trade recognised. */
class CodingVocabularyTest {

    @Test
    void shorthandIsExpandedToTheWordsOfCodeTitles() {
        assertThat(CodingVocabulary.expand("dm2 w/o complications")).isEqualTo("type 2 diabetes mellitus without complications");
        assertThat(CodingVocabulary.expand("copd w/ acute exacerbation")).isEqualTo("chronic obstructive pulmonary disease with acute exacerbation");
        assertThat(CodingVocabulary.expand("hx of dvt, s/p fx")).isEqualTo("history of deep vein thrombosis status post fracture");
        assertThat(CodingVocabulary.expand("low potassium")).isEqualTo("hypokalemia");
    }

    @Test
    void typosOfTheWordsThatDecideAnIntentAreCorrected() {
        assertThat(CodingVocabulary.correctTypos("globel period for 27447")).isEqualTo("global period for 27447");
        assertThat(CodingVocabulary.correctTypos("is modifer 25 needed")).isEqualTo("is modifier 25 needed");
        assertThat(CodingVocabulary.correctTypos("billabel? E11.9")).isEqualTo("billable? E11.9");
        assertThat(CodingVocabulary.correctTypos("patient with cough")).isEqualTo("patient with cough");
        assertThat(CodingVocabulary.correctTypos("what is fusoin in pcs")).isEqualTo("what is fusion in pcs");
        assertThat(CodingVocabulary.withinOneEdit("seqeula", "sequela")).isTrue();
        assertThat(CodingVocabulary.withinOneEdit("global", "glob")).isFalse();
    }

    @Test
    void labValuesAndVertebraeAreNotCodes() {
        assertThat(CodingVocabulary.notACode("A1C")).isTrue();
        assertThat(CodingVocabulary.notACode("B12")).isTrue();
        assertThat(CodingVocabulary.notACode("E11")).isFalse();
        assertThat(CodingVocabulary.notACode("T2DM")).isTrue();
    }

    @Test
    void aNoteNamesACodeExactlyAsACategoryOrInARange() {
        assertThat(Knowledge.names("type 1 diabetes mellitus (E10.-)", "E109")).isTrue();
        assertThat(Knowledge.names("diabetes mellitus (E08-E13)", "E119")).isTrue();
        assertThat(Knowledge.names("diabetes mellitus (E08-E09)", "E119")).isFalse();
        assertThat(Knowledge.names("gestational diabetes (O24.4-)", "E119")).isFalse();
    }

    @Test
    void weakHitsAndHitsThatDifferBySideAreNotAnAnswer() {
        java.util.function.Function<String, org.codedesk.search.Search.Hit> hit = title -> new org.codedesk.search.Search.Hit(
                org.codedesk.catalog.CodeSystem.ICD10CM, "X", title, true, java.util.List.of(), java.util.List.of(), "/x");
        var sides = java.util.List.of(hit.apply("Fracture of right radius"), hit.apply("Fracture of left radius"));
        assertThat(OfflineAnswers.needsSide("fracture radius", sides)).isTrue();
        assertThat(OfflineAnswers.needsSide("fracture radius left", sides)).isFalse();
        var bleb = java.util.List.of(hit.apply("Postprocedural bleb"), hit.apply("Bleb associated vitreous"));
        assertThat(OfflineAnswers.anyWordFound("glorpitis", bleb)).isFalse();
        assertThat(OfflineAnswers.anyWordFound("blebitis postprocedural", bleb)).isTrue();
        assertThat(OfflineAnswers.anyWordFound("fractur radius", sides)).isTrue();
    }

    @Test
    void pcsRootOperationsAndApproachesAreFoundInAQuestion() {
        assertThat(Knowledge.pcsTermsIn("pcs excision vs resection")).containsExactly("resection", "excision");
        assertThat(Knowledge.pcsTermsIn("percutaneous endoscopic approach")).containsExactly("percutaneous endoscopic");
        assertThat(Knowledge.asksPcs("pcs excision vs resection")).isTrue();
        assertThat(Knowledge.asksPcs("drainage of abscess code")).isFalse();
    }
}
