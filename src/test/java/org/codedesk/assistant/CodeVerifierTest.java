package org.codedesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.codedesk.EditsFixtureData;
import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.importing.CatalogImporter;
import org.codedesk.edits.Edits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** An answer naming a code that no imported release has gets it flagged in the text and listed as unverified. */
@SpringBootTest
class CodeVerifierTest {

    @Autowired CatalogImporter importer;
    @Autowired Catalog catalog;
    @Autowired Edits edits;
    @Autowired org.codedesk.coverage.Coverage coverage;

    @Test
    void inventedCodesAreFlaggedKnownAndAskedOnesAreNot() {
        EditsFixtureData.importAll(importer);
        Answer.Citation source = new Answer.Citation("a model", null);
        Answer draft = new Answer("Is S72.009Z billable?", LocalDate.of(2016, 6, 1), Intent.CODE_LOOKUP, List.of(
                new Answer.Statement("Use S72.001A, or 27447 with X9999 and S72.999X.", List.of(source)),
                new Answer.Statement("S72.009Z is not valid.", List.of(source))), List.of(), List.of());
        Answer verified = new CodeVerifier(catalog, edits, coverage).verify(draft);
        assertThat(verified.unverified()).containsExactly("X9999", "S72.999X");
        assertThat(verified.statements().get(0).text()).contains("[Not verified: X9999, S72.999X is not a code in CodeDesk's data");
        assertThat(verified.statements().get(1).text()).isEqualTo("S72.009Z is not valid.");
    }
}
