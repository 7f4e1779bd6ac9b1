package org.codedesk.catalog.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class OrderFileParserTest {

    @Test
    void readsCodesFlagsAndTitles() {
        List<OrderFileEntry> entries = new OrderFileParser().parse("icd10cm_order_2099.txt",
                getClass().getResourceAsStream("/fixtures/icd10cm/icd10cm_order_2099.txt"));
        assertThat(entries).hasSize(17);
        assertThat(entries.get(0)).isEqualTo(new OrderFileEntry(1, "S72", false, "Fracture of femur", "Fracture of femur"));
        assertThat(entries.get(4).billable()).isTrue();
        assertThat(entries.get(4).longDescription())
                .isEqualTo("Fracture of unspecified part of neck of right femur, initial encounter for closed fracture");
    }

    @Test
    void rejectsTruncatedLineWithItsNumber() {
        String text = "00001 A00     0 Cholera" + " ".repeat(53) + " Cholera\r\n00002 A000    1 Cholera due to";
        assertThatThrownBy(() -> new OrderFileParser().parse("cut.txt", new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageStartingWith("cut.txt:2: line is");
    }

    @Test
    void rejectsBadBillableFlag() {
        String text = "00001 A00     7 Cholera" + " ".repeat(53) + " Cholera\n";
        assertThatThrownBy(() -> new OrderFileParser().parse("flag.txt", new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII))))
                .hasMessage("flag.txt:1: billable flag must be 0 or 1, found '7'");
    }
}
