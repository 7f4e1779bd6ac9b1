package org.codedesk.catalog.importing;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * After an import, PostgreSQL's planner statistics are refreshed: until autovacuum gets to the new rows (it may not for a
 * long time after one large import), the planner guesses, and a code page's index-cell join took 90 ms instead of under one
 * (issue 23, measured on the full data). H2 needs no such step for the statements the pages use.
 */
@Component
class PlannerStatistics {

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    PlannerStatistics(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        String product;
        try {
            product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (Exception e) {
            product = "";
        }
        this.postgres = "PostgreSQL".equalsIgnoreCase(product);
    }

    /** Whether {@link #refresh} does anything on this database. */
    boolean applies() {
        return postgres;
    }

    /** ANALYZE of the whole database (about 2 s on the full data, against minutes for the import before it). */
    void refresh() {
        if (postgres) {
            jdbc.execute("analyze");
        }
    }
}
