package org.codedesk.catalog.source.icd10cm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.codedesk.catalog.source.SourceFormatException;
import org.junit.jupiter.api.Test;

class TabularParserTest {

    static Tabular fixture() {
        InputStream in = TabularParserTest.class.getResourceAsStream("/fixtures/icd10cm/icd10cm_tabular_2099.xml");
        return new TabularParser().parse("icd10cm_tabular_2099.xml", in);
    }

    @Test
    void readsHierarchyInBookOrder() {
        Tabular tabular = fixture();
        assertThat(tabular.version()).isEqualTo("2099");
        assertThat(tabular.nodes()).extracting(TabularNode::code)
                .containsExactly("19", "S70-S79", "S72", "S72.0", "S72.00", "S72.001", "S72.8", "S72.8X", "S72.8X1",
                        "T36-T50", "T36", "T36.0", "T36.0X1", "7", "H53-H54", "H54", "H54.7");
        TabularNode placeholder = tabular.nodes().stream().filter(n -> n.code().equals("S72.8X")).findFirst().orElseThrow();
        assertThat(placeholder.placeholder()).isTrue();
        assertThat(placeholder.parent()).isEqualTo("S72.8");
        assertThat(tabular.nodes().get(1).parent()).isEqualTo("19");
        assertThat(tabular.nodes().get(2).parent()).isEqualTo("S70-S79");
    }

    @Test
    void readsEveryNoteTypeWithItsOwner() {
        Tabular tabular = fixture();
        assertThat(tabular.notes()).extracting(InstructionalNote::kind).contains(NoteKind.values());
        assertThat(tabular.notes()).contains(
                new InstructionalNote("19", NoteKind.EXCLUDES1, "birth trauma (P10-P15)", 1, false, 0, "FY2099"),
                new InstructionalNote("S70-S79", NoteKind.EXCLUDES2, "burns and corrosions (T20-T32)", 1, false, 0, "FY2099"),
                new InstructionalNote("S72.0", NoteKind.INCLUSION_TERM, "Fracture of hip NOS", 1, false, 0, "FY2099"),
                new InstructionalNote("T36", NoteKind.CODE_ALSO, "any associated drug dependence", 1, false, 0, "FY2099"));
        InstructionalNote table = tabular.notes().stream().filter(n -> n.kind() == NoteKind.VISUAL_IMPAIRMENT_TABLE).findFirst().orElseThrow();
        assertThat(table.owner()).isEqualTo("H54");
        assertThat(table.text()).isEqualTo("Category 1: best corrected visual acuity less than 6/18 and at least 6/60");
    }

    @Test
    void readsSeventhCharactersAtTheirDefiningNode() {
        assertThat(fixture().seventhCharacters()).containsExactly(
                new SeventhCharacter("S72", "A", "initial encounter for closed fracture", "FY2099"),
                new SeventhCharacter("S72", "D", "subsequent encounter for closed fracture with routine healing", "FY2099"),
                new SeventhCharacter("S72", "S", "sequela (includes: late effect of fracture)", "FY2099"),
                new SeventhCharacter("T36", "A", "initial encounter", "FY2099"));
    }

    @Test
    void labelsEverythingWithTheFilesRelease() {
        Tabular tabular = fixture();
        assertThat(tabular.nodes()).extracting(TabularNode::since).containsOnly("FY2099");
        assertThat(tabular.notes()).extracting(InstructionalNote::since).containsOnly("FY2099");
    }

    @Test
    void marksLeadInsAndTheirItemsWithinEachNoteElement() {
        String xml = """
                <ICD10CM.tabular><version>2017</version><chapter><name>19</name><desc>Injury (S00-T88)</desc>
                <section id="T36-T50"><desc>Poisoning (T36-T50)</desc>
                <codeFirst>
                  <note>, for adverse effects, the nature of the adverse effect, such as:</note>
                  <note>adverse effect NOS (T88.7  )</note>
                  <note>aspirin gastritis (K29.-)</note>
                </codeFirst>
                <useAdditionalCode><note>code to identify the specific infection, such as:</note><note>sepsis (A41.9)</note></useAdditionalCode>
                <useAdditionalCode><note>code (R65.2-) to identify severe sepsis, if applicable</note></useAdditionalCode>
                </section></chapter></ICD10CM.tabular>""";
        Tabular tabular = new TabularParser().parse("icd10cm_tabular_2017.xml", stream(xml));

        assertThat(tabular.notes()).extracting(InstructionalNote::kind, InstructionalNote::sequence, InstructionalNote::leadIn,
                InstructionalNote::leadInSequence).containsExactly(
                tuple(NoteKind.CODE_FIRST, 1, true, 0),
                tuple(NoteKind.CODE_FIRST, 2, false, 1),
                tuple(NoteKind.CODE_FIRST, 3, false, 1),
                tuple(NoteKind.USE_ADDITIONAL_CODE, 1, true, 0),
                tuple(NoteKind.USE_ADDITIONAL_CODE, 2, false, 1),
                // a second <useAdditionalCode> is a new instruction, not an item of the lead-in above
                tuple(NoteKind.USE_ADDITIONAL_CODE, 3, false, 0));
        assertThat(tabular.notes()).extracting(InstructionalNote::since).containsOnly("FY2017");
    }

    @Test
    void rejectsTruncatedFileWithLine() {
        String xml = "<ICD10CM.tabular>\n<chapter>\n<name>1</name>\n<desc>x</desc>\n<section id=\"A00-A09\">\n<desc>y</desc>\n";
        assertThatThrownBy(() -> new TabularParser().parse("cut.xml", stream(xml)))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageStartingWith("cut.xml:");
    }

    @Test
    void rejectsAnInvalidCode() {
        String xml = "<ICD10CM.tabular><chapter><name>1</name><desc>x</desc><section id=\"A\"><desc>y</desc>\n"
                + "<diag><name>A0.0.1</name><desc>bad</desc></diag></section></chapter></ICD10CM.tabular>";
        assertThatThrownBy(() -> new TabularParser().parse("bad.xml", stream(xml)))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("bad.xml:2")
                .hasMessageContaining("'A0.0.1' is not an ICD-10-CM code");
    }

    @Test
    void rejectsUnknownElement() {
        String xml = "<ICD10CM.tabular><chapter><name>1</name><desc>x</desc><excludes3><note>n</note></excludes3></chapter></ICD10CM.tabular>";
        assertThatThrownBy(() -> new TabularParser().parse("odd.xml", stream(xml)))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("unknown element <excludes3>");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
