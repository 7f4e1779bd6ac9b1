package org.codedesk.edits.importing;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Inserts rows in batches of a few thousand so that a million-row table streams into the database. Not thread-safe. */
final class BatchInsert implements AutoCloseable {

    private static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final String sql;
    private final List<Object[]> pending = new ArrayList<>(BATCH);
    private int count;

    BatchInsert(JdbcTemplate jdbc, String table, String... columns) {
        this.jdbc = jdbc;
        this.sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", java.util.Collections.nCopies(columns.length, "?")) + ")";
    }

    void add(Object... row) {
        pending.add(row);
        count++;
        if (pending.size() == BATCH) {
            flush();
        }
    }

    int count() {
        return count;
    }

    private void flush() {
        if (!pending.isEmpty()) {
            jdbc.batchUpdate(sql, pending);
            pending.clear();
        }
    }

    @Override
    public void close() {
        flush();
    }
}
