package org.codedesk.catalog.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** On PostgreSQL an import ends with fresh planner statistics (the CI runs the suite on PostgreSQL too; skipped on H2). */
@SpringBootTest
class PlannerStatisticsTest {

    @Autowired PlannerStatistics statistics;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theCatalogTablesAreAnalyzedOnPostgresql() {
        assumeTrue(statistics.applies(), "not PostgreSQL");
        OffsetDateTime before = jdbc.queryForObject("select now()", OffsetDateTime.class);
        statistics.refresh();
        OffsetDateTime analyzed = jdbc.queryForObject("select last_analyze from pg_stat_user_tables where relname = 'catalog_index_cell'",
                OffsetDateTime.class);
        assertThat(analyzed).isNotNull().isAfterOrEqualTo(before.minusSeconds(1));
    }
}
