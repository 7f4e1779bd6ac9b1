package org.codedesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RankingFingerprintTest {

    @Test
    void digestsTheSearchClassesAndWordLists() {
        String fingerprint = RankingFingerprint.of();
        // "<files>-<24 hex digits>": the search package's classes and the five word lists at least
        assertThat(fingerprint).matches("\\d+-[0-9a-f]{24}");
        assertThat(Integer.parseInt(fingerprint.substring(0, fingerprint.indexOf('-')))).isGreaterThan(20);
        assertThat(RankingFingerprint.of()).isEqualTo(fingerprint);
    }
}
