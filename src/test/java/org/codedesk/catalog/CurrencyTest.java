package org.codedesk.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The one rule and the one sentence for a date whose release is not imported. */
class CurrencyTest {

    @Test
    void eachCycleNamesThePeriodInForceAndItsStart() {
        LocalDate day = LocalDate.of(2026, 12, 6);
        assertThat(PublicationCycle.FISCAL_YEAR.periodName(day)).isEqualTo("FY2027");
        assertThat(PublicationCycle.FISCAL_YEAR.periodStart(day)).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(PublicationCycle.FISCAL_YEAR.periodName(LocalDate.of(2026, 9, 30))).isEqualTo("FY2026");
        assertThat(PublicationCycle.QUARTERLY.periodName(day)).isEqualTo("2026-Q4");
        assertThat(PublicationCycle.QUARTERLY.periodStart(LocalDate.of(2026, 6, 30))).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(PublicationCycle.CALENDAR_YEAR.periodStart(day)).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(PublicationCycle.NONE.periodName(day)).isNull();
    }

    @Test
    void anOlderReleaseAnswersAndTheSentenceSaysWhichAndWhy() {
        Currency stale = Currency.of("ICD-10-CM", PublicationCycle.FISCAL_YEAR, LocalDate.of(2026, 12, 6), "FY2026", LocalDate.of(2025, 10, 1));
        assertThat(stale.stale()).isTrue();
        assertThat(stale.sentence()).isEqualTo("ICD-10-CM FY2027 is in force since 2026-10-01 and is not imported; shown: FY2026.");

        Currency current = Currency.of("ICD-10-CM", PublicationCycle.FISCAL_YEAR, LocalDate.of(2023, 5, 1), "FY2023 (April 2023 update)",
                LocalDate.of(2023, 4, 1));
        assertThat(current.stale()).isFalse();
        assertThat(current.sentence()).isNull();

        Currency none = Currency.of("MUE table, practitioner services", PublicationCycle.QUARTERLY, LocalDate.of(2026, 12, 6), null, null);
        assertThat(none.sentence()).isEqualTo("MUE table, practitioner services 2026-Q4 is in force since 2026-10-01 and is not imported;"
                + " no older release is imported either.");
        assertThat(Currency.of("GEMs", PublicationCycle.NONE, LocalDate.of(2026, 12, 6), "FY2018", LocalDate.of(2017, 10, 1)).stale()).isFalse();
    }

    @Test
    void beforeIcd10TookEffectNoReleaseOfItIsInForce() {
        Currency before = Catalog.currency(CodeSystem.ICD10PCS, LocalDate.of(2014, 5, 1), java.util.Optional.empty());
        assertThat(before.stale()).isTrue();
        assertThat(before.sentence()).isEqualTo("ICD-10-PCS was not in force on 2014-05-01: services before 2015-10-01 were coded with"
                + " ICD-9-CM volume 3, which CodeDesk does not carry.");
        // from its first day the fiscal year's release is what is missing
        assertThat(Catalog.currency(CodeSystem.ICD10CM, LocalDate.of(2015, 10, 1), java.util.Optional.empty()).sentence())
                .isEqualTo("ICD-10-CM FY2016 is in force since 2015-10-01 and is not imported; no older release is imported either.");
    }
}
