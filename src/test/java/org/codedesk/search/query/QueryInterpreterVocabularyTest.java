package org.codedesk.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The coders' vocabulary the interpreter reads: what it completes, and which words are never "corrected". */
class QueryInterpreterVocabularyTest {

    private final QueryInterpreter interpreter = new QueryInterpreter(Synonyms.load("search/abbreviations.tsv"),
            List.of(Synonyms.load("search/procedure-terms.tsv"), Synonyms.load("search/lay-terms.tsv")));

    @Test
    void coderWordsAreVocabulary() {
        for (String word : List.of("appy", "chole", "lap", "cysto", "cabg", "CABG")) {
            assertThat(interpreter.isVocabulary(word)).as(word).isTrue();
        }
        assertThat(interpreter.isVocabulary("apply")).isFalse();
    }

    @Test
    void vocabularyCompletesWhatWasTypedShortestFirst() {
        assertThat(interpreter.vocabularyCompletions("pink ey", 2)).containsExactly("pink eye");
        assertThat(interpreter.vocabularyCompletions("sore thr", 2)).containsExactly("sore throat");
        assertThat(interpreter.vocabularyCompletions("stro", 2)).first().isEqualTo("stroke");
        assertThat(interpreter.vocabularyCompletions("zzzq", 2)).isEmpty();
    }

    @Test
    void lapAppyIsReadAsALaparoscopicAppendectomyInPcsWords() {
        Interpretation read = interpreter.interpret("lap appy");
        assertThat(read.texts().get(0)).isEqualTo("percutaneous endoscopic resection appendix");
        assertThat(read.notes()).contains("APPY read as \"appendectomy\".");
    }

    @Test
    void theLongestPhraseIsReadFirstWhateverItsList() {
        // "total knee arthroplasty" alone is a procedure (PCS words); after "status post" it is a status, a diagnosis
        assertThat(interpreter.interpret("s/p tka rt").texts().get(0)).isEqualTo("presence of artificial knee joint right");
        assertThat(interpreter.interpret("tka rt").texts().get(0)).isEqualTo("replacement knee joint right");
        assertThat(interpreter.interpret("on insulin").texts().get(0)).isEqualTo("long term current use of insulin");
        assertThat(interpreter.interpret("hx dvt").texts().get(0)).isEqualTo("personal history venous thrombosis");
    }

    @Test
    void sidesStagesAndExacerbationsAsCodersWriteThem() {
        assertThat(interpreter.interpret("lt knee oa").texts().get(0)).isEqualTo("left knee osteoarthritis");
        assertThat(interpreter.interpret("fx rt radius").texts().get(0)).isEqualTo("fracture right radius");
        assertThat(interpreter.interpret("htn ckd3").texts().get(0)).isEqualTo("hypertension chronic kidney disease stage 3");
        assertThat(interpreter.interpret("htn ckd 3").texts().get(0)).isEqualTo("hypertension chronic kidney disease stage 3");
        assertThat(interpreter.interpret("ckd stage iv").texts().get(0)).isEqualTo("chronic kidney disease stage 4");
        assertThat(interpreter.interpret("s/p cabg").texts().get(0)).isEqualTo("status post bypass coronary artery");
        assertThat(interpreter.interpret("bph w/o luts").texts().get(0))
                .isEqualTo("benign prostatic hyperplasia without lower urinary tract symptoms");
        assertThat(interpreter.interpret("copd exac").texts().get(0)).startsWith("chronic obstructive pulmonary disease")
                .endsWith("exacerbation");
    }
}
