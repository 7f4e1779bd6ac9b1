package org.codedesk.catalog.source.icd10cm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.codedesk.catalog.source.icd10cm.TabularAddendaEntry.Action;
import org.codedesk.catalog.source.icd10cm.TabularAddendaEntry.Context;
import org.codedesk.catalog.source.icd10cm.TabularAddendaEntry.Location;
import org.codedesk.catalog.source.icd10cm.TabularAddendaEntry.Subject;
import org.codedesk.catalog.source.icd10cm.TabularAddendaReport.Cause;
import org.junit.jupiter.api.Test;

class TabularAddendaApplierTest {

    private static final String XML = """
            <ICD10CM.tabular><version>2017</version>
            <chapter><name>2</name><desc>Neoplasms (C00-D49)</desc>
              <section id="D10-D36"><desc>Benign neoplasms (D10-D36)</desc>
                <diag><name>D12</name><desc>Benign neoplasm of colon, rectum, anus and anal canal</desc>
                  <diag><name>D12.5</name><desc>Benign neoplasm of sigmoid colon</desc></diag>
                  <diag><name>D12.6</name><desc>Benign neoplasm of colon, unspecified</desc>
                    <inclusionTerm><note>Adenomatosis of colon</note></inclusionTerm>
                    <excludes1><note>benign neoplasm of rectosigmoid junction (D12.7)</note>
                      <note>inflammatory polyp of colon (K51.4-)</note><note>polyposis (hereditary) of colon (D12.6)</note></excludes1>
                    <excludes2><note>malignant neoplasm of colon (C18.-)</note></excludes2>
                  </diag>
                  <diag><name>D12.9</name><desc>Benign neoplasm of anus and anal canal</desc></diag>
                </diag>
              </section>
            </chapter>
            <chapter><name>9</name><desc>Diseases of the circulatory system (I00-I99)</desc>
              <section id="I10-I16"><desc>Hypertensive diseases (I10-I16)</desc>
                <diag><name>I16</name><desc>Hypertensive crisis</desc></diag>
              </section>
              <section id="I20-I25"><desc>Ischemic heart diseases (I20-I25)</desc>
                <diag><name>I21</name><desc>Acute myocardial infarction</desc>
                  <useAdditionalCode><note>code, if applicable, to identify:</note><note>tobacco use (Z72.0)</note></useAdditionalCode>
                  <diag><name>I21.3</name><desc>ST elevation (STEMI) myocardial infarction of unspecified site</desc>
                    <inclusionTerm><note>Myocardial infarction (acute) NOS</note></inclusionTerm></diag>
                  <diag><name>I21.4</name><desc>Non-ST elevation (NSTEMI) myocardial infarction</desc></diag>
                </diag>
              </section>
            </chapter>
            <chapter><name>19</name><desc>Injury, poisoning and certain other consequences of external causes (S00-T88)</desc>
              <section id="T07"><desc>Injuries involving multiple body regions (T07)</desc>
                <diag><name>T07</name><desc>Unspecified multiple injuries</desc></diag>
              </section>
            </chapter>
            </ICD10CM.tabular>""";

    private static Tabular fy2017() {
        return new TabularParser().parse("icd10cm_tabular_2017.xml", new ByteArrayInputStream(XML.getBytes(StandardCharsets.UTF_8)));
    }

    /** Entries as the parser gives them, each on the next line of page 1. */
    private static final class Entries {
        final List<TabularAddendaEntry> list = new ArrayList<>();
        String chapter;
        String section;

        Entries chapter(String number) {
            chapter = number;
            section = null;
            return add(Action.NO_CHANGE, Subject.CHAPTER, number, null, "Chapter " + number, null, null);
        }

        Entries section(Action action, String id, String title) {
            section = id;
            return add(action, Subject.SECTION, id, null, title, null, null);
        }

        Entries code(Action action, String code, String title, String above) {
            return add(action, Subject.CODE, code, null, title, above, null);
        }

        Entries note(Action action, Subject subject, NoteKind kind, String text, String code) {
            return add(action, subject, null, kind, text, code, null);
        }

        Entries item(Action action, NoteKind kind, String text, String code, String leadIn) {
            return add(action, Subject.NOTE_ITEM, null, kind, text, code, leadIn);
        }

        Entries revise(Subject subject, String code, NoteKind kind, String from, String to, String above) {
            TabularAddendaEntry old = entry(Action.REVISE_FROM, subject, code, kind, from, above, null);
            list.add(old);
            add(Action.REVISE_TO, subject, code, kind, to, above, null);
            TabularAddendaEntry revised = list.remove(list.size() - 1);
            list.remove(list.size() - 1);
            list.add(new TabularAddendaEntry(revised.action(), revised.subject(), revised.code(), revised.noteKind(), revised.text(),
                    revised.context(), revised.location(), old));
            return this;
        }

        Entries add(Action action, Subject subject, String code, NoteKind kind, String text, String above, String leadIn) {
            list.add(entry(action, subject, code, kind, text, above, leadIn));
            return this;
        }

        private TabularAddendaEntry entry(Action action, Subject subject, String code, NoteKind kind, String text, String above, String leadIn) {
            return new TabularAddendaEntry(action, subject, code, kind, text, new Context(chapter, section, above, kind, leadIn),
                    new Location("addenda.pdf", 1, list.size() + 1), null);
        }
    }

    private static TabularAddendaApplier.Result apply(Tabular tabular, Entries entries, String release) {
        return new TabularAddendaApplier().apply(tabular, entries.list, release);
    }

    @Test
    void addsACodeInBookOrderAndMovesAnInclusionTermToIt() {
        Entries fy2018 = new Entries().chapter("9").section(Action.NO_CHANGE, "I20-I25", "Ischemic heart diseases (I20-I25)")
                .code(Action.NO_CHANGE, "I21", "Acute myocardial infarction", null)
                .code(Action.NO_CHANGE, "I21.3", "ST elevation (STEMI) myocardial infarction of unspecified site", "I21")
                .note(Action.DELETE, Subject.INCLUSION_TERM, NoteKind.INCLUSION_TERM, "Myocardial infarction (acute) NOS", "I21.3")
                .code(Action.NO_CHANGE, "I21.4", "Non-ST elevation (NSTEMI) myocardial infarction", "I21")
                .code(Action.ADD, "I21.9", "Acute myocardial infarction, unspecified", "I21")
                .note(Action.ADD, Subject.INCLUSION_TERM, NoteKind.INCLUSION_TERM, "Myocardial infarction (acute) NOS", "I21.9")
                .code(Action.ADD, "I21.A", "Other type of myocardial infarction", "I21");

        TabularAddendaApplier.Result result = apply(fy2017(), fy2018, "FY2018");
        Tabular t = result.tabular();

        assertThat(t.version()).isEqualTo("FY2018");
        assertThat(children(t, "I21")).containsExactly("I21.3", "I21.4", "I21.9", "I21.A");
        assertThat(node(t, "I21.9")).extracting(TabularNode::description, TabularNode::parent, TabularNode::since)
                .containsExactly("Acute myocardial infarction, unspecified", "I21", "FY2018");
        assertThat(notes(t, "I21.3", NoteKind.INCLUSION_TERM)).isEmpty();
        assertThat(notes(t, "I21.9", NoteKind.INCLUSION_TERM)).extracting(InstructionalNote::text, InstructionalNote::sequence, InstructionalNote::since)
                .containsExactly(tuple("Myocardial infarction (acute) NOS", 1, "FY2018"));
        assertThat(node(t, "I21.4").since()).isEqualTo("FY2017");
        assertThat(t.nodes()).extracting(TabularNode::order).isSorted().doesNotHaveDuplicates();
        assertThat(result.report().skipped()).isEmpty();
        assertThat(result.report().applied()).hasSize(fy2018.list.size());
    }

    @Test
    void movesANoteFromExcludes1ToExcludes2() {
        Entries fy2026 = new Entries().chapter("2").section(Action.NO_CHANGE, "D10-D36", "Benign neoplasms (D10-D36)")
                .code(Action.NO_CHANGE, "D12", "Benign neoplasm of colon, rectum, anus and anal canal", null)
                .code(Action.NO_CHANGE, "D12.6", "Benign neoplasm of colon, unspecified", "D12")
                .note(Action.DELETE, Subject.NOTE_HEADER, NoteKind.EXCLUDES1, "inflammatory polyp of colon (K51.4-)", "D12.6")
                .note(Action.ADD, Subject.NOTE_HEADER, NoteKind.EXCLUDES2, "inflammatory polyp of colon (K51.4-)", "D12.6");

        Tabular t = apply(fy2017(), fy2026, "FY2026").tabular();

        assertThat(notes(t, "D12.6", NoteKind.EXCLUDES1)).extracting(InstructionalNote::text, InstructionalNote::sequence).containsExactly(
                tuple("benign neoplasm of rectosigmoid junction (D12.7)", 1), tuple("polyposis (hereditary) of colon (D12.6)", 2));
        // inserted in alphabetical place, labelled with the release that moved it
        assertThat(notes(t, "D12.6", NoteKind.EXCLUDES2)).extracting(InstructionalNote::text, InstructionalNote::since).containsExactly(
                tuple("inflammatory polyp of colon (K51.4-)", "FY2026"), tuple("malignant neoplasm of colon (C18.-)", "FY2017"));
    }

    @Test
    void revisesTextsAndKeepsItemsWithTheirLeadIn() {
        Entries fy2019 = new Entries().chapter("9").section(Action.NO_CHANGE, "I20-I25", "Ischemic heart diseases (I20-I25)")
                .code(Action.NO_CHANGE, "I21", "Acute myocardial infarction", null)
                .note(Action.NO_CHANGE, Subject.NOTE_HEADER, NoteKind.USE_ADDITIONAL_CODE, "", "I21")
                .note(Action.NO_CHANGE, Subject.NOTE_ITEM, NoteKind.USE_ADDITIONAL_CODE, "code, if applicable, to identify:", "I21")
                .item(Action.ADD, NoteKind.USE_ADDITIONAL_CODE, "exposure to environmental tobacco smoke (Z77.22)", "I21", "code, if applicable, to identify:")
                .revise(Subject.CODE, "I21.4", null, "Non-ST elevation (NSTEMI) myocardial infarction",
                        "Non-ST elevation (NSTEMI) myocardial infarction, type 1", "I21")
                .revise(Subject.INCLUSION_TERM, null, NoteKind.INCLUSION_TERM, "Myocardial infarction (acute) NOS",
                        "Myocardial infarction (acute), unspecified type", "I21.3");

        Tabular t = apply(fy2017(), fy2019, "FY2019").tabular();

        assertThat(notes(t, "I21", NoteKind.USE_ADDITIONAL_CODE)).extracting(InstructionalNote::text, InstructionalNote::leadIn,
                InstructionalNote::leadInSequence, InstructionalNote::since).containsExactly(
                tuple("code, if applicable, to identify:", true, 0, "FY2017"),
                tuple("exposure to environmental tobacco smoke (Z77.22)", false, 1, "FY2019"),
                tuple("tobacco use (Z72.0)", false, 1, "FY2017"));
        assertThat(node(t, "I21.4")).extracting(TabularNode::description, TabularNode::since)
                .containsExactly("Non-ST elevation (NSTEMI) myocardial infarction, type 1", "FY2019");
        assertThat(notes(t, "I21.3", NoteKind.INCLUSION_TERM)).extracting(InstructionalNote::text, InstructionalNote::since)
                .containsExactly(tuple("Myocardial infarction (acute), unspecified type", "FY2019"));
    }

    @Test
    void aRevisionCanTurnANoteIntoALeadInWithNewItems() {
        Entries fy2018 = new Entries().chapter("2").section(Action.NO_CHANGE, "D10-D36", "Benign neoplasms (D10-D36)")
                .code(Action.NO_CHANGE, "D12.6", "Benign neoplasm of colon, unspecified", "D12")
                .revise(Subject.NOTE_ITEM, null, NoteKind.EXCLUDES1, "polyposis (hereditary) of colon (D12.6)", "polyposis of colon:", "D12.6")
                .item(Action.ADD, NoteKind.EXCLUDES1, "familial (D12.6)", "D12.6", "polyposis of colon:")
                .item(Action.ADD, NoteKind.EXCLUDES1, "hereditary (D12.6)", "D12.6", "polyposis of colon:");

        Tabular t = apply(fy2017(), fy2018, "FY2018").tabular();

        assertThat(notes(t, "D12.6", NoteKind.EXCLUDES1)).extracting(InstructionalNote::text, InstructionalNote::leadIn,
                InstructionalNote::leadInSequence).containsExactly(
                tuple("benign neoplasm of rectosigmoid junction (D12.7)", false, 0),
                tuple("inflammatory polyp of colon (K51.4-)", false, 0),
                tuple("polyposis of colon:", true, 0),
                tuple("familial (D12.6)", false, 3),
                tuple("hereditary (D12.6)", false, 3));
    }

    @Test
    void aLeadInRevisedIntoAPlainNoteLosesItsItems() {
        Entries fy2018 = new Entries().chapter("9").section(Action.NO_CHANGE, "I20-I25", "Ischemic heart diseases (I20-I25)")
                .code(Action.NO_CHANGE, "I21", "Acute myocardial infarction", null)
                .revise(Subject.NOTE_ITEM, null, NoteKind.USE_ADDITIONAL_CODE, "code, if applicable, to identify:",
                        "code to identify the infection", "I21");

        Tabular t = apply(fy2017(), fy2018, "FY2018").tabular();

        assertThat(notes(t, "I21", NoteKind.USE_ADDITIONAL_CODE)).extracting(InstructionalNote::text, InstructionalNote::leadIn,
                InstructionalNote::leadInSequence).containsExactly(
                tuple("code to identify the infection", false, 0), tuple("tobacco use (Z72.0)", false, 0));
    }

    @Test
    void deletesACodeWithItsNotesAndWhatIsBelowIt() {
        Entries fy2020 = new Entries().chapter("2").section(Action.NO_CHANGE, "D10-D36", "Benign neoplasms (D10-D36)")
                .code(Action.NO_CHANGE, "D12", "Benign neoplasm of colon, rectum, anus and anal canal", null)
                .code(Action.DELETE, "D12.6", "Benign neoplasm of colon, unspecified", "D12")
                .note(Action.DELETE, Subject.INCLUSION_TERM, NoteKind.INCLUSION_TERM, "Adenomatosis of colon", "D12.6")
                .code(Action.ADD, "D12.7", "Benign neoplasm of rectosigmoid junction", "D12");

        TabularAddendaApplier.Result result = apply(fy2017(), fy2020, "FY2020");
        Tabular t = result.tabular();

        assertThat(node(t, "D12.6")).isNull();
        assertThat(t.notes()).noneMatch(n -> n.owner().equals("D12.6"));
        assertThat(children(t, "D12")).containsExactly("D12.5", "D12.7", "D12.9");
        assertThat(result.report().skipped()).isEmpty();
    }

    @Test
    void reportsWhatItCannotApplyAndAppliesTheRest() {
        Entries odd = new Entries().chapter("2").section(Action.NO_CHANGE, "D10-D36", "Benign neoplasms (D10-D36)")
                .code(Action.NO_CHANGE, "D12.6", "Benign neoplasm of colon, unspecified", "D12")
                .note(Action.DELETE, Subject.NOTE_HEADER, NoteKind.EXCLUDES1, "adenomatous polyp of colon (D12.6)", "D12.6")
                .code(Action.ADD, "D12.5", "Benign neoplasm of sigmoid colon", "D12")
                .add(Action.REVISE_FROM, Subject.CODE, "D12.9", null, "Benign neoplasm of anus", "D12", null)
                .add(Action.NO_CHANGE, Subject.BLOCK_LIST, null, null, "D10-D36 Benign neoplasms", null, null)
                .note(Action.ADD, Subject.NOTE_ITEM, NoteKind.NOTES, "Use this code with care", "Q99.9")
                .code(Action.NO_CHANGE, "D12.7", "Benign neoplasm of rectosigmoid junction", "D12")
                .code(Action.ADD, "D12.8", "Benign neoplasm of rectum", "D12");

        TabularAddendaApplier.Result result = apply(fy2017(), odd, "FY2021");
        TabularAddendaReport report = result.report();

        assertThat(report.skipped()).extracting(TabularAddendaReport.Skipped::cause, TabularAddendaReport.Skipped::describe).containsExactly(
                tuple(Cause.NOT_FOUND, "addenda.pdf p.1 l.4: Delete: text not found under D12.6 Excludes1: adenomatous polyp of colon (D12.6)"),
                tuple(Cause.ALREADY_PRESENT, "addenda.pdf p.1 l.5: Add: D12.5 already present"),
                tuple(Cause.UNPAIRED_REVISION, "addenda.pdf p.1 l.6: Revise from without its pair: Revise from D12.9 Benign neoplasm of anus"),
                tuple(Cause.NOT_MODELLED, "addenda.pdf p.1 l.7: a chapter's list of blocks is not kept: No Change D10-D36 Benign neoplasms"),
                tuple(Cause.NO_CONTEXT, "addenda.pdf p.1 l.8: Add: Q99.9 not found for Add Note item: Use this code with care"),
                tuple(Cause.NOT_FOUND, "addenda.pdf p.1 l.9: No Change: D12.7 not found"));
        assertThat(report.skippedByCause()).containsEntry(Cause.NOT_FOUND, 2).containsEntry(Cause.ALREADY_PRESENT, 1);
        // the entry after all of them is applied
        assertThat(children(result.tabular(), "D12")).containsExactly("D12.5", "D12.6", "D12.8", "D12.9");
        assertThat(report.applied()).hasSize(4);
    }

    @Test
    void renamesASectionAndCreatesAChapterTheTabularLacks() {
        Entries fy2021 = new Entries().chapter("9")
                .revise(Subject.SECTION, "I10-I1A", null, "Hypertensive diseases (I10-I16)", "Hypertensive diseases (I10-I1A)", null);
        fy2021.list.set(1, withFromCode(fy2021.list.get(1), "I10-I16"));
        fy2021.section = "I10-I1A";
        fy2021.code(Action.ADD, "I1A", "Other hypertension", null)
                .code(Action.ADD, "I1A.0", "Resistant hypertension", "I1A")
                .chapter("22")
                .add(Action.NO_CHANGE, Subject.CHAPTER_TITLE, "22", null, "Codes for special purposes (U00-U85)", null, null)
                .section(Action.ADD, "U00-U49", "Provisional assignment of new diseases of uncertain etiology or emergency use (U00-U49)")
                .code(Action.ADD, "U07", "Emergency use of U07", null)
                .code(Action.ADD, "U07.1", "COVID-19", "U07");

        TabularAddendaApplier.Result result = apply(fy2017(), fy2021, "FY2021");
        Tabular t = result.tabular();

        assertThat(result.report().skipped()).isEmpty();
        assertThat(node(t, "I10-I1A")).extracting(TabularNode::description, TabularNode::since)
                .containsExactly("Hypertensive diseases (I10-I1A)", "FY2021");
        assertThat(node(t, "I10-I16")).isNull();
        assertThat(children(t, "I10-I1A")).containsExactly("I16", "I1A");
        assertThat(node(t, "22")).extracting(TabularNode::kind, TabularNode::description)
                .containsExactly(TabularNode.Kind.CHAPTER, "Codes for special purposes (U00-U85)");
        assertThat(node(t, "U07.1").parent()).isEqualTo("U07");
        assertThat(t.nodes().stream().filter(n -> n.kind() == TabularNode.Kind.CHAPTER).map(TabularNode::code)).containsExactly("2", "9", "19", "22");
    }

    @Test
    void addsSeventhCharactersToTheCodeAboveThem() {
        Entries fy2018 = new Entries().chapter("19").section(Action.NO_CHANGE, "T07", "Injuries involving multiple body regions (T07)")
                .code(Action.NO_CHANGE, "T07", "Unspecified multiple injuries", null)
                .note(Action.ADD, Subject.NOTE_ITEM, NoteKind.SEVENTH_CHARACTER_NOTE, "The appropriate 7th character is to be added to code T07", "T07")
                .add(Action.ADD, Subject.SEVENTH_CHARACTER, "A", null, "initial encounter", "T07", null)
                .add(Action.ADD, Subject.SEVENTH_CHARACTER, "S", null, "sequela", "T07", null);

        Tabular t = apply(fy2017(), fy2018, "FY2018").tabular();

        assertThat(t.seventhCharacters()).containsExactly(
                new SeventhCharacter("T07", "A", "initial encounter", "FY2018"), new SeventhCharacter("T07", "S", "sequela", "FY2018"));
        assertThat(notes(t, "T07", NoteKind.SEVENTH_CHARACTER_NOTE)).hasSize(1);
    }

    @Test
    void leavesTheInputAsItWas() {
        Tabular before = fy2017();
        Entries delete = new Entries().chapter("2").section(Action.NO_CHANGE, "D10-D36", "Benign neoplasms (D10-D36)")
                .code(Action.DELETE, "D12", "Benign neoplasm of colon, rectum, anus and anal canal", null);

        Tabular after = apply(before, delete, "FY2030").tabular();

        assertThat(node(after, "D12.6")).isNull();
        assertThat(node(before, "D12.6")).isNotNull();
        assertThat(before).isEqualTo(fy2017());
    }

    private static TabularAddendaEntry withFromCode(TabularAddendaEntry e, String fromCode) {
        TabularAddendaEntry f = e.revisedFrom();
        return new TabularAddendaEntry(e.action(), e.subject(), e.code(), e.noteKind(), e.text(), e.context(), e.location(),
                new TabularAddendaEntry(f.action(), f.subject(), fromCode, f.noteKind(), f.text(), f.context(), f.location(), null));
    }

    private static TabularNode node(Tabular t, String code) {
        return t.nodes().stream().filter(n -> n.code().equals(code)).findFirst().orElse(null);
    }

    private static List<String> children(Tabular t, String parent) {
        return t.nodes().stream().filter(n -> parent.equals(n.parent())).map(TabularNode::code).toList();
    }

    private static List<InstructionalNote> notes(Tabular t, String owner, NoteKind kind) {
        return t.notes().stream().filter(n -> n.owner().equals(owner) && n.kind() == kind).toList();
    }
}
