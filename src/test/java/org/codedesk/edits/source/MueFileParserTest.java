package org.codedesk.edits.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class MueFileParserTest {

    private static final String FIXTURE = "mue-practitioner.csv";
    private static final String HEADER =
            "\"notice\",,,\n\"HCPCS/\nCPT Code\",DME Supplier Services MUE Values,MUE Adjudication Indicator,"
                    + "MUE Rationale\n";

    @Test
    void readsCsvFixture() {
        MueTable table = MueFileParser.parseCsv(EditsFixtures.open(FIXTURE), FIXTURE);

        assertThat(table.setting()).isEqualTo("Practitioner Services");
        assertThat(table.rows()).hasSize(9);
        assertThat(table.rows().get(0)).isEqualTo(new MueRow("0001U", 1, 2, "Date of Service Edit: Policy",
                "Code Descriptor / CPT Instruction"));
        assertThat(table.rows()).filteredOn(r -> r.code().equals("99213")).singleElement()
                .isEqualTo(new MueRow("99213", 2, 3, "Date of Service Edit: Clinical", "Clinical: Data"));
        assertThat(table.rows().get(7)).extracting(MueRow::code, MueRow::value).containsExactly("J1100", 120);
        assertThat(table.rows().get(8)).isEqualTo(new MueRow("Q4101", 3, 1, "Line Edit",
                "Prescribing Information, label"));
    }

    @Test
    void xlsxGivesTheSameTableAsCsv() {
        MueTable csv = MueFileParser.parseCsv(EditsFixtures.open(FIXTURE), FIXTURE);
        List<List<Object>> sheet = new ArrayList<>();
        sheet.add(Arrays.asList("Current Procedural Terminology (CPT) codes ... notice", null, null, null));
        sheet.add(List.of("HCPCS/\nCPT Code", "Practitioner Services MUE Values", "MUE Adjudication Indicator",
                "MUE Rationale"));
        for (MueRow r : csv.rows()) {
            // CMS stores values as text; a re-saved sheet may hold numbers, which must read the same.
            Object value = r.value() == 120 ? (Object) 120 : String.valueOf(r.value());
            sheet.add(List.of(r.code(), value, r.adjudicationIndicator() + " " + r.adjudicationText(),
                    r.rationale()));
        }

        MueTable xlsx = MueFileParser.parseXlsx(EditsFixtures.xlsx(sheet), "mue.xlsx");

        assertThat(xlsx).isEqualTo(csv);
    }

    @Test
    void readsSettingOfOtherTables() {
        MueTable table = MueFileParser.parseCsv(EditsFixtures.text(
                HEADER + "E0100,1,3 Date of Service Edit: Clinical,Nature of Equipment\n"), "dme.csv");

        assertThat(table.setting()).isEqualTo("DME Supplier Services");
        assertThat(table.rows()).containsExactly(
                new MueRow("E0100", 1, 3, "Date of Service Edit: Clinical", "Nature of Equipment"));
    }

    @Test
    void rejectsNonNumericValueWithLine() {
        assertThatThrownBy(() -> MueFileParser.parseCsv(EditsFixtures.text(
                HEADER + "E0100,one,3 Date of Service Edit: Clinical,Nature of Equipment\n"), "dme.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("dme.csv:4: MUE Value: 'one' is not a whole number");
    }

    @Test
    void rejectsUnknownIndicator() {
        assertThatThrownBy(() -> MueFileParser.parseCsv(EditsFixtures.text(
                HEADER + "E0100,1,4 Date of Service Edit,x\n"), "dme.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessageStartingWith("dme.csv:4: MUE Adjudication Indicator: expected 1, 2 or 3");
    }

    @Test
    void rejectsTruncatedRow() {
        assertThatThrownBy(() -> MueFileParser.parseCsv(EditsFixtures.text(
                HEADER + "E0100,1,3 Date of Service Edit: Clinical,x\nE0101,1"), "dme.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("dme.csv:5: expected 4 columns, found 2 (truncated row?)");
    }

    @Test
    void rejectsMissingOrWrongHeader() {
        assertThatThrownBy(() -> MueFileParser.parseCsv(EditsFixtures.text("\"notice\",,,\n"), "dme.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("dme.csv: no header row starting with 'HCPCS/CPT Code'");
        assertThatThrownBy(() -> MueFileParser.parseCsv(EditsFixtures.text(
                "HCPCS/CPT Code,Units,MUE Adjudication Indicator,MUE Rationale\n"), "dme.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessageStartingWith("dme.csv:1: unexpected header");
    }

    @Test
    void rejectsBadXlsxRowWithRowNumber() {
        List<List<Object>> sheet = List.of(
                List.of("notice"),
                List.of("HCPCS/\nCPT Code", "Practitioner Services MUE Values", "MUE Adjudication Indicator",
                        "MUE Rationale"),
                List.of("9921", "1", "3 Date of Service Edit: Clinical", "x"));

        assertThatThrownBy(() -> MueFileParser.parseXlsx(EditsFixtures.xlsx(sheet), "mue.xlsx"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("mue.xlsx:3: HCPCS/CPT Code: '9921' is not a HCPCS/CPT code");
    }

    @Test
    void rejectsNonSpreadsheet() {
        assertThatThrownBy(() -> MueFileParser.parseXlsx(EditsFixtures.text("not a workbook"), "mue.xlsx"))
                .isInstanceOf(EditsFileException.class)
                .hasMessageStartingWith("mue.xlsx: not a readable spreadsheet");
    }
}
