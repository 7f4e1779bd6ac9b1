package org.codedesk.catalog.source.pcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.codedesk.catalog.source.SourceFormatException;
import org.junit.jupiter.api.Test;

class PcsDefinitionsParserTest {

    private static final String FILE = "definitions.xml";
    private final String xml = PcsFixtures.read(FILE);

    private List<PcsDefinition> parse(String content) {
        return new PcsDefinitionsParser().parse(FILE, PcsFixtures.stream(content));
    }

    @Test
    void readsTermsWithTheirSectionAndAxis() {
        List<PcsDefinition> definitions = parse(xml);

        assertThat(definitions).extracting(PcsDefinition::term).containsExactly(
            "Destruction", "Inspection", "Fixture Part, Left", "Fixture Part, Right", "High Osmolar");
        assertThat(definitions.get(0)).isEqualTo(new PcsDefinition("0", "Medical and Surgical", 3, "Operation",
            "Destruction", "Fixture wording: wiping out a body part on the spot", "Nothing is carried away",
            List.of("Fixture zapping of a bump")));
        assertThat(definitions.get(1).explanation()).isNull();
        assertThat(definitions.get(1).includes()).isEmpty();
        PcsDefinition imaging = definitions.get(4);
        assertThat(imaging.sectionCode()).isEqualTo("B");
        assertThat(imaging.position()).isEqualTo(5);
        assertThat(imaging.axisTitle()).isEqualTo("Contrast");
        assertThat(imaging.definition()).isNull();
        assertThat(imaging.explanation()).isEqualTo("Fixture note about contrast");
    }

    @Test
    void givesEachNamedValueOfABlockTheSharedIncludes() {
        List<PcsDefinition> definitions = parse(xml);

        assertThat(definitions.subList(2, 4)).allSatisfy(definition -> {
            assertThat(definition.position()).isEqualTo(4);
            assertThat(definition.axisTitle()).isEqualTo("Body Part");
            assertThat(definition.definition()).isNull();
            assertThat(definition.includes())
                .containsExactly("Fixture synonym one", "Fixture synonym two", "Fixture synonym three");
        });
    }

    @Test
    void rejectsUnknownElementsAndTruncation() {
        String unknown = xml.replace("<explanation>Nothing", "<note>x</note><explanation>Nothing");
        SourceFormatException e = catchThrowableOfType(SourceFormatException.class, () -> parse(unknown));
        assertThat(e.reason()).isEqualTo("unexpected <note> in <terms>");
        assertThat(e.line()).isEqualTo(PcsFixtures.lineOf(unknown, "<note>"));

        String truncated = xml.substring(0, xml.indexOf("<deviceAggregation>"));
        e = catchThrowableOfType(SourceFormatException.class, () -> parse(truncated));
        assertThat(e.file()).isEqualTo(FILE);
        assertThat(e.line()).isPositive();
        assertThat(e.reason()).startsWith("malformed XML");
    }
}
