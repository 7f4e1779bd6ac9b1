package org.codedesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The ranking rules of issue 21 on a hand-written FY2012 fixture (fixtures/search-ranking: an order file, an alphabetic
 * index with main terms, subterms and defaults, and a few PCS codes), on a date of service in 2012 so that no other
 * release interferes: the code the index prints for the words typed comes first, NOS before specific, acute before
 * old, procedure words find procedures, coders' words are not "corrected", and autocomplete ranks the same way.
 * A database of its own: a FY2012 release in the shared test database would answer other tests' dates before FY2015.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:search-ranking;DB_CLOSE_DELAY=-1",
        "codedesk.home=target/test-data-search-ranking"})
class SearchRankingTest {

    static final LocalDate DOS = LocalDate.of(2012, 6, 1);

    @Autowired Search search;
    @Autowired CatalogImporter importer;
    @Autowired SearchIndexes indexes;

    @BeforeEach
    void importFixtures() {
        importer.importPaths(List.of(Path.of("src/test/resources/fixtures/search-ranking")));
    }

    private Search.Results find(String query) {
        return search.search(new Search.Request(query, null, false, null, null, DOS, 10));
    }

    private String first(String query) {
        Search.Results results = find(query);
        assertThat(results.hits()).as(query).isNotEmpty();
        return results.hits().get(0).code();
    }

    private String firstSuggestion(String typed) {
        List<Search.Suggestion> suggestions = search.suggest(typed, null, DOS, 8);
        assertThat(suggestions).as(typed).isNotEmpty();
        return suggestions.get(0).code();
    }

    @Test
    void theIndexDefaultForTheWordsTypedComesFirst() {
        assertThat(first("stroke")).isEqualTo("I63.9");
        assertThat(first("kidney stone")).isEqualTo("N20.0");
        assertThat(first("calculus kidney")).isEqualTo("N20.0");
        assertThat(first("migraine")).isEqualTo("G43.909");
    }

    @Test
    void anEntryThatOnlySaysSeeLeadsWhereItsRouteLeads() {
        // "Infarct > cerebellar - see Infarct, cerebral" and "Apoplexy - see Infarct, cerebral": no title holds these words
        assertThat(first("cerebellar infarct")).isEqualTo("I63.9");
        assertThat(first("apoplexy")).isEqualTo("I63.9");
        assertThat(firstSuggestion("apople")).isEqualTo("I63.9");
    }

    @Test
    void unspecifiedBeforeSpecificWhenTheQueryNamesNothingMore() {
        assertThat(first("pink eye")).isEqualTo("H10.9");
        assertThat(first("conjunctivitis")).isEqualTo("H10.9");
        assertThat(first("acute toxic conjunctivitis right eye")).isEqualTo("H10.211");
    }

    @Test
    void acuteBeforeOldAndHistoryUnlessAsked() {
        assertThat(first("mi")).isEqualTo("I21.9");
        assertThat(first("old mi")).isEqualTo("I25.2");
        assertThat(first("cerebral infarction")).isEqualTo("I63.9");
    }

    @Test
    void procedureWordsFindProceduresAndCodersWordsAreReadNotCorrected() {
        Search.Results appy = find("lap appy");
        assertThat(appy.hits()).first().extracting(Search.Hit::code).isEqualTo("0DTJ4ZZ");
        assertThat(appy.notes()).noneMatch(n -> n.startsWith("Showing results for")).anyMatch(n -> n.startsWith("APPY read as"));
        assertThat(first("open appy")).isEqualTo("0DTJ0ZZ");
        assertThat(first("cabg")).isEqualTo("02100Z9");
    }

    @Test
    void aRealTypingErrorIsCorrectedAndSaid() {
        Search.Results results = find("strok");
        assertThat(results.hits()).first().extracting(Search.Hit::code).isEqualTo("I63.9");
        assertThat(results.notes()).contains("Showing results for \"stroke\".");
    }

    @Test
    void autocompleteRanksAsSearchDoesForEveryPrefix() {
        assertThat(firstSuggestion("stro")).isEqualTo("I63.9");
        assertThat(firstSuggestion("migr")).isEqualTo("G43.909");
        assertThat(firstSuggestion("pink ey")).isEqualTo("H10.9");
        assertThat(firstSuggestion("kidney sto")).isEqualTo("N20.0");
        assertThat(firstSuggestion("lap ap")).isEqualTo("0DTJ4ZZ");
        assertThat(firstSuggestion("0dtj")).isEqualTo("0DTJ0ZZ");
        for (String typed : List.of("str", "stro", "strok", "stroke")) {
            assertThat(search.suggest(typed, null, DOS, 8)).as(typed).isNotEmpty();
        }
    }

    @Test
    void theSideTypedCompletesTheDashCodeTheIndexPrints() {
        // the index prints "Conjunctivitis, acute, toxic H10.21-": the side is the tabular's, and "lt" is left
        Search.Results left = find("acute toxic conjunctivitis lt");
        assertThat(left.hits()).first().extracting(Search.Hit::code).isEqualTo("H10.212");
        assertThat(left.hits().get(0).reasons()).anyMatch(r -> r.startsWith("Index: Conjunctivitis NOS > acute > toxic"));
        assertThat(left.notes()).contains("LT read as \"left\".");
        assertThat(first("rt eye acute toxic conjunctivitis")).isEqualTo("H10.211");
        assertThat(firstSuggestion("acute toxic conjunctivitis bilat")).isEqualTo("H10.213");
    }

    @Test
    void aHeaderComesRightAfterTheBillableCodeBelowIt() {
        // "Conjunctivitis, acute, toxic H10.21-" is a header: the code to report is below it
        List<Search.Hit> hits = find("acute toxic conjunctivitis").hits();
        assertThat(hits.get(0).billable()).isTrue();
        assertThat(hits.get(0).code()).startsWith("H10.21");
        assertThat(hits.stream().map(Search.Hit::code).toList()).contains("H10.21");
        assertThat(firstSuggestion("acute toxic conjunctiv")).startsWith("H10.21").isNotEqualTo("H10.21");
        assertThat(first("H10.21")).as("a code typed is that code, header or not").isEqualTo("H10.21");
    }

    @Test
    void aSeeRouteToADashCodeIsCompletedByTheCodesNamingWhereItLeads() {
        // "Cellulitis > leg - see Cellulitis, lower limb L03.11-": the route leads to the lower limb, not the axilla
        assertThat(first("cellulitis rt leg")).isEqualTo("L03.115");
        assertThat(first("cellulitis lt leg")).isEqualTo("L03.116");
        assertThat(first("cellulitis rt axilla")).isEqualTo("L03.111");
    }

    @Test
    void twoWordsTheIndexPrintsAsOneAreReadAsThatWord() {
        // "Sunburn L55.9": "sun" and "burn" are words too, and together they find other codes ("Burn")
        Search.Results results = find("sun burn");
        assertThat(results.hits()).first().extracting(Search.Hit::code).isEqualTo("L55.9");
        assertThat(results.notes()).contains("Showing results for \"sunburn\".");
        // "heart burn" is also a lay line (tenth round), so that autocomplete completes "heart bur" by the vocabulary first
        assertThat(first("heart burn")).isEqualTo("R12");
        assertThat(firstSuggestion("heart bur")).isEqualTo("R12");
        assertThat(first("heart disease")).isEqualTo("I51.9");
    }

    @Test
    void theSideTypedCompletesTheUnspecifiedSideTheIndexPrints() {
        // "Fracture, traumatic > ankle S82.899A" (unspecified lower leg): the left one's title names neither ankle nor
        // anything else typed, so only the index's code, read without the side, leads to it; the pathological code names
        // the left ankle but is another main term
        assertThat(first("lt ankle fx")).isEqualTo("S82.892A");
        assertThat(first("ankle fx")).isEqualTo("S82.899A");
        assertThat(Search.withoutSides("left ankle fracture")).isEqualTo("ankle fracture");
        assertThat(Search.withoutSides("ankle fracture")).isNull();
    }
}
