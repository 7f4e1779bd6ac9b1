package org.codedesk.catalog.source.icd10cm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.codedesk.catalog.source.SourceFormatException;
import org.junit.jupiter.api.Test;

class IndexParserTest {

    private final IndexParser parser = new IndexParser();

    private IndexFile fixture(IndexKind kind, String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/icd10cm/" + name)) {
            return parser.parse(kind, name, in);
        }
    }

    private IndexFile parse(String xml) {
        return parser.parse(IndexKind.INDEX, "test.xml", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTermsInDocumentOrderWithNestingAndPaths() throws Exception {
        IndexFile file = fixture(IndexKind.INDEX, "mini-index.xml");

        assertThat(file.kind()).isEqualTo(IndexKind.INDEX);
        assertThat(file.version()).isEqualTo("2099");
        assertThat(file.title()).isEqualTo("MINI INDEX FOR TESTS");
        assertThat(file.headings()).isEmpty();
        assertThat(file.terms()).extracting(IndexTerm::id, IndexTerm::parentId, IndexTerm::level, IndexTerm::letter)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, 0, 0, "B"),
                        org.assertj.core.groups.Tuple.tuple(2, 1, 1, "B"),
                        org.assertj.core.groups.Tuple.tuple(3, 2, 2, "B"),
                        org.assertj.core.groups.Tuple.tuple(4, 1, 1, "B"),
                        org.assertj.core.groups.Tuple.tuple(5, 0, 0, "B"),
                        org.assertj.core.groups.Tuple.tuple(6, 0, 0, "C"));
        assertThat(file.terms()).map(file::path).containsExactly(
                "Blorbitis", "Blorbitis > acute", "Blorbitis > acute > with fever", "Blorbitis > lateral",
                "Bumpus & Crane disease", "Crumple");
        assertThat(file.children(file.term(1))).extracting(IndexTerm::title).containsExactly("acute", "lateral");
    }

    @Test
    void separatesNemodAndReadsReferences() throws Exception {
        IndexFile file = fixture(IndexKind.INDEX, "mini-index.xml");

        IndexTerm main = file.term(1);
        assertThat(main.title()).isEqualTo("Blorbitis");
        assertThat(main.nonessentialModifiers()).isEqualTo("(chronic) (recurrent)");
        assertThat(main.code()).isEqualTo("X01.9");

        IndexTerm fever = file.findByPath("Blorbitis > acute > with fever").orElseThrow();
        assertThat(fever.title()).isEqualTo("with fever"); // nemod sat in the middle of the title
        assertThat(fever.nonessentialModifiers()).isEqualTo("(any)");
        assertThat(fever.code()).isEqualTo("X01.01");
        assertThat(fever.manifestationCode()).isEqualTo("Y02.1");

        assertThat(file.findByPath("Blorbitis > lateral").orElseThrow().see()).isEqualTo("Blorbitis, acute");
        IndexTerm bumpus = file.term(5);
        assertThat(bumpus.seeAlso()).isEqualTo("Blorbitis");
        assertThat(bumpus.seeCategory()).isEqualTo("X02");
        assertThat(bumpus.code()).isNull();
        assertThat(file.term(6).subcategory()).isEqualTo("X03.1");
        assertThat(file.findByPath("Blorbitis > chronic")).isEmpty();
    }

    @Test
    void readsTableCellsWithTheirHeadings() throws Exception {
        IndexFile file = fixture(IndexKind.DRUG, "mini-drug.xml");

        assertThat(file.title()).isNull();
        assertThat(file.headings()).containsExactly("Substance", "Poisoning Accidental", "Adverse effect", "Underdosing");
        IndexTerm fizzium = file.term(1);
        assertThat(fizzium.title()).isEqualTo("Fizzium");
        assertThat(fizzium.cells()).containsExactly(
                new IndexCell(2, "Poisoning Accidental", "X10.1X1"),
                new IndexCell(3, "Adverse effect", null),
                new IndexCell(4, "Underdosing", "X10.1X6"));
        IndexTerm compound = file.findByPath("Fizzium > compound").orElseThrow();
        assertThat(compound.cells()).extracting(IndexCell::code).containsExactly("X10.2X1", "X10.2X5", null);
        assertThat(file.term(3).see()).isEqualTo("Fizzium, compound");
        assertThat(file.term(3).cells()).isEmpty();
    }

    @Test
    void rejectsALevelThatSkips() {
        String xml = """
                <ICD10CM.index>
                  <letter><title>A</title>
                    <mainTerm><title>Alpha</title>
                      <term level="1"><title>one</title>
                        <term level="3"><title>three</title></term>
                      </term>
                    </mainTerm>
                  </letter>
                </ICD10CM.index>
                """;
        assertThatThrownBy(() -> parse(xml))
                .isInstanceOfSatisfying(SourceFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo("test.xml");
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.reason()).contains("level 3 directly under level 1");
                });
    }

    @Test
    void rejectsACellColumnWithoutHeading() {
        String xml = """
                <ICD10CM.index>
                  <indexHeading><head col="1">Substance</head><head col="2">Accidental</head></indexHeading>
                  <letter><title>A</title>
                    <mainTerm><title>Alpha</title>
                      <cell col="2">X01.1</cell>
                      <cell col="3">X01.2</cell>
                    </mainTerm>
                  </letter>
                </ICD10CM.index>
                """;
        assertThatThrownBy(() -> parse(xml))
                .isInstanceOfSatisfying(SourceFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(6);
                    assertThat(e.reason()).contains("cell column 3 has no heading");
                });
    }

    @Test
    void rejectsCellsInAnIndexWithoutHeadings() {
        String xml = "<ICD10CM.index><letter><title>A</title>\n<mainTerm><title>Alpha</title><cell col=\"1\">X</cell>"
                + "</mainTerm></letter></ICD10CM.index>";
        assertThatThrownBy(() -> parse(xml))
                .isInstanceOfSatisfying(SourceFormatException.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void rejectsTruncatedXml() {
        String xml = """
                <ICD10CM.index>
                  <letter><title>A</title>
                    <mainTerm><title>Alpha</title>
                      <code>X01.1</co""";
        assertThatThrownBy(() -> parse(xml))
                .isInstanceOfSatisfying(SourceFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo("test.xml");
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.reason()).startsWith("malformed XML");
                });
    }

    @Test
    void rejectsMismatchedTags() {
        String xml = "<ICD10CM.index>\n<letter><title>A</title>\n<mainTerm><title>Alpha</mainTerm>\n</letter></ICD10CM.index>";
        assertThatThrownBy(() -> parse(xml))
                .isInstanceOfSatisfying(SourceFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).startsWith("test.xml:3: malformed XML");
                });
    }

    @Test
    void rejectsUnknownElementsAndMissingTitles() {
        String unknown = "<ICD10CM.index><letter><title>A</title>\n<mainTerm><title>Alpha</title>\n<warning>x</warning>"
                + "</mainTerm></letter></ICD10CM.index>";
        assertThatThrownBy(() -> parse(unknown))
                .isInstanceOfSatisfying(SourceFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.reason()).isEqualTo("unexpected element <warning>");
                });
        String noTitle = "<ICD10CM.index><letter><title>A</title>\n<mainTerm><code>X01</code></mainTerm></letter></ICD10CM.index>";
        assertThatThrownBy(() -> parse(noTitle))
                .isInstanceOfSatisfying(SourceFormatException.class, e -> assertThat(e.reason()).contains("without <title>"));
        assertThatThrownBy(() -> parse("<index/>"))
                .isInstanceOfSatisfying(SourceFormatException.class, e -> assertThat(e.reason()).contains("root element"));
    }
}
