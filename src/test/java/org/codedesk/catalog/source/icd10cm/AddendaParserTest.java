package org.codedesk.catalog.source.icd10cm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;
import org.codedesk.catalog.source.SourceFormatException;
import org.junit.jupiter.api.Test;

class AddendaParserTest {

    private final OrderAddendaParser parser = new OrderAddendaParser();

    /** Builds a line in the addenda layout: action 13 wide, flag, code 7 wide, short title 60 wide. */
    private static String line(String action, String flag, String code, String shortTitle, String longTitle) {
        return String.format("%-13s%s %-7s %-60s %s\r\n", action, flag, code, shortTitle, longTitle);
    }

    private List<AddendaEntry> parse(String text) {
        return parser.parse("addenda.txt", new ByteArrayInputStream(text.getBytes(Charset.forName("windows-1252"))));
    }

    @Test
    void readsTheFixture() throws Exception {
        List<AddendaEntry> entries;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/icd10cm/mini-order-addenda.txt")) {
            entries = parser.parse("mini-order-addenda.txt", in);
        }
        assertThat(entries).containsExactly(
                new AddendaEntry("Add", true, "X0101", "Blorbitis, acute, with fever", "Blorbitis, acute, with fever"),
                new AddendaEntry("Add", false, "X011", "Blorbitis, lateral", "Blorbitis, lateral"),
                new AddendaEntry("Delete", true, "X019", "Blorbitis, unspecified", "Blorbitis, unspecified"),
                new AddendaEntry("Revise from", true, "QA12", "Crumple, old title", "Crumple, old long title"),
                new AddendaEntry("Revise to", true, "QA12", "Crumple, new title", "Crumple of both sides, new long title"));
    }

    @Test
    void decodesWindows1252() {
        List<AddendaEntry> entries = parse(line("Add:", "1", "X01", "Sj\u00f6gren-like", "Sj\u00f6gren-like disease"));
        assertThat(entries.get(0).longDescription()).isEqualTo("Sj\u00f6gren-like disease");
    }

    @Test
    void rejectsABadFlagWithItsLine() {
        String text = line("Add:", "1", "X01", "a", "a") + line("Add:", "Y", "X02", "b", "b");
        assertThatThrownBy(() -> parse(text))
                .isInstanceOfSatisfying(SourceFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo("addenda.txt");
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.reason()).contains("billable flag");
                });
    }

    @Test
    void rejectsUnknownActionsShiftedColumnsAndShortLines() {
        assertThatThrownBy(() -> parse(line("Change:", "1", "X01", "a", "a")))
                .isInstanceOfSatisfying(SourceFormatException.class, e -> assertThat(e.reason()).contains("unknown action"));
        assertThatThrownBy(() -> parse(" " + line("Add:", "1", "X01", "a", "a")))
                .isInstanceOf(SourceFormatException.class);
        assertThatThrownBy(() -> parse("Add:         1 X01     truncated\r\n"))
                .isInstanceOfSatisfying(SourceFormatException.class, e -> assertThat(e.reason()).contains("too short"));
        assertThatThrownBy(() -> parse(line("Add:", "1", "1234", "a", "a")))
                .isInstanceOfSatisfying(SourceFormatException.class, e -> assertThat(e.reason()).contains("not an ICD-10-CM code"));
    }

    @Test
    void rejectsUnpairedRevisions() {
        String fromWithoutTo = line("Revise from:", "1", "X01", "a", "a") + line("Add:", "1", "X02", "b", "b");
        assertThatThrownBy(() -> parse(fromWithoutTo))
                .isInstanceOfSatisfying(SourceFormatException.class, e -> assertThat(e.line()).isEqualTo(2));
        String toOtherCode = line("Revise from:", "1", "X01", "a", "a") + line("Revise to:", "1", "X02", "b", "b");
        assertThatThrownBy(() -> parse(toOtherCode)).isInstanceOf(SourceFormatException.class);
        assertThatThrownBy(() -> parse(line("Revise to:", "1", "X01", "a", "a")))
                .isInstanceOfSatisfying(SourceFormatException.class, e -> assertThat(e.reason()).contains("without"));
        assertThatThrownBy(() -> parse(line("Revise from:", "1", "X01", "a", "a")))
                .isInstanceOfSatisfying(SourceFormatException.class, e -> assertThat(e.reason()).contains("ends after"));
    }

    @Test
    void rejectsASummaryThatDisagreesWithTheEntries() {
        String text = line("Add:", "1", "X01", "a", "a") + "\r\nCodes\r\n      2 additions\r\n      0 deletions\r\n      0 revisions\r\n";
        assertThatThrownBy(() -> parse(text))
                .isInstanceOfSatisfying(SourceFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(6); // the last count line of the summary
                    assertThat(e.reason()).contains("2 additions").contains("lists 1");
                });
    }

    @Test
    void readsASummaryOnlyFileAsNoChangesAndChecksItsCounts() {
        String summaryOnly = "\r\nHeaders\r\n  23252 headers in icd10cm_order_2024.txt\r\n      0 additions\r\n      0 deletions\r\n"
                + "      0 revisions\r\nof which\r\n      0 revisions to long title only\r\n\r\nCodes\r\n      0 additions\r\n"
                + "      0 deletions\r\n      0 revisions\r\n";
        assertThat(parse(summaryOnly)).isEmpty();
        String claimsChanges = "\r\nCodes\r\n      3 additions\r\n      0 deletions\r\n      0 revisions\r\n";
        assertThatThrownBy(() -> parse(claimsChanges))
                .isInstanceOfSatisfying(SourceFormatException.class, e -> assertThat(e.reason()).contains("3 additions").contains("lists 0"));
    }
}
