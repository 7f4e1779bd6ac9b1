package org.codedesk.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.codedesk.CoverageFixtureData;
import org.codedesk.TestClock;
import org.codedesk.catalog.importing.CatalogImporter;
import org.codedesk.edits.Dataset;
import org.codedesk.edits.Edits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A claim without a date of service is checked for today, the application clock's day (as code pages and the currency
 * sentences count it), and a day whose quarter is not imported is checked against the newest older tables: MUE and fee
 * findings stale, with the product's sentence, never "no table".
 */
@SpringBootTest
class ClaimDateTest {

    /** 2016-08-01 is in 2016-Q3; the fixture tables are those of 2016-Q2. */
    static final Instant AUGUST = Instant.parse("2016-08-01T12:00:00Z");

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(AUGUST);
        }
    }

    @Autowired CatalogImporter importer;
    @Autowired ClaimChecker checker;
    @Autowired Edits edits;
    @Autowired TestClock clock;

    @BeforeEach
    void importFixtures() {
        CoverageFixtureData.importAll(importer);
        clock.set(AUGUST);
    }

    @Test
    void aClaimWithoutADateIsCheckedForTheApplicationsTodayAgainstTheNewestOlderTables() {
        ClaimCheck check = checker.check(new Claim("", "practitioner", List.of(new ClaimLine("99213", List.of(), 1)), List.of(), null));
        assertThat(check.dateOfService()).isEqualTo(LocalDate.of(2016, 8, 1));
        LocalDate today = check.dateOfService();
        assertThat(check.findings()).filteredOn(f -> f.check().equals("mue")).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(FindingStatus.STALE);
            assertThat(f.message()).endsWith(edits.currency(Dataset.MUE_PRACTITIONER, today).sentence())
                    .contains("MUE table, practitioner services 2016-Q3 is in force since 2016-07-01 and is not imported; shown: 2016-Q2.");
        });
        assertThat(check.findings()).filteredOn(f -> f.check().equals("fee_schedule")).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(FindingStatus.STALE);
            assertThat(f.message()).endsWith(edits.currency(Dataset.PFS_RVU, today).sentence());
        });
        assertThat(check.findings()).noneMatch(f -> f.status() == FindingStatus.NO_DATA && f.check().matches("mue|fee_schedule"));
        assertThat(check.clean()).isFalse();
    }
}
