package org.codedesk.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database cannot be reached (connection refused, the pool timed out waiting for one, the
 * server shutting down), which the service answers with 503 and Retry-After, not 500: the request was fine and will
 * work again when the database is back. Looks through the causes, since filters, transactions, caches and templates
 * wrap what the driver threw.
 */
public final class DatabaseOutage {

    /** How long clients are asked to wait before trying again (the Retry-After header). */
    public static final int RETRY_AFTER_SECONDS = 30;

    private DatabaseOutage() {
    }

    public static boolean isCause(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof DataAccessResourceFailureException // CannotGetJdbcConnectionException among others
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException // HikariCP: "Connection is not available, request timed out"
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLException sql && connectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SQL state class 08 (connection exception), and PostgreSQL's shutdown and "cannot connect now" states. */
    private static boolean connectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }
}
