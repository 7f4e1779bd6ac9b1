package org.codedesk.catalog.source.icd10cm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LeadInRuleTest {

    private static List<InstructionalNote> group(String owner, NoteKind kind, String... texts) {
        List<InstructionalNote> notes = new ArrayList<>();
        for (String text : texts) {
            notes.add(new InstructionalNote(owner, kind, text, notes.size() + 1, false, 0, "FY2017"));
        }
        return notes;
    }

    @Test
    void aCodeFirstLeadInTakesEveryNoteAfterIt() {
        List<InstructionalNote> marked = LeadInRule.mark(group("T36-T50", NoteKind.CODE_FIRST,
                ", for adverse effects, the nature of the adverse effect, such as:", "adverse effect NOS (T88.7)",
                "aspirin gastritis (K29.-)", "nephropathy (N14.0-N14.2)"));

        assertThat(marked).extracting(InstructionalNote::leadIn, InstructionalNote::leadInSequence).containsExactly(
                tuple(true, 0), tuple(false, 1), tuple(false, 1), tuple(false, 1));
        assertThat(marked.get(1).isItem()).isTrue();
        assertThat(marked.get(0).since()).isEqualTo("FY2017");
    }

    @Test
    void itemsOfALeadInInAnExcludesListEndWhereTheAlphabeticalOrderStartsAgain() {
        List<InstructionalNote> marked = LeadInRule.mark(group("F41", NoteKind.EXCLUDES2,
                "anxiety in:", "acute stress reaction (F43.0)", "transient adjustment reaction (F43.2)",
                "neurasthenia (F48.8)", "psychophysiologic disorders (F45.-)"));

        assertThat(marked).extracting(InstructionalNote::text, InstructionalNote::leadIn, InstructionalNote::leadInSequence).containsExactly(
                tuple("anxiety in:", true, 0),
                tuple("acute stress reaction (F43.0)", false, 1),
                tuple("transient adjustment reaction (F43.2)", false, 1),
                tuple("neurasthenia (F48.8)", false, 0),
                tuple("psychophysiologic disorders (F45.-)", false, 0));
    }

    @Test
    void aLeadInInTheMiddleOfAListTakesTheItemsAfterIt() {
        List<InstructionalNote> marked = LeadInRule.mark(group("N39.0", NoteKind.EXCLUDES1,
                "candidiasis of urinary tract (B37.4-)", "urinary tract infection of specified site, such as:",
                "cystitis (N30.-)", "urethritis (N34.-)"));

        assertThat(marked).extracting(InstructionalNote::leadInSequence).containsExactly(0, 0, 2, 2);
        assertThat(marked.get(1).leadIn()).isTrue();
    }

    @Test
    void anItemSortingBeforeTheLeadInStaysAnItem() {
        // I41: "acute" sorts before "Chagas'" but also before the lead-in, so it cannot be back in the outer list.
        List<InstructionalNote> marked = LeadInRule.mark(group("I41", NoteKind.EXCLUDES1,
                "myocarditis (in):", "Chagas' disease (chronic) (B57.2)", "acute (B57.0)", "coxsackie (virus) infection (B33.22)"));

        assertThat(marked).extracting(InstructionalNote::leadInSequence).containsExactly(0, 1, 1, 1);
    }

    @Test
    void aColonWithNothingAfterItIsNoLeadIn() {
        List<InstructionalNote> marked = LeadInRule.mark(group("E08.32", NoteKind.SEVENTH_CHARACTER_NOTE,
                "One of the following 7th characters is to be assigned to codes in subcategory E08.32:"));
        assertThat(marked.get(0).leadIn()).isFalse();

        List<InstructionalNote> twoLeadIns = LeadInRule.mark(group("J84.89", NoteKind.CODE_FIRST,
                "first:", "second:", "item"));
        assertThat(twoLeadIns).extracting(InstructionalNote::leadIn).containsExactly(false, true, false);
        assertThat(twoLeadIns.get(2).leadInSequence()).isEqualTo(2);
    }

    @Test
    void aLeadingCommaAloneMakesNoLeadIn() {
        List<InstructionalNote> marked = LeadInRule.mark(group("T51-T65", NoteKind.CODE_FIRST,
                ", if applicable, toxic effects of substances chiefly nonmedicinal as to source (T51-T65)", "other"));
        assertThat(marked).extracting(InstructionalNote::leadIn, InstructionalNote::leadInSequence)
                .containsExactly(tuple(false, 0), tuple(false, 0));
    }

    @Test
    void continuesItemsFollowsTheAlphabetOnlyInAlphabeticalLists() {
        assertThat(LeadInRule.continuesItems(NoteKind.EXCLUDES1, "disorders of:", "purine metabolism (E79.-)", "gout (M10.-)")).isFalse();
        assertThat(LeadInRule.continuesItems(NoteKind.CODE_ALSO, "any associated:", "wound infection", "cystitis")).isTrue();
        assertThat(LeadInRule.continuesItems(NoteKind.EXCLUDES1, "disorders of:", null, "aromatic (E70.-)")).isTrue();
        assertThat(LeadInRule.continuesItems(NoteKind.EXCLUDES1, "disorders of:", "aromatic (E70.-)", "other lead-in:")).isFalse();
    }
}
