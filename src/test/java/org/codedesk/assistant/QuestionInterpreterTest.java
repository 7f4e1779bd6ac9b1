package org.codedesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.codedesk.edits.Setting;
import org.junit.jupiter.api.Test;

/** How questions in coders' own words are understood: intent, codes of each system, modifiers, date, setting. */
class QuestionInterpreterTest {

    private final QuestionInterpreter interpreter = new QuestionInterpreter(Set.of("25", "59", "XS", "XE", "LT", "RT", "50", "91", "AS"),
            key -> key.equals("J1100") || key.equals("E0100"));

    @Test
    void questionsOfEachKind() {
        assertThat(interpreter.interpret("What is CPT code 99213?").intent()).isEqualTo(Intent.CODE_LOOKUP);
        assertThat(interpreter.interpret("Can 33952 and 33946 be billed together?").intent()).isEqualTo(Intent.PTP_PAIR);
        assertThat(interpreter.interpret("What's the MUE for 99213?").intent()).isEqualTo(Intent.MUE);
        assertThat(interpreter.interpret("What's the global period of 27447?").intent()).isEqualTo(Intent.GLOBAL_PERIOD);
        assertThat(interpreter.interpret("How much does Medicare pay for 20610?").intent()).isEqualTo(Intent.FEE_SCHEDULE);
        assertThat(interpreter.interpret("When do I use XS instead of 59?").intent()).isEqualTo(Intent.MODIFIER);
        assertThat(interpreter.interpret("Is J1100 covered by Medicare?").intent()).isEqualTo(Intent.COVERAGE);
        assertThat(interpreter.interpret("What is the ICD-9 code for E11.9?").intent()).isEqualTo(Intent.CROSSWALK);
        assertThat(interpreter.interpret("How do I code sepsis due to E. coli?").intent()).isEqualTo(Intent.GUIDELINE);
        assertThat(interpreter.interpret("Code for type 2 diabetes with stage 3 CKD?").intent()).isEqualTo(Intent.FIND_CODE);
    }

    @Test
    void codesOfEachSystemAreTold() {
        Interpretation q = interpreter.interpret("Is J1100 with E11.9, N18.30 and 0DTJ4ZZ billed with 99213-25 on 2026-03-02 in the outpatient hospital?");
        assertThat(q.procedures()).containsExactly("99213", "J1100");
        assertThat(q.diagnoses()).containsExactly("E119", "N1830");
        assertThat(q.pcs()).containsExactly("0DTJ4ZZ");
        assertThat(q.modifiers()).containsExactly("25");
        assertThat(q.date()).contains(LocalDate.of(2026, 3, 2));
        assertThat(q.setting()).contains(Setting.OUTPATIENT_HOSPITAL);
        // a letter + 4 digits that is not a HCPCS code is read as ICD-10-CM without its dot
        assertThat(interpreter.interpret("what is J1090").diagnoses()).containsExactly("J1090");
    }

    @Test
    void bareNumbersAreModifiersOnlyBesideOtherModifiersAndWordsAreNotCodes() {
        assertThat(interpreter.interpret("XS or 59 for a separate site?").modifiers()).containsExactlyInAnyOrder("XS", "59");
        assertThat(interpreter.interpret("Is modifier 25 needed?").modifiers()).containsExactly("25");
        assertThat(interpreter.interpret("I saw 25 patients as a team").modifiers()).isEmpty();
        Interpretation words = interpreter.interpret("What is the MUE and RVU for an MRI?");
        assertThat(words.procedures()).isEmpty();
        assertThat(words.diagnoses()).isEmpty();
    }

    /** Issue 20: ordinary words and shorthand are never codes or modifiers; a modifier is one when shaped and placed like one. */
    @Test
    void wordsOfTheTradeAreNotCodesOrModifiers() {
        QuestionInterpreter withWords = new QuestionInterpreter(Set.of("25", "59", "XS", "CM", "PT", "FX", "LT"), key -> false);
        assertThat(withWords.interpret("ICD-10-CM dx for flu w/ pna?").modifiers()).isEmpty();
        assertThat(withWords.interpret("pt on eliquis, hx of PE - z code pls").modifiers()).isEmpty();
        assertThat(withWords.interpret("PT has HTN, dx code").modifiers()).isEmpty();
        assertThat(withWords.interpret("fx L ankle f/u, which 7th char").modifiers()).isEmpty();
        Interpretation a1c = withWords.interpret("A1C 8.2 in a t2 diabetic");
        assertThat(a1c.diagnoses()).isEmpty();
        assertThat(a1c.modifiers()).isEmpty();
        assertThat(withWords.interpret("what does modifier PT mean").modifiers()).containsExactly("PT");
        assertThat(withWords.interpret("99213-25 with 59").modifiers()).containsExactlyInAnyOrder("25", "59");
        assertThat(withWords.interpret("can i bill -59 here").modifiers()).containsExactly("59");
        assertThat(withWords.interpret("XS or 59").modifiers()).containsExactlyInAnyOrder("XS", "59");
        assertThat(withWords.interpret("lt wrist").modifiers()).isEmpty();
    }

    @Test
    void usDatesTyposAndQuestionsInSeveralParts() {
        assertThat(interpreter.interpret("mue 20610 dos 5/12/26").date()).contains(LocalDate.of(2026, 5, 12));
        assertThat(interpreter.interpret("DOB: 03/14/1952, mue 20610").date()).isEmpty();
        assertThat(interpreter.interpret("was r05 billable in fy2022").date()).contains(LocalDate.of(2021, 10, 1));
        assertThat(interpreter.interpret("is e11.9 valid fy 25?").date()).contains(LocalDate.of(2024, 10, 1));
        assertThat(interpreter.interpret("globel period 27447").intent()).isEqualTo(Intent.GLOBAL_PERIOD);
        Interpretation two = interpreter.interpret("mue and global for 20610");
        assertThat(two.intent()).isEqualTo(Intent.MUE);
        assertThat(two.also()).containsExactly(Intent.GLOBAL_PERIOD);
        Interpretation fees = interpreter.interpret("rvus and global for 29881");
        assertThat(fees.intent()).isEqualTo(Intent.FEE_SCHEDULE);
        assertThat(fees.also()).isEmpty(); // the fee schedule answer gives the global period
        assertThat(interpreter.interpret("is I50.2 billable, icd9?").also()).contains(Intent.CODE_LOOKUP);
    }

    @Test
    void theNewKindsOfQuestion() {
        assertThat(interpreter.interpret("can i code E11.9 with E10.9").intent()).isEqualTo(Intent.EXCLUDES);
        assertThat(interpreter.interpret("S52.521 2nd visit 7th char?").intent()).isEqualTo(Intent.SEVENTH_CHARACTER);
        assertThat(interpreter.interpret("primaries allowed with addon 11046?").intent()).isEqualTo(Intent.ADD_ON);
        assertThat(interpreter.interpret("J1100 dexamethasone 8 mg how many units").intent()).isEqualTo(Intent.DRUG_UNITS);
        assertThat(interpreter.interpret("poa value N means?").intent()).isEqualTo(Intent.CONCEPT);
        assertThat(interpreter.interpret("clinic note says r/o CVA, what goes on the claim").intent()).isEqualTo(Intent.CONCEPT);
        assertThat(interpreter.interpret("meaning of a code also note").intent()).isEqualTo(Intent.CONCEPT);
        assertThat(interpreter.interpret("can modifier 59 get around the MUE").intent()).isEqualTo(Intent.MODIFIER);
        assertThat(interpreter.interpret("ncci modifier indicator 0 meaning").intent()).isEqualTo(Intent.MODIFIER);
        assertThat(interpreter.interpret("pcs excision vs resection").intent()).isEqualTo(Intent.CONCEPT);
        assertThat(interpreter.interpret("icd9 250.00 to icd10").intent()).isEqualTo(Intent.CROSSWALK);
        assertThat(interpreter.interpret("a1c 9.5 in icd 10").intent()).isEqualTo(Intent.FIND_CODE);
    }

    @Test
    void coderShorthandForFeeScheduleCoverageAndSequencing() {
        assertThat(interpreter.interpret("pfs status 36415").intent()).isEqualTo(Intent.FEE_SCHEDULE);
        assertThat(interpreter.interpret("dx that support 84443").intent()).isEqualTo(Intent.COVERAGE);
        assertThat(interpreter.interpret("sepsis d/t uti which goes first").intent()).isEqualTo(Intent.GUIDELINE);
        // without a code, "status" or "support" alone decide nothing
        assertThat(interpreter.interpret("pfs status").intent()).isNotEqualTo(Intent.FEE_SCHEDULE);
    }

    @Test
    void anUnknownConditionTermIsToldEvenWhenItsBodyPartMatches() {
        List<org.codedesk.search.Search.Hit> knee = List.of(new org.codedesk.search.Search.Hit(org.codedesk.catalog.CodeSystem.ICD10CM, "M17.12",
                "Unilateral primary osteoarthritis, left knee", true, List.of(), List.of(), "/codes/icd10cm/M17.12"));
        assertThat(OfflineAnswers.unknownTerm("zorbitis left knee", knee)).isEqualTo("zorbitis");
        assertThat(OfflineAnswers.unknownTerm("glimbus syndrome", knee)).isEqualTo("glimbus");
        assertThat(OfflineAnswers.unknownTerm("osteoarthritis left knee", knee)).isNull();
        // a typo of the term found is no unknown term
        assertThat(OfflineAnswers.unknownTerm("osteoarthritsi left knee", knee)).isNull();
        // the search for the term alone confirms it by its stem: "appendectomy" finds "appendix", "glimbus" finds no "glimb..."
        assertThat(OfflineAnswers.hasStem("appendectomy", List.of(hit("Z90.49", "Acquired absence of appendix")))).isTrue();
        assertThat(OfflineAnswers.hasStem("glimbus", List.of(hit("H11.1", "Limbus degeneration")))).isFalse();
    }

    @Test
    void injuryCodesAskForTheEncounterWhenTheQuestionNamesNone() {
        List<org.codedesk.search.Search.Hit> sprains = List.of(hit("S93.401A", "Sprain of unspecified ligament of right ankle, initial encounter"),
                hit("S93.401D", "Sprain of unspecified ligament of right ankle, subsequent encounter"),
                hit("S93.401S", "Sprain of unspecified ligament of right ankle, sequela"));
        assertThat(OfflineAnswers.needsEncounter("sprain of r ankle code", sprains)).isTrue();
        assertThat(OfflineAnswers.needsEncounter("sprain of r ankle initial", sprains)).isFalse();
        assertThat(OfflineAnswers.needsEncounter("sprain r ankle 2nd visit", sprains)).isFalse();
        assertThat(OfflineAnswers.needsEncounter("essential hypertension", List.of(hit("I10", "Essential (primary) hypertension"),
                hit("I1A.0", "Resistant hypertension")))).isFalse();
    }

    private static org.codedesk.search.Search.Hit hit(String code, String title) {
        return new org.codedesk.search.Search.Hit(org.codedesk.catalog.CodeSystem.ICD10CM, code, title, true, List.of(), List.of(), "/codes/icd10cm/" + code);
    }
}
