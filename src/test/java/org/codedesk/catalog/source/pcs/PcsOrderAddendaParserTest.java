package org.codedesk.catalog.source.pcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.codedesk.catalog.source.SourceFormatException;
import org.codedesk.catalog.source.icd10cm.AddendaEntry;
import org.junit.jupiter.api.Test;

class PcsOrderAddendaParserTest {

    private static InputStream fixture() {
        return PcsOrderAddendaParserTest.class.getResourceAsStream("/fixtures/releases/order_addenda_2016.txt");
    }

    @Test
    void readsActionsCodesAndTitlesWithoutABillableColumn() {
        List<AddendaEntry> entries = new PcsOrderAddendaParser().parse("order_addenda_2016.txt", fixture());
        assertThat(entries).extracting(AddendaEntry::action).containsExactly("Add", "Delete", "Revise from", "Revise to");
        assertThat(entries.get(0)).isEqualTo(new AddendaEntry("Add", true, "0X500ZX", "Destr Fix Part Alpha, Open, Diag",
                "Destruction of Fixture Part Alpha, Open Approach, Diagnostic"));
        assertThat(entries.get(2).billable()).isFalse(); // a table header
    }

    @Test
    void aTruncatedFileNoLongerMatchesItsSummary() throws IOException {
        String text = new String(fixture().readAllBytes(), StandardCharsets.US_ASCII);
        String cut = text.substring(0, text.indexOf("Revise from:"));
        assertThatThrownBy(() -> new PcsOrderAddendaParser().parse("cut.txt", new ByteArrayInputStream(cut.getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("the summary states 0 additions");
        String noSummary = text.replace("      1 deletions", "      2 deletions");
        assertThatThrownBy(() -> new PcsOrderAddendaParser().parse("sum.txt", new ByteArrayInputStream(noSummary.getBytes(StandardCharsets.US_ASCII))))
                .hasMessageContaining("1 additions, 2 deletions and 1 revisions, but the file lists 1, 1 and 1");
    }
}
