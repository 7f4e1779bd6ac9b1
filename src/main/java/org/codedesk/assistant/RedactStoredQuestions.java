package org.codedesk.assistant;

import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Flyway migration V23 (in Java, since the redaction is {@link PhiRedactor}'s, not SQL's): members' questions and
 * answers stored before {@link QuestionHistory} redacted them are redacted in place, so no verbatim name, date of
 * birth or record number stays in {@code assistant_question}. Spring Boot hands this bean to Flyway.
 */
@Component
class RedactStoredQuestions implements JavaMigration {

    private static final int PAGE = 500;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("23");
    }

    @Override
    public String getDescription() {
        return "assistant redact stored questions";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        redact(new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true)));
    }

    /** Redacts every stored question and answer text, a page of rows at a time; returns how many rows changed. */
    static int redact(JdbcTemplate jdbc) {
        record Row(long id, String question, String answer) { }
        int changed = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            List<Row> rows = jdbc.query("select id, question, answer_text from assistant_question where id > ? order by id fetch first "
                    + PAGE + " rows only", (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3)), after);
            if (rows.isEmpty()) {
                return changed;
            }
            List<Object[]> updates = new ArrayList<>();
            for (Row row : rows) {
                String question = clip(PhiRedactor.redact(row.question()), 2000);
                String answer = clip(PhiRedactor.redact(row.answer()), 20000);
                if (!question.equals(row.question()) || !answer.equals(row.answer())) {
                    updates.add(new Object[] {question, answer, row.id()});
                }
            }
            if (!updates.isEmpty()) {
                jdbc.batchUpdate("update assistant_question set question = ?, answer_text = ? where id = ?", updates);
            }
            changed += updates.size();
            after = rows.get(rows.size() - 1).id();
        }
    }

    private static String clip(String text, int length) {
        return text.length() > length ? text.substring(0, length) : text;
    }
}
