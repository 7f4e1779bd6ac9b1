package org.codedesk.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The book's order on hand-made candidates: each rule moves a candidate the way a coder reading the index would. */
class BookOrderTest {

    private final LexicalQueries lexical = new LexicalQueries();
    private final BookOrder order = new BookOrder(lexical);

    private double score(String query, BookOrder.Candidate candidate) {
        return order.adjustment(candidate, lexical.terms(query), BookOrder.isProcedure(query));
    }

    @Test
    void anIndexPathMadeOfTheQuerysWordsWinsOverAPathWithMore() {
        var calculusOfKidney = new BookOrder.Candidate("icd10cm", "Calculus of kidney", true,
                List.of("Calculus, calculi, calculous > kidney (impacted) (multiple)"));
        var withUreter = new BookOrder.Candidate("icd10cm", "Calculus of kidney with calculus of ureter", true,
                List.of("Calculus, calculi, calculous > kidney > with calculus, ureter"));
        assertThat(score("calculus kidney", calculusOfKidney)).isGreaterThan(score("calculus kidney", withUreter));
        assertThat(order.pathMatch(calculusOfKidney.indexPaths(), java.util.Set.copyOf(lexical.terms("calculus kidney"))))
                .isEqualTo(BookOrder.EXACT_PATH);
        assertThat(order.pathMatch(withUreter.indexPaths(), java.util.Set.copyOf(lexical.terms("calculus kidney")))).isZero();
    }

    @Test
    void unspecifiedBeforeSpecificAndBillableBeforeHeader() {
        var nos = new BookOrder.Candidate("icd10cm", "Unspecified conjunctivitis", true, List.of());
        var toxic = new BookOrder.Candidate("icd10cm", "Acute toxic conjunctivitis, right eye", true, List.of());
        assertThat(score("conjunctivitis", nos)).isGreaterThan(score("conjunctivitis", toxic));
        var header = new BookOrder.Candidate("icd10cm", "Conjunctivitis", false, List.of());
        var leaf = new BookOrder.Candidate("icd10cm", "Conjunctivitis", true, List.of());
        assertThat(score("conjunctivitis", leaf)).isGreaterThan(score("conjunctivitis", header));
    }

    @Test
    void historyAndOldOnlyWhenAsked() {
        var acute = new BookOrder.Candidate("icd10cm", "Acute myocardial infarction, unspecified", true, List.of());
        var old = new BookOrder.Candidate("icd10cm", "Old myocardial infarction", true, List.of());
        assertThat(score("myocardial infarction", acute)).isGreaterThan(score("myocardial infarction", old));
        assertThat(score("old myocardial infarction", old)).isGreaterThan(score("old myocardial infarction", acute));
        var history = new BookOrder.Candidate("icd10cm", "Personal history of transient ischemic attack (TIA), and cerebral infarction", true, List.of());
        var infarction = new BookOrder.Candidate("icd10cm", "Cerebral infarction, unspecified", true, List.of());
        assertThat(score("cerebral infarction", infarction)).isGreaterThan(score("cerebral infarction", history));
    }

    @Test
    void procedureWordsPreferProcedureCodeSystems() {
        assertThat(BookOrder.isProcedure("percutaneous endoscopic resection appendix")).isTrue();
        assertThat(BookOrder.isProcedure("bypass coronary artery")).isTrue();
        assertThat(BookOrder.isProcedure("laparoscopic cholecystectomy")).isTrue();
        assertThat(BookOrder.isProcedure("acute appendicitis")).isFalse();
        assertThat(BookOrder.isProcedure("paralysis")).isFalse();
        var pcs = new BookOrder.Candidate("icd10pcs", "Bypass Coronary Artery, One Artery from Left Internal Mammary, Open Approach", true, List.of());
        var complication = new BookOrder.Candidate("icd10cm", "Breakdown (mechanical) of coronary artery bypass graft", true, List.of());
        assertThat(score("bypass coronary artery", pcs)).isGreaterThan(score("bypass coronary artery", complication));
    }
}
