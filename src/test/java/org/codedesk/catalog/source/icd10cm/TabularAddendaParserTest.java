package org.codedesk.catalog.source.icd10cm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.codedesk.catalog.source.SourceFormatException;
import org.codedesk.catalog.source.icd10cm.TabularAddendaEntry.Action;
import org.codedesk.catalog.source.icd10cm.TabularAddendaEntry.Context;
import org.codedesk.catalog.source.icd10cm.TabularAddendaEntry.Subject;
import org.codedesk.catalog.source.icd10cm.TabularAddendaParser.Line;
import org.junit.jupiter.api.Test;

/**
 * The addenda parser on positioned lines laid out as the CDC lays them out (x in points: codes at 90, 111, 140,
 * 175; headers under a code one step right of it; header items about 55 points right of the header), and on a small
 * PDF generated here with PDFBox.
 */
class TabularAddendaParserTest {

    /** Positioned lines on page 1, numbered in order. */
    private static final class Lines {
        final List<Line> lines = new ArrayList<>();

        Lines bold(Action action, float x, String text) {
            return add(action, x, 10, true, text);
        }

        Lines regular(Action action, float x, String text) {
            return add(action, x, 10, false, text);
        }

        Lines chapter(int number) {
            return add(Action.NO_CHANGE, 90, 14, true, "Chapter " + number);
        }

        Lines add(Action action, float x, float size, boolean bold, String text) {
            lines.add(new Line(1, lines.size() + 1, action, x, size, bold, text));
            return this;
        }

        List<TabularAddendaEntry> parse() {
            return TabularAddendaParser.parseLines("t.pdf", lines);
        }
    }

    private static Lines chapterTwo() {
        return new Lines().chapter(2)
                .bold(Action.NO_CHANGE, 90, "Neoplasms (C00-D49)")
                .bold(Action.NO_CHANGE, 90, "Malignant neoplasms of ill-defined, other secondary and unspecified sites (C76-C80)");
    }

    @Test
    void placesCodesAndHeadersByTheirCharactersAndIndentation() {
        List<TabularAddendaEntry> entries = chapterTwo()
                .bold(Action.NO_CHANGE, 90, "C79 Secondary malignant neoplasm of other and unspecified sites")
                .bold(Action.DELETE, 111, "Excludes2: lymph node metastases (C77.0)")
                .bold(Action.NO_CHANGE, 111, "C79.1 Secondary malignant neoplasm of bladder and other and unspecified urinary organs")
                .bold(Action.NO_CHANGE, 140, "C79.11 Secondary malignant neoplasm of bladder")
                .bold(Action.ADD, 175, "Excludes2: lymph node metastases (C77.0)")
                .bold(Action.ADD, 140, "C79.19 Secondary malignant neoplasm of other urinary organs")
                .regular(Action.ADD, 175, "Secondary malignant neoplasm of urethra")
                .parse();

        assertThat(entries).extracting(TabularAddendaEntry::subject).containsExactly(Subject.CHAPTER, Subject.CHAPTER_TITLE,
                Subject.SECTION, Subject.CODE, Subject.NOTE_HEADER, Subject.CODE, Subject.CODE, Subject.NOTE_HEADER, Subject.CODE,
                Subject.INCLUSION_TERM);
        assertThat(entries.get(2).code()).isEqualTo("C76-C80");
        assertThat(entries.get(4)).extracting(TabularAddendaEntry::action, TabularAddendaEntry::noteKind, TabularAddendaEntry::text)
                .containsExactly(Action.DELETE, NoteKind.EXCLUDES2, "lymph node metastases (C77.0)");
        assertThat(entries.get(4).context()).isEqualTo(new Context("2", "C76-C80", "C79", NoteKind.EXCLUDES2, null));
        assertThat(entries.get(7).context().code()).isEqualTo("C79.11");
        // a code's context is the code above it
        assertThat(entries.get(8).context().code()).isEqualTo("C79.1");
        assertThat(entries.get(9).context()).isEqualTo(new Context("2", "C76-C80", "C79.19", NoteKind.INCLUSION_TERM, null));
        assertThat(entries.get(9).location()).hasToString("t.pdf p.1 l.10");
    }

    @Test
    void aNoteIsAnItemOfTheHeaderOnlyWhenIndentedUnderIt() {
        List<TabularAddendaEntry> entries = chapterTwo()
                .bold(Action.NO_CHANGE, 90, "C96 Other and unspecified malignant neoplasms of lymphoid tissue")
                .bold(Action.NO_CHANGE, 111, "C96.2 Malignant mast cell neoplasm")
                .bold(Action.NO_CHANGE, 140, "Excludes1:")
                .regular(Action.REVISE_FROM, 195, "indolent mastocytosis (D47.0)")
                .regular(Action.REVISE_TO, 195, "indolent mastocytosis (D47.02)")
                .regular(Action.ADD, 140, "Mast cell sarcoma")
                .parse();

        TabularAddendaEntry revised = entries.get(6);
        assertThat(revised).extracting(TabularAddendaEntry::action, TabularAddendaEntry::subject, TabularAddendaEntry::noteKind,
                TabularAddendaEntry::text).containsExactly(Action.REVISE_TO, Subject.NOTE_ITEM, NoteKind.EXCLUDES1, "indolent mastocytosis (D47.02)");
        assertThat(revised.revisedFrom()).extracting(TabularAddendaEntry::action, TabularAddendaEntry::text)
                .containsExactly(Action.REVISE_FROM, "indolent mastocytosis (D47.0)");
        assertThat(revised.revisedFrom().location().line()).isEqualTo(7);
        assertThat(revised.location().line()).isEqualTo(8);
        // back at the header's indentation: an inclusion term of C96.2, not an Excludes1
        assertThat(entries.get(7)).extracting(TabularAddendaEntry::subject, TabularAddendaEntry::noteKind)
                .containsExactly(Subject.INCLUSION_TERM, NoteKind.INCLUSION_TERM);
        assertThat(entries.get(7).context().code()).isEqualTo("C96.2");
    }

    @Test
    void aLeadInInAnExcludesListTakesTheItemsPrintedAtItsOwnIndentation() {
        List<TabularAddendaEntry> entries = new Lines().chapter(1)
                .bold(Action.NO_CHANGE, 90, "Certain infectious and parasitic diseases (A00-B99)")
                .bold(Action.NO_CHANGE, 90, "Helminthiases (B65-B83)")
                .bold(Action.NO_CHANGE, 90, "B81 Other intestinal helminthiases, not elsewhere classified")
                .bold(Action.NO_CHANGE, 111, "Excludes1:")
                .regular(Action.REVISE_FROM, 166, "angiostrongyliasis due to Parastrongylus cantonensis (B83.2)")
                .regular(Action.REVISE_TO, 166, "angiostrongyliasis due to:")
                .regular(Action.ADD, 166, "Angiostrongylus cantonensis (B83.2)")
                .regular(Action.ADD, 166, "Parastrongylus cantonensis (B83.2)")
                .regular(Action.ADD, 166, "intestinal angiostrongyliasis (B81.3)")
                .parse();

        assertThat(entries.subList(5, 9)).extracting(TabularAddendaEntry::subject, e -> e.context().leadIn()).containsExactly(
                tuple(Subject.LEAD_IN, null),
                tuple(Subject.NOTE_ITEM, "angiostrongyliasis due to:"),
                tuple(Subject.NOTE_ITEM, "angiostrongyliasis due to:"),
                // sorts before "Parastrongylus" and after the lead-in: back in the Excludes1 list
                tuple(Subject.NOTE_ITEM, null));
        assertThat(entries.get(5).revisedFrom().subject()).isEqualTo(Subject.NOTE_ITEM);
    }

    @Test
    void aHeaderEndingWithAColonTakesTheMoreIndentedLinesAsItsItems() {
        List<TabularAddendaEntry> entries = new Lines().chapter(2)
                .bold(Action.NO_CHANGE, 90, "Neoplasms (C00-D49)")
                .bold(Action.NO_CHANGE, 90, "Neoplasms of uncertain behavior (D37-D48)")
                .bold(Action.ADD, 140, "D47.02 Systemic mastocytosis")
                .bold(Action.ADD, 175, "Code also, if applicable, any associated hematological non-mast cell lineage disease,")
                .add(null, 222, 10, false, "such as:")
                .regular(Action.ADD, 222, "acute myeloid leukemia (C92.6-, C92.A-)")
                .bold(Action.ADD, 175, "Excludes1: aggressive systemic mastocytosis (C96.21)")
                .regular(Action.ADD, 230, "mast cell leukemia (C94.3-)")
                .bold(Action.ADD, 175, "Use Additional code to identify:")
                .bold(Action.ADD, 175, "Code first, if applicable:")
                .bold(Action.ADD, 175, "Note: Use this code with care")
                .parse();

        TabularAddendaEntry codeAlso = entries.get(4);
        assertThat(codeAlso).extracting(TabularAddendaEntry::subject, TabularAddendaEntry::noteKind, TabularAddendaEntry::text)
                .containsExactly(Subject.NOTE_HEADER, NoteKind.CODE_ALSO,
                        ", if applicable, any associated hematological non-mast cell lineage disease, such as:");
        assertThat(entries.get(5).context().leadIn()).isEqualTo(codeAlso.text());
        assertThat(entries.get(5).subject()).isEqualTo(Subject.NOTE_ITEM);
        assertThat(entries.get(7)).extracting(TabularAddendaEntry::noteKind, e -> e.context().leadIn())
                .containsExactly(NoteKind.EXCLUDES1, null);
        assertThat(entries.subList(8, 11)).extracting(TabularAddendaEntry::noteKind, TabularAddendaEntry::text).containsExactly(
                tuple(NoteKind.USE_ADDITIONAL_CODE, "code to identify:"),
                tuple(NoteKind.CODE_FIRST, ", if applicable:"),
                tuple(NoteKind.NOTES, "Use this code with care"));
    }

    @Test
    void readsSeventhCharacterNotesAndDefinitions() {
        List<TabularAddendaEntry> entries = new Lines().chapter(19)
                .bold(Action.NO_CHANGE, 90, "Injury, poisoning and certain other consequences of external causes (S00-T88)")
                .bold(Action.NO_CHANGE, 90, "Injuries involving multiple body regions (T07)")
                .bold(Action.NO_CHANGE, 90, "T07 Unspecified multiple injuries")
                .regular(Action.ADD, 109, "The appropriate 7th character is to be added to code T07")
                .regular(Action.ADD, 119, "A initial encounter")
                .regular(Action.ADD, 119, "S sequela")
                .bold(Action.NO_CHANGE, 109, "Excludes1:")
                .regular(Action.ADD, 164, "A injury NOS (T14.90)")
                .parse();

        assertThat(entries.subList(4, 9)).extracting(TabularAddendaEntry::subject, TabularAddendaEntry::code,
                TabularAddendaEntry::noteKind, TabularAddendaEntry::text).containsExactly(
                tuple(Subject.NOTE_ITEM, null, NoteKind.SEVENTH_CHARACTER_NOTE, "The appropriate 7th character is to be added to code T07"),
                tuple(Subject.SEVENTH_CHARACTER, "A", null, "initial encounter"),
                tuple(Subject.SEVENTH_CHARACTER, "S", null, "sequela"),
                tuple(Subject.NOTE_HEADER, null, NoteKind.EXCLUDES1, ""),
                // after a header, a letter and a word are just a note
                tuple(Subject.NOTE_ITEM, null, NoteKind.EXCLUDES1, "A injury NOS (T14.90)"));
        assertThat(entries.get(5).context().code()).isEqualTo("T07");
    }

    @Test
    void joinsWrappedLinesAndSkipsPageTitles() {
        List<TabularAddendaEntry> entries = new Lines()
                .add(null, 71, 18, true, "ICD-10-CM TABULAR LIST of DISEASES and INJURIES")
                .add(null, 245, 18, true, "2018 Addenda")
                .chapter(5)
                .bold(Action.NO_CHANGE, 90, "Mental, Behavioral and Neurodevelopmental disorders (F01-F99)")
                .bold(Action.NO_CHANGE, 90, "Behavioral and emotional disorders with onset usually occurring in childhood and adolescence (F90-")
                .add(null, 90, 10, true, "F98)")
                .bold(Action.NO_CHANGE, 140, "F13.24 Sedative, hypnotic or anxiolytic dependence with sedative, hypnotic or anxiolytic-")
                .add(null, 175, 10, true, "induced mood disorder")
                .regular(Action.ADD, 175, "Sedative use disorder, moderate, with sedative-induced bipolar or related")
                .add(null, 175, 10, false, "disorder")
                .parse();

        assertThat(entries).extracting(TabularAddendaEntry::subject, TabularAddendaEntry::code, TabularAddendaEntry::text).containsExactly(
                tuple(Subject.CHAPTER, "5", "Chapter 5"),
                tuple(Subject.CHAPTER_TITLE, "5", "Mental, Behavioral and Neurodevelopmental disorders (F01-F99)"),
                tuple(Subject.SECTION, "F90-F98", "Behavioral and emotional disorders with onset usually occurring in childhood and adolescence (F90-F98)"),
                tuple(Subject.CODE, "F13.24", "Sedative, hypnotic or anxiolytic dependence with sedative, hypnotic or anxiolytic-induced mood disorder"),
                tuple(Subject.INCLUSION_TERM, null, "Sedative use disorder, moderate, with sedative-induced bipolar or related disorder"));
        assertThat(entries.get(0).location().line()).isEqualTo(3);
    }

    @Test
    void keepsAChaptersListOfBlocksApartAndRenamesSections() {
        List<TabularAddendaEntry> entries = new Lines().chapter(9)
                .bold(Action.NO_CHANGE, 90, "Diseases of the circulatory system (I00-I99)")
                .regular(Action.NO_CHANGE, 90, "This chapter contains the following blocks:")
                .regular(Action.REVISE_FROM, 100, "I10-I16 Hypertensive diseases")
                .regular(Action.REVISE_TO, 100, "I10-I1A Hypertensive diseases")
                .add(Action.REVISE_FROM, 92, 9, true, "Hypertensive diseases (I10-I16)")
                // printed by mistake in the action column's 8 pt italic: read like the "Revise from" line
                .add(Action.REVISE_TO, 70, 8, false, "Hypertensive diseases (I10-I1A)")
                .bold(Action.ADD, 90, "I1A Other hypertension")
                .add(Action.REVISE_FROM, 36, 8, false, "lone revise")
                .parse();

        assertThat(entries).extracting(TabularAddendaEntry::action, TabularAddendaEntry::subject, TabularAddendaEntry::code).containsExactly(
                tuple(Action.NO_CHANGE, Subject.CHAPTER, "9"),
                tuple(Action.NO_CHANGE, Subject.CHAPTER_TITLE, "9"),
                tuple(Action.NO_CHANGE, Subject.BLOCK_LIST, null),
                tuple(Action.REVISE_TO, Subject.BLOCK_LIST, null),
                tuple(Action.REVISE_TO, Subject.SECTION, "I10-I1A"),
                tuple(Action.ADD, Subject.CODE, "I1A"),
                tuple(Action.REVISE_FROM, Subject.INCLUSION_TERM, null));
        assertThat(entries.get(4).revisedFrom().code()).isEqualTo("I10-I16");
        assertThat(entries.get(5).context().section()).isEqualTo("I10-I1A");
        assertThat(entries.get(6).revisedFrom()).isNull();
    }

    @Test
    void readsAPdfLaidOutLikeTheCdcs() throws IOException {
        byte[] pdf = new AddendaPdf()
                .title("ICD-10-CM TABULAR LIST of DISEASES and INJURIES")
                .line("No Change", 90, AddendaPdf.CHAPTER, "Chapter 3")
                .line("No Change", 90, AddendaPdf.BOLD, "Diseases of the blood and blood-forming organs (D50-D89)")
                .line("No Change", 90, AddendaPdf.BOLD, "Aplastic and other anemias (D60-D64)")
                .line("No Change", 90, AddendaPdf.BOLD, "D63 Anemia in chronic diseases classified elsewhere")
                .line("No Change", 111, AddendaPdf.BOLD, "D63.0 Anemia in neoplastic disease")
                .line("Delete", 140, AddendaPdf.BOLD, "Excludes1: anemia due to antineoplastic chemotherapy (D64.81)")
                .newPage()
                .line("Add", 140, AddendaPdf.BOLD, "Excludes2: anemia due to antineoplastic chemotherapy (D64.81)")
                .line("Add", 195, AddendaPdf.REGULAR, "aplastic anemia due to antineoplastic chemotherapy")
                .continuation(195, AddendaPdf.REGULAR, "(D61.1)")
                .line("Add", 140, AddendaPdf.REGULAR, "Anemia in neoplastic disease NOS")
                .bytes();

        List<TabularAddendaEntry> entries = new TabularAddendaParser().parse("tabular-addenda.pdf", new ByteArrayInputStream(pdf));

        assertThat(entries).extracting(TabularAddendaEntry::action, TabularAddendaEntry::subject, TabularAddendaEntry::noteKind,
                TabularAddendaEntry::text).containsExactly(
                tuple(Action.NO_CHANGE, Subject.CHAPTER, null, "Chapter 3"),
                tuple(Action.NO_CHANGE, Subject.CHAPTER_TITLE, null, "Diseases of the blood and blood-forming organs (D50-D89)"),
                tuple(Action.NO_CHANGE, Subject.SECTION, null, "Aplastic and other anemias (D60-D64)"),
                tuple(Action.NO_CHANGE, Subject.CODE, null, "Anemia in chronic diseases classified elsewhere"),
                tuple(Action.NO_CHANGE, Subject.CODE, null, "Anemia in neoplastic disease"),
                tuple(Action.DELETE, Subject.NOTE_HEADER, NoteKind.EXCLUDES1, "anemia due to antineoplastic chemotherapy (D64.81)"),
                tuple(Action.ADD, Subject.NOTE_HEADER, NoteKind.EXCLUDES2, "anemia due to antineoplastic chemotherapy (D64.81)"),
                tuple(Action.ADD, Subject.NOTE_ITEM, NoteKind.EXCLUDES2, "aplastic anemia due to antineoplastic chemotherapy (D61.1)"),
                tuple(Action.ADD, Subject.INCLUSION_TERM, NoteKind.INCLUSION_TERM, "Anemia in neoplastic disease NOS"));
        assertThat(entries.get(6).context()).isEqualTo(new Context("3", "D60-D64", "D63.0", NoteKind.EXCLUDES2, null));
        assertThat(entries.get(5).location()).hasToString("tabular-addenda.pdf p.1 l.7");
        assertThat(entries.get(6).location()).hasToString("tabular-addenda.pdf p.2 l.1");
        assertThat(entries.get(8).location().line()).isEqualTo(4);
    }

    @Test
    void rejectsWhatIsNotATabularAddenda() throws IOException {
        assertThatThrownBy(() -> new TabularAddendaParser().parse("notes.pdf",
                new ByteArrayInputStream("not a pdf".getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("notes.pdf")
                .hasMessageContaining("not a readable PDF");

        byte[] noActions = new AddendaPdf().title("ICD-10-CM Official Guidelines").bytes();
        assertThatThrownBy(() -> new TabularAddendaParser().parse("guidelines.pdf", new ByteArrayInputStream(noActions)))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("not an ICD-10-CM tabular addenda");
    }
}
