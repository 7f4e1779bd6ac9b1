package org.codedesk.casecoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CodiEspScoreTest {

    @Test
    void averagePrecisionCountsTheRankOfEveryGoldCode() {
        // gold at ranks 1 and 3 of 2 gold codes: (1/1 + 2/3) / 2
        assertThat(CodiEspScore.averagePrecision(List.of("A", "X", "B"), Set.of("A", "B"))).isCloseTo(0.8333, within(1e-4));
        // a gold code never ranked counts as zero
        assertThat(CodiEspScore.averagePrecision(List.of("A"), Set.of("A", "B"))).isCloseTo(0.5, within(1e-9));
        assertThat(CodiEspScore.averagePrecision(List.of("X", "Y"), Set.of("A"))).isZero();
    }

    @Test
    void microPrecisionAndRecallPoolEveryDocument() {
        CodiEspScore score = CodiEspScore.of(Map.of("d1", List.of("A", "B"), "d2", List.of("C")),
                Map.of("d1", Set.of("A", "B"), "d2", Set.of("C")), Map.of("d1", Set.of("A"), "d2", Set.of("C", "D")));
        assertThat(score.precision()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(score.recall()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(score.map()).isCloseTo((1.0 + 0.5) / 2, within(1e-9));
    }
}
