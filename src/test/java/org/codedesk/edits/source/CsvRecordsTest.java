package org.codedesk.edits.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    private static List<CsvRecords.Record> records(String text) {
        List<CsvRecords.Record> all = new ArrayList<>();
        CsvRecords.of(EditsFixtures.text(text), "t.csv").forEach(all::add);
        return all;
    }

    @Test
    void readsQuotedCommasDoubledQuotesAndLineBreaksWithStartLines() {
        List<CsvRecords.Record> rows = records(
                "\"notice,\r\n\r\nmore\",,\r\n\"HCPCS/\nCPT Code\",\"say \"\"hi\"\"\",x\r\n0001U,1,\"\"\r\nlast,row");

        assertThat(rows).extracting(CsvRecords.Record::line).containsExactly(1L, 4L, 6L, 7L);
        assertThat(rows.get(0).fields()).containsExactly("notice,\n\nmore", "", "");
        assertThat(rows.get(1).fields()).containsExactly("HCPCS/\nCPT Code", "say \"hi\"", "x");
        assertThat(rows.get(2).fields()).containsExactly("0001U", "1", "");
        assertThat(rows.get(3).fields()).containsExactly("last", "row");
    }

    @Test
    void blankLineIsOneEmptyFieldAndFinalNewlineAddsNothing() {
        List<CsvRecords.Record> rows = records("a,b\n\n,,\nc\n");

        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).fields()).containsExactly("");
        assertThat(rows.get(1).isBlank()).isTrue();
        assertThat(rows.get(2).isBlank()).isTrue();
        assertThat(rows.get(3).field(5)).isEmpty();
    }

    @Test
    void decodesWindows1252AndUtf8WithBom() {
        byte[] cp1252 = {'a', (byte) 0x92, 'b', ',', (byte) 0xA9};
        CsvRecords.Record r = CsvRecords.of(new ByteArrayInputStream(cp1252), "t.csv").next();
        assertThat(r.fields()).containsExactly("a\u2019b", "\u00A9");

        byte[] bom = "\uFEFFEmergency Room \u2013 Hospital,x".getBytes(StandardCharsets.UTF_8);
        CsvRecords.Record u = CsvRecords.of(new ByteArrayInputStream(bom), "t.csv").next();
        assertThat(u.fields()).containsExactly("Emergency Room \u2013 Hospital", "x");
    }

    @Test
    void readsOtherDelimiters() {
        CsvRecords records = CsvRecords.of(EditsFixtures.text("a\t\"b,c\"\td\n"), "t.tsv", '\t');

        assertThat(records.next().fields()).containsExactly("a", "b,c", "d");
        assertThat(records.next()).isNull();
    }

    @Test
    void rejectsUnterminatedQuoteAtItsStartLine() {
        assertThatThrownBy(() -> records("a,b\n\"never\nclosed,c\n"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("t.csv:2: quoted field never closed (truncated file?)");
    }

    @Test
    void rejectsTextAfterClosingQuote() {
        assertThatThrownBy(() -> records("x\n\"a\"b,c\n"))
                .isInstanceOf(EditsFileException.class)
                .hasMessageStartingWith("t.csv:2: ");
    }
}
