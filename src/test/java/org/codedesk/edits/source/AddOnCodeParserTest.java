package org.codedesk.edits.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Builds small workbooks in the layout of the CMS AOC file (2026: notice row, header row, text cells). */
class AddOnCodeParserTest {

    private static final List<Object> HEADER = List.of("AOC_Edit_Type", "Add-On_Code", "AOC_DelDT", "Primary_Code",
            "Primary_Code_DelDT", "AOC_Edit_EffDT", "AOC_Edit_DelDT", "Special_Instruction_Notes");

    @SafeVarargs
    private static List<AddOnRow> parse(List<Object>... rows) {
        List<List<Object>> sheet = new ArrayList<>();
        sheet.add(List.of("Invented notice row for CodeDesk tests"));
        sheet.add(HEADER);
        for (List<Object> row : rows) {
            sheet.add(row);
        }
        return AddOnCodeParser.parseXlsx(EditsFixtures.xlsx(sheet), "AOC_TEST.xlsx");
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    @Test
    void readsRowsInCmsLayout() {
        List<AddOnRow> rows = parse(
                row("2", "0054T", null, "CCCCC", null, "2013091", null, "Contractor Defined Primary Codes"),
                row("1", "0071U", null, "0070U", null, "2018274"),
                row("1", "99481", "2014365", "99292", null, "2014001", "2014365"),
                row("3", "96160", null, "99292", null, "2017001", "", ""),
                row("1", "0172T", null, "0171T", "2016366", "2016001", "2016366", "\"quoted note\""));

        assertThat(rows).containsExactly(
                new AddOnRow("0054T", null, 2, LocalDate.of(2013, 4, 1), null, "Contractor Defined Primary Codes"),
                new AddOnRow("0071U", "0070U", 1, LocalDate.of(2018, 10, 1), null, ""),
                new AddOnRow("99481", "99292", 1, LocalDate.of(2014, 1, 1), LocalDate.of(2014, 12, 31), ""),
                new AddOnRow("96160", "99292", 3, LocalDate.of(2017, 1, 1), null, ""),
                new AddOnRow("0172T", "0171T", 1, LocalDate.of(2016, 1, 1), LocalDate.of(2016, 12, 31),
                        "\"quoted note\""));
    }

    @Test
    void readsDatesInOtherForms() {
        List<AddOnRow> rows = parse(
                row(1, "22552", null, "22551", null, 20130401, "*"),
                row("1", "22552", null, "22551", null, LocalDate.of(2013, 4, 1), LocalDate.of(2020, 12, 31)),
                row("1", "22552", null, "22551", null, "4/1/2013", "2020-12-31"),
                row(1, "22552", null, "22551", null, 2013091, "20201231"));

        assertThat(rows).extracting(AddOnRow::effective).containsOnly(LocalDate.of(2013, 4, 1));
        assertThat(rows).extracting(AddOnRow::deleted)
                .containsExactly(null, LocalDate.of(2020, 12, 31), LocalDate.of(2020, 12, 31), LocalDate.of(2020, 12, 31));
        assertThat(rows).extracting(AddOnRow::editType).containsOnly(1);
    }

    @Test
    void rejectsBadJulianDateWithRow() {
        assertThatThrownBy(() -> parse(row("1", "0071U", null, "0070U", null, "2018274"),
                row("1", "0072U", null, "0070U", null, "2018400")))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("AOC_TEST.xlsx:4: AOC_Edit_EffDT: '2018400' is not a valid date");
    }

    @Test
    void rejectsUnknownEditType() {
        assertThatThrownBy(() -> parse(row("4", "0071U", null, "0070U", null, "2018274")))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("AOC_TEST.xlsx:3: AOC_Edit_Type: expected 1, 2 or 3, found '4'");
    }

    @Test
    void rejectsTruncatedRow() {
        assertThatThrownBy(() -> parse(row("1", "0071U", null, "0070U")))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("AOC_TEST.xlsx:3: AOC_Edit_EffDT: value missing");
    }

    @Test
    void rejectsMissingHeaderColumn() {
        List<List<Object>> sheet = List.of(List.of("Add-On_Code", "Primary_Code", "AOC_Edit_EffDT"),
                List.of("0071U", "0070U", "2018274"));

        assertThatThrownBy(() -> AddOnCodeParser.parseXlsx(EditsFixtures.xlsx(sheet), "AOC_TEST.xlsx"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("AOC_TEST.xlsx:1: header has no column for the edit type");
    }
}
