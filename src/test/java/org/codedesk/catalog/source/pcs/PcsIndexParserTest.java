package org.codedesk.catalog.source.pcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.codedesk.catalog.source.SourceFormatException;
import org.junit.jupiter.api.Test;

class PcsIndexParserTest {

    private static final String FILE = "index.xml";
    private final String xml = PcsFixtures.read(FILE);

    private List<PcsIndexTerm> parse(String content) {
        return new PcsIndexParser().parse(FILE, PcsFixtures.stream(content));
    }

    @Test
    void flattensTermsInDocumentOrderWithParentsAndLevels() {
        List<PcsIndexTerm> terms = parse(xml);

        assertThat(terms).hasSize(13);
        assertThat(terms).extracting(PcsIndexTerm::id).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        assertThat(terms.get(5)).isEqualTo(new PcsIndexTerm(6, 0, 0, "Destruction", null, null, null, null, null));
        assertThat(terms.get(6)).isEqualTo(new PcsIndexTerm(7, 6, 1, "Fixture Part", null, null, null, null, null));
        assertThat(terms.get(7)).isEqualTo(new PcsIndexTerm(8, 7, 2, "Alpha", "0X50", null, null, null, null));
        assertThat(terms.get(8)).isEqualTo(new PcsIndexTerm(9, 7, 2, "Gamma", null, null, null, null, null));
        assertThat(terms.get(9)).isEqualTo(new PcsIndexTerm(10, 9, 3, "Skin surface", "0X52XZZ", null, null, null,
            null));
        // A subterm that is only a cross-reference has no title of its own.
        assertThat(terms.get(10)).isEqualTo(new PcsIndexTerm(11, 6, 1, null, null, "Excision, Fixture Body System",
            "0XB", null, null));
    }

    @Test
    void separatesCrossReferenceTextFromItsCode() {
        List<PcsIndexTerm> terms = parse(xml);

        assertThat(terms.get(0)).isEqualTo(new PcsIndexTerm(1, 0, 0, "Alphaplasty", null,
            "Repair, Fixture Body System", "0XQ2", null, null));
        assertThat(terms.get(1)).isEqualTo(new PcsIndexTerm(2, 0, 0, "Alpha gadget", null, null, null,
            "Fixture General Device in", "0XH"));
        assertThat(terms.get(3)).isEqualTo(new PcsIndexTerm(4, 3, 1, null, null, null, null, "Fixture Part, Left",
            null));
        assertThat(terms.get(11)).isEqualTo(new PcsIndexTerm(12, 0, 0, "Delta imaging", "BX0", null, null, null,
            null));
        assertThat(terms.get(12)).isEqualTo(new PcsIndexTerm(13, 0, 0, "Dezapping", null, "Destruction", null, null,
            null));
    }

    @Test
    void rejectsALevelThatDisagreesWithTheNesting() {
        String broken = xml.replace("<term level=\"3\">", "<term level=\"2\">");

        SourceFormatException e = catchThrowableOfType(SourceFormatException.class, () -> parse(broken));

        assertThat(e.file()).isEqualTo(FILE);
        assertThat(e.line()).isEqualTo(PcsFixtures.lineOf(broken, "<title>Skin surface") - 1);
        assertThat(e.reason()).contains("nested at level 3");
    }

    @Test
    void rejectsTwoDestinationsAndBadCodes() {
        String twice = xml.replace("<codes>0X50</codes>", "<codes>0X50</codes><code>0X500ZZ</code>");
        assertThat(catchThrowableOfType(SourceFormatException.class, () -> parse(twice)).reason())
            .contains("more than one code");
        String bad = xml.replace("<code>0X52XZZ</code>", "<code>0X52XZ</code>");
        assertThat(catchThrowableOfType(SourceFormatException.class, () -> parse(bad)).line())
            .isEqualTo(PcsFixtures.lineOf(bad, "<code>0X52XZ</code>"));
    }

    @Test
    void rejectsTruncatedXml() {
        String truncated = xml.substring(0, xml.indexOf("<title>Gamma</title>"));

        SourceFormatException e = catchThrowableOfType(SourceFormatException.class, () -> parse(truncated));

        assertThat(e.file()).isEqualTo(FILE);
        assertThat(e.line()).isPositive();
        assertThat(e.reason()).startsWith("malformed XML");
    }
}
