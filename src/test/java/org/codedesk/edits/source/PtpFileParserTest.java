package org.codedesk.edits.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PtpFileParserTest {

    private static final String HEADER = "CPT only copyright 2025 American Medical Association.\r\n"
            + "Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date *=no data\t"
            + "Modifier 0=not allowed 1=allowed 9=not applicable\tPTP Edit Rationale\r\n";

    private static List<PtpRow> parse(String text) {
        List<PtpRow> rows = new ArrayList<>();
        PtpFileParser.parse(EditsFixtures.text(text), "ccipra-test.txt", rows::add);
        return rows;
    }

    @Test
    void readsFixtureInCmsLayout() {
        List<PtpRow> rows = new ArrayList<>();
        PtpFileParser.parse(EditsFixtures.open("ptp-practitioner.txt"), "ptp-practitioner.txt", rows::add);

        assertThat(rows).hasSize(10);
        assertThat(rows.get(0)).isEqualTo(new PtpRow("0001U", "G0480", false, LocalDate.of(2021, 1, 1), null, 1,
                "Misuse of column two code with column one code"));
        assertThat(rows.get(3)).isEqualTo(new PtpRow("27447", "20610", true, LocalDate.of(1996, 1, 1), null, 1,
                "Standards of medical / surgical practice"));
        assertThat(rows.get(4).deleted()).isEqualTo(LocalDate.of(2012, 12, 31));
        assertThat(rows.get(5).modifierIndicator()).isEqualTo(9);
        assertThat(rows.get(6)).isEqualTo(new PtpRow("43235", "43200", true, LocalDate.of(1996, 1, 1),
                LocalDate.of(2001, 1, 1), 0, "CPT separate procedure definition"));
        // Enclosing quotes are dropped; 0x92 decodes as a right single quote.
        assertThat(rows.get(8).rationale()).isEqualTo("Standards of medical / surgical practice");
        assertThat(rows.get(9).rationale()).isEqualTo("Physician\u2019s standards of practice");
        assertThat(rows).filteredOn(PtpRow::priorTo1996).hasSize(2);
        assertThat(rows).filteredOn(r -> r.deleted() == null).hasSize(8);
    }

    @Test
    void readsOneLineHeaderWithoutExplanationRows() {
        List<PtpRow> rows = parse(HEADER + "99213\t36415\t\t20150101\t*\t1\tMisuse\r\n");

        assertThat(rows).containsExactly(
                new PtpRow("99213", "36415", false, LocalDate.of(2015, 1, 1), null, 1, "Misuse"));
    }

    @Test
    void rejectsBadDateWithItsLine() {
        assertThatThrownBy(() -> parse(HEADER + "99213\t36415\t\t20150101\t*\t1\tok\r\n"
                + "99214\t36415\t\t2015013\t*\t1\tbad\r\n"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("ccipra-test.txt:4: Effective Date: '2015013' is not a YYYYMMDD date");
        assertThatThrownBy(() -> parse(HEADER + "99213\t36415\t\t20150231\t*\t1\tok\r\n"))
                .hasMessage("ccipra-test.txt:3: Effective Date: '20150231' is not a valid date");
    }

    @Test
    void rejectsUnknownModifierIndicator() {
        assertThatThrownBy(() -> parse(HEADER + "99213\t36415\t\t20150101\t*\t2\tok\r\n"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("ccipra-test.txt:3: Modifier: expected 0, 1 or 9, found '2'");
    }

    @Test
    void rejectsTruncatedRow() {
        List<PtpRow> seen = new ArrayList<>();
        assertThatThrownBy(() -> PtpFileParser.parse(EditsFixtures.text(
                HEADER + "99213\t36415\t\t20150101\t*\t1\tok\r\n99214\t36415\t\t2015"), "ccipra-test.txt", seen::add))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("ccipra-test.txt:4: expected 7 columns, found 4 (truncated row?)");
        // Streaming: the good row had already reached the sink.
        assertThat(seen).hasSize(1);
    }

    @Test
    void rejectsGarbageAfterTheFirstEdit() {
        assertThatThrownBy(() -> parse(HEADER + "99213\t36415\t\t20150101\t*\t1\tok\r\nnot a row\r\n"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("ccipra-test.txt:4: Column 1: 'not a row' is not a HCPCS/CPT code");
    }

    @Test
    void rejectsMissingHeaderAndEmptyTable() {
        assertThatThrownBy(() -> parse("99213\t36415\t\t20150101\t*\t1\tok\r\n"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("ccipra-test.txt: no header row starting with 'Column 1', 'Column 2'");
        assertThatThrownBy(() -> parse(HEADER))
                .isInstanceOf(EditsFileException.class)
                .hasMessageStartingWith("ccipra-test.txt:2: no edit rows");
    }
}
