package org.codedesk.edits.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class LocalityFileParserTest {

    private static final String HEADER =
            "TITLE,,,,\n,,,,\nMedicare Adminstrative Contractor,Locality Number,State ,Fee Schedule Area ,Counties\n";

    @Test
    void readsFixtureCarryingStateForward() {
        List<LocalityRow> rows =
                LocalityFileParser.parseCsv(EditsFixtures.open("locco-fixture.csv"), "locco-fixture.csv");

        assertThat(rows).hasSize(7);
        assertThat(rows.get(0)).isEqualTo(new LocalityRow("10112", "00", "ALABAMA", "STATEWIDE", "ALL COUNTIES"));
        assertThat(rows.get(1)).isEqualTo(new LocalityRow("02102", "01", "ALASKA", "STATEWIDE", "ALL COUNTIES"));
        assertThat(rows.get(3)).isEqualTo(new LocalityRow("01112", "54", "CALIFORNIA", "BAKERSFIELD", "KERN"));
        assertThat(rows.get(4).counties()).isEqualTo("SAN BERNARDINO, RIVERSIDE");
        assertThat(rows.get(6)).isEqualTo(new LocalityRow("13202", "03", "NEW YORK", "POUGHKPSIE/N NYC SUBURBS",
                "COLUMBIA, DELAWARE, DUTCHESS"));
    }

    @Test
    void rejectsFirstRowWithoutState() {
        assertThatThrownBy(() -> LocalityFileParser.parseCsv(EditsFixtures.text(
                HEADER + "10112,0,,STATEWIDE,ALL COUNTIES\n"), "25LOCCO.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("25LOCCO.csv:4: State: missing on the first locality row");
    }

    @Test
    void rejectsNonNumericLocality() {
        assertThatThrownBy(() -> LocalityFileParser.parseCsv(EditsFixtures.text(
                HEADER + "10112,O,ALABAMA,STATEWIDE,ALL COUNTIES\n"), "25LOCCO.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("25LOCCO.csv:4: Locality Number: 'O' is not a number of at most 2 digits");
    }

    @Test
    void rejectsTruncatedRow() {
        assertThatThrownBy(() -> LocalityFileParser.parseCsv(EditsFixtures.text(
                HEADER + "10112,0,ALABAMA,STATEWIDE,ALL COUNTIES\n2102,1,ALAS"), "25LOCCO.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("25LOCCO.csv:5: expected 5 columns, found 3 (truncated row?)");
    }

    @Test
    void rejectsMissingHeader() {
        assertThatThrownBy(() -> LocalityFileParser.parseCsv(EditsFixtures.text("10112,0,AL,X,Y\n"), "25LOCCO.csv"))
                .isInstanceOf(EditsFileException.class)
                .hasMessage("25LOCCO.csv: no header row naming the Fee Schedule Area column");
    }
}
