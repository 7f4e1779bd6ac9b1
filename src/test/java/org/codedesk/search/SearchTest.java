package org.codedesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Search over the fixture releases (ICD-10-CM FY2016 with the FY2015 index, PCS, HCPCS, CPT), on a date of
 * service in 2016 so that real releases imported into the same database by other tests do not interfere.
 */
@SpringBootTest
class SearchTest {

    static final LocalDate DOS = LocalDate.of(2016, 6, 1);

    @Autowired Search search;
    @Autowired CatalogImporter importer;

    @BeforeEach
    void importFixtures() {
        importer.importPaths(List.of(Path.of("src/test/resources/fixtures/releases")));
    }

    private Search.Results find(String query) {
        return search.search(new Search.Request(query, null, false, null, null, DOS, 20));
    }

    private static List<String> codes(Search.Results results) {
        return results.hits().stream().map(Search.Hit::code).toList();
    }

    @Test
    void anExactCodeComesFirstWhateverItsSpelling() {
        for (String typed : List.of("S72.001A", "s72001a", " S72.001a ")) {
            assertThat(codes(find(typed))).as(typed).first().isEqualTo("S72.001A");
        }
        assertThat(find("s72001a").hits().get(0).reasons()).contains("exact code");
    }

    @Test
    void aPrefixListsTheCodeAndEverythingBelowInCodeOrder() {
        assertThat(codes(find("S72.0"))).startsWith("S72.0", "S72.00").contains("S72.001", "S72.001A", "S72.001S");
    }

    @Test
    void aRangeListsItsCategories() {
        Search.Results results = find("S70-S79");
        assertThat(codes(results)).contains("S72").doesNotContain("T36", "H54");
        assertThat(results.notes()).contains("Categories S70 to S79.");
    }

    @Test
    void wordsFindCodesThroughTitlesAndTheIndexPathSaysWhy() {
        Search.Results results = find("traumatic fracture femur neck right");
        // the index prints the header S72.001-: the code to report (initial encounter, closed) first, the header right after
        assertThat(codes(results)).startsWith("S72.001A", "S72.001");
        assertThat(results.hits().get(1).reasons()).anyMatch(r -> r.startsWith("Index: Fracture, traumatic > femur, femoral > neck > right"));
        assertThat(results.hits().get(0).highlighted()).anyMatch(s -> s.match() && s.text().equals("femur"));
    }

    @Test
    void drugTableEntriesAreSearchableWithTheirColumn() {
        Search.Results results = find("penicillin poisoning accidental");
        assertThat(codes(results)).contains("T36.0X1");
        assertThat(results.hits().stream().filter(h -> h.code().equals("T36.0X1")).findFirst().orElseThrow().reasons())
                .anyMatch(r -> r.contains("Penicillin") && r.contains("Poisoning Accidental"));
    }

    @Test
    void misspellingsAbbreviationsAndLayWordsAreUnderstood() {
        Search.Results misspelled = find("fractur of femurr");
        assertThat(codes(misspelled)).contains("S72.001A");
        assertThat(misspelled.notes()).anyMatch(n -> n.startsWith("Showing results for"));
        Search.Results abbreviation = find("fx femur");
        assertThat(codes(abbreviation)).anyMatch(c -> c.startsWith("S72"));
        assertThat(abbreviation.notes()).contains("FX read as \"fracture\".");
        Search.Results lay = find("broken hip");
        assertThat(codes(lay)).first().satisfies(c -> assertThat(c).startsWith("S72.0"));
        assertThat(lay.notes()).anyMatch(n -> n.startsWith("\"broken hip\" read as"));
    }

    @Test
    void filtersBySystemBillableAndSection() {
        assertThat(search.search(new Search.Request("test", CodeSystem.HCPCS, false, null, null, DOS, 20)).hits())
                .isNotEmpty().allMatch(h -> h.system() == CodeSystem.HCPCS);
        assertThat(search.search(new Search.Request("fracture", null, true, null, null, DOS, 20)).hits())
                .isNotEmpty().allMatch(Search.Hit::billable);
        assertThat(search.search(new Search.Request("poisoning", null, false, null, "T36-T50", DOS, 20)).hits())
                .isNotEmpty().allMatch(h -> h.code().startsWith("T36"));
        assertThat(search.search(new Search.Request("unspecified", null, false, "7", null, DOS, 20)).hits())
                .isNotEmpty().allMatch(h -> h.code().startsWith("H54"));
    }

    @Test
    void badInputGivesAMessageOrNothingNeverAnError() {
        assertThat(find("").message()).startsWith("Type a code");
        assertThat(find("   ").hits()).isEmpty();
        assertThat(find("AND (* ~ \" : ^ [ } \\ /").hits()).isEmpty();
        assertThat(find("femur\u0000\u0007 neck").hits()).isNotEmpty();
        Search.Results huge = find("fracture ".repeat(1200));
        assertThat(huge.notes()).anyMatch(n -> n.startsWith("Only the first 200 characters"));
        assertThat(find("zzzzqqqq").message()).startsWith("No code matches");
    }

    @Test
    void suggestionsCompleteCodesAndWords() {
        List<Search.Suggestion> byCode = search.suggest("S72.00", CodeSystem.ICD10CM, DOS, 8);
        assertThat(byCode).extracting(Search.Suggestion::code).startsWith("S72.00", "S72.001").allMatch(c -> c.startsWith("S72.00"));
        List<Search.Suggestion> byWord = search.suggest("penicil", null, DOS, 8);
        assertThat(byWord).extracting(Search.Suggestion::code).contains("T36.0");
        assertThat(search.suggest("femur fract", null, DOS, 8)).isNotEmpty().allMatch(s -> s.code().startsWith("S72"));
        assertThat(search.suggest("", null, DOS, 8)).isEmpty();
        assertThat(search.suggest("(*", null, DOS, 8)).isEmpty();
    }
}
