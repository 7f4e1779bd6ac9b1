package org.codedesk.accounts;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions in the database (Spring Session JDBC, tables in {@code V6__sessions.sql}) under concurrent requests: several
 * requests of one session that each add the same attribute (the saved request, a CSRF token) used to insert the same
 * row, and all but the first failed with a duplicate key (a 500). An attribute is written as an upsert instead, in the
 * dialect of the database in use (PostgreSQL {@code ON CONFLICT}, H2 {@code MERGE ... KEY}).
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

    static final String POSTGRESQL_UPSERT = """
            INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES) VALUES (?, ?, ?)
            ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
            """;
    static final String H2_UPSERT = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)
            """;

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributesWrittenAsUpserts(DataSource dataSource) throws MetaDataAccessException {
        String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        String upsert = database.toLowerCase(java.util.Locale.ROOT).contains("postgres") ? POSTGRESQL_UPSERT : H2_UPSERT;
        return repository -> repository.setCreateSessionAttributeQuery(upsert);
    }
}
