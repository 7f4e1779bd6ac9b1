package org.codedesk.edits.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class OppsCapFileParserTest {

    /** The header as CMS writes it in OPPSCAP_Oct.csv (RVU25D), "NON-FACILTY" included. */
    private static final String HEADER = "HCPCS,MOD,PROCSTAT,CARRIER,LOCALITY,FACILITY PRICE,NON-FACILTY PRICE\n";

    @Test
    void readsRowsPaddingCarrierAndLocalityAndSkipsBlankRows() {
        List<OppsCapRow> rows = OppsCapFileParser.parseCsv(EditsFixtures.text(HEADER
                + "74263,TC,A,04312,00,215.27,215.27\n"
                + "0633T,TC,C,4312,0,94.79,94.79\n"
                + "76942,,A,01112,05,70.00,80.00\n"
                + ",,,,,,\n"), "OPPSCAP_Oct.csv");

        assertThat(rows).containsExactly(
                new OppsCapRow("74263", "TC", "A", "04312", "00", new BigDecimal("215.27"), new BigDecimal("215.27")),
                new OppsCapRow("0633T", "TC", "C", "04312", "00", new BigDecimal("94.79"), new BigDecimal("94.79")),
                new OppsCapRow("76942", "", "A", "01112", "05", new BigDecimal("70.00"), new BigDecimal("80.00")));
    }

    @Test
    void findsTheColumnsByTheirLabels() {
        List<OppsCapRow> rows = OppsCapFileParser.parseCsv(EditsFixtures.text("A notice row,,,,,,\n"
                + "CARRIER,LOCALITY,HCPCS,MOD,PROCSTAT,NON-FACILITY PRICE,FACILITY PRICE\n"
                + "04312,00,74263,TC,A,215.27,216.00\n"), "OPPSCAP.csv");

        assertThat(rows).containsExactly(new OppsCapRow("74263", "TC", "A", "04312", "00", new BigDecimal("216.00"),
                new BigDecimal("215.27")));
    }

    @Test
    void rejectsABadPriceWithItsLine() {
        assertThatThrownBy(() -> OppsCapFileParser.parseCsv(EditsFixtures.text(HEADER + "74263,TC,A,04312,00,215.27,2l5.27\n"),
                "OPPSCAP_Oct.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("OPPSCAP_Oct.csv:2: NON-FACILITY PRICE: '2l5.27' is not a number");
    }

    @Test
    void rejectsACodeListedTwiceForOneLocality() {
        assertThatThrownBy(() -> OppsCapFileParser.parseCsv(EditsFixtures.text(HEADER + "74263,TC,A,04312,00,215.27,215.27\n"
                + "74263,TC,A,4312,0,200.00,200.00\n"), "OPPSCAP_Oct.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("OPPSCAP_Oct.csv:3: 74263-TC is listed twice for carrier 04312, locality 00");
    }

    @Test
    void rejectsAFileWithoutTheHeaderOrRows() {
        assertThatThrownBy(() -> OppsCapFileParser.parseCsv(EditsFixtures.text("74263,TC,A,04312,00,215.27,215.27\n"), "OPPSCAP_Oct.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("OPPSCAP_Oct.csv: no header row naming the PROCSTAT, CARRIER, LOCALITY and price columns");
        assertThatThrownBy(() -> OppsCapFileParser.parseCsv(EditsFixtures.text(HEADER + ",,,,,,\n"), "OPPSCAP_Oct.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("OPPSCAP_Oct.csv:2: no cap rows after the header (truncated file?)");
        assertThatThrownBy(() -> OppsCapFileParser.parseCsv(EditsFixtures.text("HCPCS,MOD,PROCSTAT,CARRIER,LOCALITY,FACILITY PRICE\n"),
                "OPPSCAP_Oct.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("OPPSCAP_Oct.csv:1: header has no NON-FACILITY PRICE column");
    }
}
