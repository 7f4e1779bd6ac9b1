package org.codedesk.edits.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class GemFileParserTest {

    private static List<GemRow> parse(String text) {
        List<GemRow> rows = new ArrayList<>();
        GemFileParser.parse(EditsFixtures.text(text), "2018_I10gem.txt", rows::add);
        return rows;
    }

    @Test
    void readsFixtureWithCrlf() {
        List<GemRow> rows = new ArrayList<>();
        GemFileParser.parse(EditsFixtures.open("gem-i10-fixture.txt"), "gem-i10-fixture.txt", rows::add);

        assertThat(rows).hasSize(8);
        assertThat(rows.get(0)).isEqualTo(new GemRow("A000", "0010", false, false, false, 0, 0));
        assertThat(rows.get(1)).isEqualTo(new GemRow("A0100", "0020", true, false, false, 0, 0));
        assertThat(rows.get(4)).isEqualTo(new GemRow("E1010", "58381", true, false, true, 1, 2));
        assertThat(rows.get(6)).isEqualTo(new GemRow("R29700", "NoDx", true, true, false, 0, 0));
        assertThat(rows.get(7).source()).isEqualTo("T3811XA");
    }

    @Test
    void readsPcsTargetsAndTabs() {
        assertThat(parse("0016070\t0231  10000\n02H40NZ NoI9  10000\n")).containsExactly(
                new GemRow("0016070", "0231", true, false, false, 0, 0),
                new GemRow("02H40NZ", "NoI9", true, false, false, 0, 0));
    }

    @Test
    void rejectsMalformedFlagsWithLine() {
        assertThatThrownBy(() -> parse("A000    0010  00000\nA001    0011  2000\n"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("2018_I10gem.txt:2: flags: expected five digits abcde with a, b, c 0 or 1, found '2000'");
    }

    @Test
    void rejectsTruncatedLine() {
        assertThatThrownBy(() -> parse("A000    0010  00000\nA001    00"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("2018_I10gem.txt:2: expected source, target and flags, found 2 fields");
    }

    @Test
    void rejectsEmptyFile() {
        assertThatThrownBy(() -> parse("\r\n"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("2018_I10gem.txt: no mappings in the file");
    }
}
