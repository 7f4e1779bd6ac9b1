package org.codedesk.catalog.source.hcpcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.codedesk.catalog.source.SourceFormatException;
import org.junit.jupiter.api.Test;

class AnwebTextParserTest {

    static final String FIXTURE = "/fixtures/hcpcs/anweb-sample.txt";
    private static final String NAME = "anweb-sample.txt";

    private final AnwebTextParser parser = new AnwebTextParser();

    static List<HcpcsEntry> parseFixture() throws IOException {
        try (InputStream in = AnwebTextParserTest.class.getResourceAsStream(FIXTURE)) {
            return new AnwebTextParser().parse(NAME, in);
        }
    }

    @Test
    void skipsDisclaimerAndGroupsContinuationRecords() throws IOException {
        List<HcpcsEntry> entries = parseFixture();

        assertThat(entries).extracting(HcpcsEntry::code).containsExactly("X1001", "X1002", "X1003", "ZZ", "ZY");
        assertThat(entries).extracting(HcpcsEntry::modifier).containsExactly(false, false, false, true, true);
    }

    @Test
    void joinsThreeRecordLongDescriptionWithSingleSpaces() throws IOException {
        HcpcsEntry drug = parseFixture().get(0);

        assertThat(drug.longDescription()).isEqualTo(
                "Injection of an imaginary test drug for parser checks, including the carrier"
                        + " solution and all supplies, per unit of one hundred milligrams,"
                        + " with the third piece ending here");
        assertThat(drug.shortDescription()).isEqualTo("Inj imaginary test drug");
    }

    @Test
    void extractsEveryDetailField() throws IOException {
        HcpcsEntry drug = parseFixture().get(0);

        // The fixture fills every field of the layout, so every key must come back, in layout order.
        assertThat(drug.fields().keySet()).containsExactlyElementsOf(HcpcsFieldMeanings.keys());
        assertThat(drug.fields()).contains(
                entry("pricingIndicator1", "51"), entry("pricingIndicator2", "13"),
                entry("pricingIndicator3", "46"), entry("pricingIndicator4", "99"),
                entry("multiplePricingIndicator", "C"),
                entry("cimReference1", "60-1"), entry("cimReference2", "60-2A"), entry("cimReference3", "60-3B"),
                entry("mcmReference1", "2049"), entry("mcmReference2", "2050.1"), entry("mcmReference3", "4270"),
                entry("statute", "1861S2B"),
                entry("labCertification1", "010"), entry("labCertification2", "110"),
                entry("labCertification3", "220"), entry("labCertification4", "310"),
                entry("labCertification5", "400"), entry("labCertification6", "510"),
                entry("labCertification7", "610"), entry("labCertification8", "900"),
                entry("crossReference1", "X1002"), entry("crossReference2", "X1003"),
                entry("crossReference3", "X1004"), entry("crossReference4", "X1005"),
                entry("crossReference5", "X1006"),
                entry("coverageCode", "D"), entry("ascGroup", "YY"), entry("ascEffectiveDate", "20200101"),
                entry("mogPaymentGroup", "102"), entry("mogPaymentIndicator", "1"),
                entry("mogEffectiveDate", "20190701"), entry("procedureNote", "0088"), entry("betos", "O1E"),
                entry("typeOfService1", "1"), entry("typeOfService2", "P"), entry("typeOfService3", "9"),
                entry("typeOfService4", "F"), entry("typeOfService5", "G"),
                entry("anesthesiaBaseUnits", "3"), entry("codeAddedDate", "19980101"),
                entry("actionEffectiveDate", "20200101"), entry("terminationDate", "20201231"),
                entry("actionCode", "C"));
        assertThat(drug.addDate()).isEqualTo(LocalDate.of(1998, 1, 1));
        assertThat(drug.actionEffectiveDate()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(drug.terminationDate()).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(drug.actionCode()).isEqualTo("C");
    }

    @Test
    void omitsBlankFieldsAndKeepsNullDates() throws IOException {
        HcpcsEntry plain = parseFixture().get(2);

        assertThat(plain.fields()).containsOnlyKeys("pricingIndicator1", "multiplePricingIndicator", "coverageCode",
                "betos", "typeOfService1", "anesthesiaBaseUnits", "codeAddedDate", "actionCode");
        assertThat(plain.actionEffectiveDate()).isNull();
        assertThat(plain.terminationDate()).isNull();
    }

    @Test
    void readsTerminatedCode() throws IOException {
        HcpcsEntry retired = parseFixture().get(1);

        assertThat(retired.code()).isEqualTo("X1002");
        assertThat(retired.terminationDate()).isEqualTo(LocalDate.of(2019, 12, 31));
        assertThat(retired.actionCode()).isEqualTo("D");
        assertThat(retired.field("pricingIndicator1")).isEqualTo("00");
    }

    @Test
    void readsModifierWithContinuation() throws IOException {
        HcpcsEntry modifier = parseFixture().get(3);

        assertThat(modifier.code()).isEqualTo("ZZ");
        assertThat(modifier.modifier()).isTrue();
        assertThat(modifier.longDescription()).isEqualTo(
                "Imaginary modifier used to test a modifier whose long description needs more than one record");
        assertThat(modifier.fields()).containsOnlyKeys("coverageCode", "codeAddedDate", "actionEffectiveDate",
                "actionCode");
    }

    @Test
    void joinsPiecesInSequenceOrderNotFileOrder() {
        List<String> lines = fixtureLines();
        String second = lines.get(4);
        lines.set(4, lines.get(5));
        lines.set(5, second);

        HcpcsEntry drug = parse(lines).get(0);

        assertThat(drug.longDescription()).endsWith("carrier solution and all supplies, per unit of one hundred"
                + " milligrams, with the third piece ending here");
    }

    @Test
    void acceptsRecordsWithoutTrailingBlanksOrFinalNewline() {
        List<String> lines = new ArrayList<>(fixtureLines().stream().map(String::stripTrailing).toList());

        assertThat(parse(lines)).isEqualTo(parse(fixtureLines()));
    }

    @Test
    void acceptsBlankPaddingPastTheRecordButNotText() {
        // January 2026: one record (G9871) carries 225 blanks after column 320.
        List<String> padded = fixtureLines();
        padded.set(6, String.format("%-545s", padded.get(6)));
        assertThat(parse(padded)).isEqualTo(parse(fixtureLines()));
        assertFailure(lines -> lines.set(6, String.format("%-320s", lines.get(6)) + "extra"), 7, "expected at most 320");
    }

    @Test
    void rejectsTruncatedFirstLine() {
        assertFailure(lines -> lines.set(6, lines.get(6).substring(0, 200)), 7, "truncated record");
    }

    @Test
    void rejectsContinuationWithoutFirstLine() {
        assertFailure(lines -> lines.remove(3), 4, "continuation record for code X1001 without a first line");
    }

    @Test
    void rejectsContinuationOfAnotherCode() {
        assertFailure(lines -> lines.set(9, lines.get(9).replace("   ZZ002008", "   ZX002008")), 10,
                "continuation record for modifier ZX without a first line");
    }

    @Test
    void rejectsBadDate() {
        // Add date 19980101 -> 19981301.
        assertFailure(lines -> lines.set(3, lines.get(3).replace("19980101", "19981301")), 4,
                "bad code added date '19981301'");
    }

    @Test
    void rejectsUnknownRecordId() {
        assertFailure(lines -> lines.set(6, "X1002001005" + lines.get(6).substring(11)), 7, "unknown record id '5'");
    }

    @Test
    void rejectsNonRecordLineAfterFirstRecord() {
        assertFailure(lines -> lines.add(5, "a stray note in the middle"), 6,
                "sequence number 'ay no' is not numeric");
    }

    @Test
    void rejectsMissingActionCode() {
        assertFailure(lines -> lines.set(6, lines.get(6).substring(0, 292) + " "), 7, "action code is missing");
    }

    @Test
    void rejectsDuplicateCode() {
        assertFailure(lines -> lines.add(lines.get(6)), 12, "duplicate first line for code X1002");
    }

    @Test
    void rejectsFileWithoutRecords() {
        assertThatThrownBy(() -> parse(List.of("only a disclaimer", "")))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("no HCPCS records found");
    }

    private void assertFailure(Consumer<List<String>> corrupt, int line, String reason) {
        List<String> lines = fixtureLines();
        corrupt.accept(lines);

        assertThatThrownBy(() -> parse(lines))
                .isInstanceOfSatisfying(SourceFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo(NAME);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.getMessage()).startsWith(NAME + ":" + line + ": ").contains(reason);
                });
    }

    private List<HcpcsEntry> parse(List<String> lines) {
        byte[] bytes = String.join("\r\n", lines).getBytes(AnwebTextParser.CHARSET);
        return parser.parse(NAME, new ByteArrayInputStream(bytes));
    }

    private static List<String> fixtureLines() {
        try (InputStream in = AnwebTextParserTest.class.getResourceAsStream(FIXTURE)) {
            String text = new String(in.readAllBytes(), AnwebTextParser.CHARSET);
            return new ArrayList<>(Arrays.asList(text.split("\r\n", -1)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
