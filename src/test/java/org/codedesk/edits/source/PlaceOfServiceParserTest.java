package org.codedesk.edits.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PlaceOfServiceParserTest {

    @Test
    void readsUtf8FixtureSkippingUnassigned() {
        List<PlaceOfService> codes =
                PlaceOfServiceParser.parse(EditsFixtures.open("pos-fixture.csv"), "pos-fixture.csv");

        assertThat(codes).extracting(PlaceOfService::code).containsExactly(
                "01", "11", "12", "19", "20", "21", "22", "23", "24", "31", "34", "41");
        assertThat(codes.get(0).name()).isEqualTo("Pharmacy");
        assertThat(codes.get(0).description()).contains("patient\u2019s home");
        assertThat(codes.get(1).description())
                .isEqualTo("A place, other than a hospital or facility, where a practitioner routinely sees patients "
                        + "for care.");
        assertThat(codes.get(7)).extracting(PlaceOfService::code, PlaceOfService::name)
                .containsExactly("23", "Emergency Room \u2013 Hospital");
    }

    @Test
    void readsTabSeparatedRangesAndLists() {
        List<PlaceOfService> codes = PlaceOfServiceParser.parse(EditsFixtures.text(
                "Place of Service Code(s)\tPlace of Service Name\tPlace of Service Description\n"
                        + "03, 04\tSchool or shelter\tInvented row\n"
                        + "13-15\tInvented residence\tInvented row, with a comma\n"
                        + "16\u201317\tInvented en dash range\tx\n"
                        + "25\tUNASSIGNED\tN/A\n"), "pos.tsv");

        assertThat(codes).extracting(PlaceOfService::code).containsExactly("03", "04", "13", "14", "15", "16", "17");
        assertThat(codes.get(2)).isEqualTo(new PlaceOfService("13", "Invented residence", "Invented row, with a comma"));
    }

    @Test
    void rejectsBadCodeWithLine() {
        assertThatThrownBy(() -> PlaceOfServiceParser.parse(EditsFixtures.text(
                "Code,Name,Description\n11,Office,x\n1l,Home,y\n"), "pos.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("pos.csv:3: code: '1l' is not a number of at most 2 digits");
        assertThatThrownBy(() -> PlaceOfServiceParser.parse(EditsFixtures.text(
                "Code,Name,Description\n40-35,Unknown,x\n"), "pos.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("pos.csv:2: code: range '40-35' runs backwards");
    }

    @Test
    void rejectsDuplicateAndTruncatedRows() {
        assertThatThrownBy(() -> PlaceOfServiceParser.parse(EditsFixtures.text(
                "Code,Name,Description\n11,Office,x\n10-12,Other,y\n"), "pos.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("pos.csv:3: code 11 already listed on line 2");
        assertThatThrownBy(() -> PlaceOfServiceParser.parse(EditsFixtures.text(
                "Code,Name,Description\n11,Office\n"), "pos.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("pos.csv:2: expected 3 columns, found 2 (truncated row?)");
    }

    @Test
    void rejectsMissingHeader() {
        assertThatThrownBy(() -> PlaceOfServiceParser.parse(EditsFixtures.text("11,Office,x\n"), "pos.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("pos.csv: no header row with code, name and description columns");
    }
}
