package org.codedesk.catalog.source.cpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.codedesk.catalog.source.SourceFormatException;
import org.junit.jupiter.api.Test;

class CptDescriptorParserTest {

    // Descriptors here are invented placeholders, not AMA text.
    @Test
    void readsTabAndCommaSeparatedLinesWithHeader() {
        String text = "code\tdescriptor\n00001\tTest descriptor one\n0002F,\"Test, quoted \"\"two\"\"\"\n0003T,Three\n";
        assertThat(new CptDescriptorParser().parse("cpt.tsv", stream(text))).containsExactly(
                new CptDescriptor("00001", "Test descriptor one"),
                new CptDescriptor("0002F", "Test, quoted \"two\""),
                new CptDescriptor("0003T", "Three"));
    }

    @Test
    void readsMaaaAndPlaCodes() {
        assertThat(new CptDescriptorParser().parse("cpt.tsv", stream("0006M\tTest MAAA\n0001U\tTest PLA\n"))).containsExactly(
                new CptDescriptor("0006M", "Test MAAA"), new CptDescriptor("0001U", "Test PLA"));
    }

    @Test
    void rejectsNonCptCodeWithLine() {
        assertThatThrownBy(() -> new CptDescriptorParser().parse("cpt.tsv", stream("00001\tOne\nJ1100\tNot CPT\n")))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage("cpt.tsv:2: 'J1100' is not a CPT code");
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
