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
}
