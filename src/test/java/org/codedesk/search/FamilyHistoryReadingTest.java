package org.codedesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A family history is read by the block of the relative's condition: the pure parts of that reading. */
class FamilyHistoryReadingTest {

    @Test
    void theRelativesConditionIsWhatTheFamilyHistoryNames() {
        assertThat(Search.relativesCondition("family history of myocardial infarction")).isEqualTo("myocardial infarction");
        assertThat(Search.relativesCondition("family history diabetes mellitus")).isEqualTo("diabetes mellitus");
        assertThat(Search.relativesCondition("family history of")).isNull();
        assertThat(Search.relativesCondition("personal history of myocardial infarction")).isNull();
        assertThat(Search.relativesCondition("familial hypercholesterolemia")).isNull();
    }

    @Test
    void theSectionsTitleWithoutItsRangeIsTheReading() {
        assertThat(Search.familyHistoryOf("Ischemic heart diseases (I20-I25)")).isEqualTo("family history of ischemic heart diseases");
        assertThat(Search.familyHistoryOf("Malignant neoplasms of breast")).isEqualTo("family history of malignant neoplasms of breast");
    }

    @Test
    void theNarrowestBlockHoldingTheConditionNamesIt() {
        var outer = new org.codedesk.catalog.Catalog.Heading("C00-C96", "section", "Malignant neoplasms (C00-C96)", "2", "C00", "C96", null);
        var digestive = new org.codedesk.catalog.Catalog.Heading("C15-C26", "section", "Malignant neoplasms of digestive organs (C15-C26)",
                "2", "C15", "C26", null);
        var breast = new org.codedesk.catalog.Catalog.Heading("C50-C50", "section", "Malignant neoplasms of breast (C50)", "2", "C50", "C50", null);
        var sections = java.util.List.of(outer, digestive, breast);
        assertThat(Search.innermostSectionTitle(sections, "C189")).isEqualTo("Malignant neoplasms of digestive organs (C15-C26)");
        assertThat(Search.innermostSectionTitle(sections, "C509")).isEqualTo("Malignant neoplasms of breast (C50)");
        assertThat(Search.innermostSectionTitle(sections, "C61")).isEqualTo("Malignant neoplasms (C00-C96)");
        assertThat(Search.innermostSectionTitle(sections, "I10")).isNull();
    }
}
