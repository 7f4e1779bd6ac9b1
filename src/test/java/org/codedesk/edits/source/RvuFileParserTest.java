package org.codedesk.edits.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class RvuFileParserTest {

    private static final String FIXTURE = "pprrvu-fixture.csv";

    private static String fixtureText() throws IOException {
        try (InputStream in = EditsFixtures.open(FIXTURE)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** The fixture's header rows followed by {@code rows}. */
    private static InputStream withRows(String rows) throws IOException {
        String text = fixtureText();
        int header = text.indexOf("HCPCS,MOD,DESCRIPTION");
        return EditsFixtures.text(text.substring(0, text.indexOf('\n', header) + 1) + rows);
    }

    private static BigDecimal d(String text) {
        return new BigDecimal(text);
    }

    @Test
    void readsFixture() {
        RvuFile file = RvuFileParser.parseCsv(EditsFixtures.open(FIXTURE), FIXTURE);

        assertThat(file.title()).isEqualTo("2099 National Physician Fee Schedule Relative Value File Fixture Release");
        assertThat(file.rows()).hasSize(8);
        RvuRow knee = file.rows().get(1);
        assertThat(knee).isEqualTo(new RvuRow("27447", "", "A", false, d("19.60"), d("15.30"), true, d("15.30"),
                false, d("3.98"), d("38.88"), d("38.88"), "0", "090", d("0.10"), d("0.69"), d("0.21"), "2", "1", "2",
                "1", "0", "", d("32.3465"), "09", "0", "99", d("0.00"), d("0.00"), d("0.00")));
        RvuRow endoscopy = file.rows().get(2);
        assertThat(endoscopy.endoscopicBase()).isEqualTo("43235");
        assertThat(endoscopy.oppsPeNonFacility()).isEqualByComparingTo("5.01");
        assertThat(endoscopy.oppsMalpractice()).isEqualByComparingTo("0.30");
        assertThat(file.rows()).extracting(RvuRow::modifier).containsExactly("", "", "", "", "26", "TC", "", "");
        RvuRow tc = file.rows().get(5);
        assertThat(tc.facilityNa()).isTrue();
        assertThat(tc.pcTc()).isEqualTo("2");
        assertThat(tc.imagingFamily()).isEqualTo("88");
        RvuRow notPaid = file.rows().get(7);
        assertThat(notPaid.notUsedForMedicarePayment()).isTrue();
        assertThat(notPaid.work()).isEqualTo(BigDecimal.ZERO);
        assertThat(notPaid.totalFacility()).isEqualTo(BigDecimal.ZERO);
        assertThat(notPaid.oppsPeFacility()).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void keepsNoDescriptionText() {
        List<RvuRow> rows = RvuFileParser.parseCsv(EditsFixtures.open(FIXTURE), FIXTURE).rows();

        assertThat(rows).allSatisfy(r -> assertThat(r.toString()).doesNotContain("Fixture text"));
    }

    @Test
    void rejectsNonNumericRvuWithLine() throws IOException {
        assertThatThrownBy(() -> RvuFileParser.parseCsv(withRows(
                "99213,,Some text,A,,1.3O,1.35,,0.57,,0.10,2.75,1.97,0,XXX,0.00,0.00,0.00,0,0,0,0,0,,32.3465,09,0,99,0.00,"
                        + "0.00,0.00\n"), "PPRRVU.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("PPRRVU.csv:10: WORK RVU: '1.3O' is not a number");
    }

    @Test
    void rejectsMissingConversionFactor() throws IOException {
        assertThatThrownBy(() -> RvuFileParser.parseCsv(withRows(
                "99213,,Some text,A,,1.30,1.35,,0.57,,0.10,2.75,1.97,0,XXX,0.00,0.00,0.00,0,0,0,0,0,,,09,0,99,0.00,"
                        + "0.00,0.00\n"), "PPRRVU.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("PPRRVU.csv:10: CONV FACTOR: value missing");
    }

    @Test
    void rejectsTruncatedRowWithoutQuotingTheDescription() throws IOException {
        assertThatThrownBy(() -> RvuFileParser.parseCsv(withRows(
                "99213,,Secret descriptor,A,,1.30,1.35,,0.57,,0.10,2.75"), "PPRRVU.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("PPRRVU.csv:10: expected 31 columns, found 12 (truncated row?)")
                .message().doesNotContain("Secret");
    }

    @Test
    void rejectsUnexpectedNaIndicator() throws IOException {
        assertThatThrownBy(() -> RvuFileParser.parseCsv(withRows(
                "99213,,Some text,A,,1.30,1.35,N/A,0.57,,0.10,2.75,1.97,0,XXX,0.00,0.00,0.00,0,0,0,0,0,,32.3465,09,0,99,"
                        + "0.00,0.00,0.00\n"), "PPRRVU.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("PPRRVU.csv:10: NON-FAC NA INDICATOR: expected 'NA' or empty, found 'N/A'");
    }

    @Test
    void rejectsReorderedColumns() throws IOException {
        String swapped = fixtureText().replace("WORK,NON-FAC,NA,FACILITY,NA,MP", "WORK,NON-FAC,NA,FACILITY,NA,XX");

        assertThatThrownBy(() -> RvuFileParser.parseCsv(EditsFixtures.text(swapped), "PPRRVU.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("PPRRVU.csv:9: column 11 is labelled 'XXRVU', expected MPRVU");
    }

    @Test
    void rejectsFileWithoutHeaderOrRows() throws IOException {
        assertThatThrownBy(() -> RvuFileParser.parseCsv(EditsFixtures.text("a,b\n"), "PPRRVU.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessageStartingWith("PPRRVU.csv: no header row starting with 'HCPCS,MOD'");
        assertThatThrownBy(() -> RvuFileParser.parseCsv(withRows(""), "PPRRVU.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessageStartingWith("PPRRVU.csv:9: no RVU rows");
    }
}
