package org.codedesk.edits.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class GpciFileParserTest {

    private static final String HEADER = "TITLE,,,,,,\n,,,,,,\nMedicare Administrative Contractor (MAC),State,"
            + "Locality Number,Locality Name,2099 PW GPCI (with 1.0 Floor),2099 PE GPCI,2099 MP GPCI\n";

    @Test
    void readsFixtureAndSkipsFootnotes() {
        List<GpciRow> rows = GpciFileParser.parseCsv(EditsFixtures.open("gpci-fixture.csv"), "gpci-fixture.csv");

        assertThat(rows).hasSize(6);
        assertThat(rows.get(0)).isEqualTo(new GpciRow("10112", "AL", "00", "ALABAMA", new BigDecimal("1"),
                new BigDecimal("0.869"), new BigDecimal("0.575")));
        assertThat(rows.get(1)).extracting(GpciRow::mac, GpciRow::localityName, GpciRow::work)
                .containsExactly("02102", "ALASKA*", new BigDecimal("1.5"));
        assertThat(rows).extracting(GpciRow::localityNumber).containsExactly("00", "01", "18", "54", "01", "21");
    }

    @Test
    void prefersFlooredWorkGpciAndFindsColumnsByName() {
        List<GpciRow> rows = GpciFileParser.parseCsv(EditsFixtures.text(
                "State,Medicare Administrative Contractor (MAC),Locality Number,Locality Name,2099 PW GPCI (without "
                        + "1.0 Floor),2099 PW GPCI (with 1.0 Floor),2099 PE GPCI,2099 MP GPCI\n"
                        + "AL,10112,0,ALABAMA,0.98,1.000,0.869,0.575\n"), "gpci.csv");

        assertThat(rows).containsExactly(new GpciRow("10112", "AL", "00", "ALABAMA", new BigDecimal("1.000"),
                new BigDecimal("0.869"), new BigDecimal("0.575")));
    }

    @Test
    void rejectsNonNumericIndexWithLine() {
        assertThatThrownBy(() -> GpciFileParser.parseCsv(EditsFixtures.text(
                HEADER + "10112,AL,00,ALABAMA,1,O.869,0.575\n"), "GPCI.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("GPCI.csv:4: PE GPCI: 'O.869' is not a number");
    }

    @Test
    void rejectsTruncatedRow() {
        assertThatThrownBy(() -> GpciFileParser.parseCsv(EditsFixtures.text(
                HEADER + "10112,AL,00,ALABAMA,1,0.869,0.575\n02102,AK,01,ALAS"), "GPCI.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("GPCI.csv:5: expected 7 columns, found 4 (truncated row?)");
    }

    @Test
    void rejectsMissingHeader() {
        assertThatThrownBy(() -> GpciFileParser.parseCsv(EditsFixtures.text("TITLE,,\n10112,AL,00\n"), "GPCI.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("GPCI.csv: no header row naming the PW, PE and MP GPCI columns");
        assertThatThrownBy(() -> GpciFileParser.parseCsv(EditsFixtures.text(
                "MAC,State,Locality Number,Locality Name,PW GPCI,PE GPCI\n"), "GPCI.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("GPCI.csv:1: header has no column containing 'CONTRACTOR'");
    }
}
