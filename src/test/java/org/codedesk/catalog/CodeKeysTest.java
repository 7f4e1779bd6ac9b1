package org.codedesk.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A prefix of code keys as an index range: every key starting with it is inside, the next key outside. */
class CodeKeysTest {

    @Test
    void theKeyAfterAPrefixBoundsEveryCodeBelowIt() {
        assertThat(CodeKeys.after("A04")).isEqualTo("A05");
        assertThat(CodeKeys.after("A09")).isEqualTo("A0A");
        assertThat(CodeKeys.after("A0Z")).isEqualTo("A1");
        assertThat(CodeKeys.after("S72ZZ")).isEqualTo("S73");
        for (String code : new String[] {"A04", "A040", "A0472", "A04Z9ZZ"}) {
            assertThat(code.compareTo("A04")).isGreaterThanOrEqualTo(0);
            assertThat(code.compareTo(CodeKeys.after("A04"))).isNegative();
        }
        assertThat("A05".compareTo(CodeKeys.after("A04"))).isZero();
        assertThat("ZZZZZZZ".compareTo(CodeKeys.after("ZZ"))).isNegative();
    }

    @Test
    void aPrefixBindsItsRangeAndItsLikePatternAfterTheLeadingValues() {
        assertThat(CodeKeys.args(7L, CodeKeys.startsWith("A04"), 0, 10)).containsExactly(7L, "A04", "A05", "A04%", 0, 10);
        assertThat(CodeKeys.args(7L, CodeKeys.startsWith(""))).as("an empty prefix: every code")
                .containsExactly(7L, "", "Z".repeat(17), "%");
        assertThat(CodeKeys.STARTS_WITH.chars().filter(c -> c == '?').count()).isEqualTo(CodeKeys.startsWith("A").length);
    }
}
