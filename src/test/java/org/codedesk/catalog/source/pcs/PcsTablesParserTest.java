package org.codedesk.catalog.source.pcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.codedesk.catalog.source.SourceFormatException;
import org.junit.jupiter.api.Test;

class PcsTablesParserTest {

    private static final String FILE = "tables.xml";
    private final String xml = PcsFixtures.read(FILE);
    private final PcsTablesParser parser = new PcsTablesParser();

    private PcsTables parse(String content) {
        return parser.parse(FILE, PcsFixtures.stream(content));
    }

    private SourceFormatException failure(String content) {
        return catchThrowableOfType(SourceFormatException.class, () -> parse(content));
    }

    @Test
    void readsTablesHeadersAndRows() {
        PcsTables tables = parse(xml);

        assertThat(tables.version()).isEqualTo("2099");
        assertThat(tables.tables()).extracting(PcsTable::code).containsExactly("0X5", "BX0");
        PcsTable destruction = tables.tables().get(0);
        assertThat(destruction.header()).extracting(PcsAxis::position).containsExactly(1, 2, 3);
        assertThat(destruction.operationDefinition()).isEqualTo("Fixture wording: wiping out a body part on the spot");
        assertThat(destruction.rows()).extracting(PcsRow::number).containsExactly(1, 2);
        assertThat(destruction.rows().get(0).axes()).extracting(PcsAxis::position).containsExactly(4, 5, 6, 7);
        assertThat(destruction.rows().get(0).axes().get(1).labels())
            .containsExactly(new PcsLabel("0", "Open"), new PcsLabel("3", "Percutaneous"),
                new PcsLabel("4", "Percutaneous Endoscopic"));
        // Only operations carry a definition; other third axes (here an imaging type) have none.
        assertThat(tables.tables().get(1).operationDefinition()).isNull();
    }

    @Test
    void expandsRowsIntoEveryCombination() {
        PcsTables tables = parse(xml);
        PcsTable destruction = tables.tables().get(0);

        List<String> firstRow = destruction.rows().get(0).codes("0X5").toList();
        assertThat(firstRow).hasSize(12).doesNotHaveDuplicates()
            .startsWith("0X500ZX", "0X500ZZ", "0X503ZX")
            .endsWith("0X514ZZ")
            .contains("0X513ZX")
            .allMatch(code -> code.length() == 7);
        assertThat(destruction.rows().get(1).codes("0X5")).containsExactly("0X52XZZ");
        assertThat(destruction.codes()).hasSize(13);
        assertThat(destruction.codeCount()).isEqualTo(13);
        assertThat(tables.tables().get(1).codes()).containsExactly("BX070ZZ", "BX07ZZZ", "BX080ZZ", "BX08ZZZ");
        assertThat(tables.codes()).hasSize(17).doesNotHaveDuplicates();
        assertThat(tables.codeCount()).isEqualTo(17);
    }

    @Test
    void findsTheRowOfACode() {
        PcsTable destruction = parse(xml).tables().get(0);

        assertThat(destruction.rowOf("0X513ZX")).map(PcsRow::number).contains(1);
        assertThat(destruction.rowOf("0X52XZZ")).map(PcsRow::number).contains(2);
        // Body part 2 exists only in row 2, with the external approach only.
        assertThat(destruction.rowOf("0X520ZZ")).isEmpty();
        assertThat(destruction.rowOf("BX070ZZ")).isEmpty();
        assertThat(destruction.rowOf("0X5")).isEmpty();
    }

    @Test
    void describesEachCharacterOfACode() {
        PcsTables tables = parse(xml);

        assertThat(tables.describe("0X513ZX")).hasValueSatisfying(meaning -> assertThat(meaning).containsExactly(
            new PcsCharacter(1, "Section", "0", "Medical and Surgical"),
            new PcsCharacter(2, "Body System", "X", "Fixture Body System"),
            new PcsCharacter(3, "Operation", "5", "Destruction"),
            new PcsCharacter(4, "Body Part", "1", "Fixture Part Beta"),
            new PcsCharacter(5, "Approach", "3", "Percutaneous"),
            new PcsCharacter(6, "Device", "Z", "No Device"),
            new PcsCharacter(7, "Qualifier", "X", "Diagnostic")));
        assertThat(tables.describe("BX08ZZZ")).hasValueSatisfying(meaning -> assertThat(meaning)
            .extracting(PcsCharacter::axisTitle, PcsCharacter::valueText)
            .contains(tuple("Contrast", "None"),
                tuple("Body Part", "Fixture Part Epsilon")));
        assertThat(tables.describe("0X520ZZ")).isEmpty();
        assertThat(tables.describe("0Y513ZX")).isEmpty();
        assertThat(tables.table("0X5")).map(PcsTable::code).contains("0X5");
    }

    @Test
    void rejectsARowWhoseDeclaredCountDiffersFromItsExpansion() {
        String broken = xml.replace("<pcsRow codes=\"12\">", "<pcsRow codes=\"11\">");

        SourceFormatException e = failure(broken);

        assertThat(e.file()).isEqualTo(FILE);
        assertThat(e.line()).isEqualTo(PcsFixtures.lineOf(broken, "<pcsRow codes=\"11\">"));
        assertThat(e.reason()).contains("codes=\"11\"").contains("12");
    }

    @Test
    void rejectsAnAxisWhoseDeclaredValuesDifferFromItsLabels() {
        String broken = xml.replace("<axis pos=\"5\" values=\"3\">", "<axis pos=\"5\" values=\"2\">");

        SourceFormatException e = failure(broken);

        assertThat(e.line()).isEqualTo(PcsFixtures.lineOf(broken, "<axis pos=\"5\" values=\"2\">"));
        assertThat(e.reason()).contains("values=\"2\"").contains("3 labels");
    }

    @Test
    void rejectsARowMissingAnAxis() {
        int start = xml.indexOf("      <axis pos=\"7\" values=\"1\">");
        int end = xml.indexOf("</axis>", start) + "</axis>\n".length();
        String broken = xml.substring(0, start) + xml.substring(end);

        SourceFormatException e = failure(broken);

        assertThat(e.reason()).contains("expected positions 4 to 7");
        assertThat(e.line()).isEqualTo(PcsFixtures.lineOf(broken, "<pcsRow codes=\"1\">"));
    }

    @Test
    void rejectsAxesOutOfPositionAndLongLabelCodes() {
        assertThat(failure(xml.replace("<axis pos=\"2\" values=\"1\">", "<axis pos=\"4\" values=\"1\">")).reason())
            .contains("position 2 was expected");
        String longCode = xml.replace("<label code=\"Z\">No Device</label>", "<label code=\"ZZ\">No Device</label>");
        SourceFormatException e = failure(longCode);
        assertThat(e.reason()).contains("\"ZZ\"");
        assertThat(e.line()).isEqualTo(PcsFixtures.lineOf(longCode, "code=\"ZZ\""));
    }

    @Test
    void rejectsTruncatedXmlWithFileAndLine() {
        String truncated = xml.substring(0, xml.indexOf("<pcsRow codes=\"4\">") + 30);

        SourceFormatException e = failure(truncated);

        assertThat(e.file()).isEqualTo(FILE);
        assertThat(e.line()).isEqualTo(PcsFixtures.lineOf(truncated, "<pcsRow codes=\"4\">") + 1);
        assertThat(e.reason()).startsWith("malformed XML");
        assertThat(e.getMessage()).startsWith(FILE + ":" + e.line() + ": ");
    }

    @Test
    void rejectsAnotherDocument() {
        SourceFormatException e = failure(PcsFixtures.read("index.xml"));

        assertThat(e.reason()).contains("ICD10PCS.tabular").contains("ICD10PCS.index");
    }
}
