package org.codedesk.assistant;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.codedesk.accounts.AccountDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Members' assistant history: each answered question with its answer text and the member's feedback. Every
 * read and write names the member (account id), so one member never sees or rates another's questions. Question and
 * answer are stored with likely PHI redacted ({@link PhiRedactor}: names, dates of birth, record numbers...), since an
 * answer may quote the question's words; they are kept until the account is deleted.
 */
@Service
public class QuestionHistory {

    private static final RowMapper<AskedQuestion> ROW = (rs, i) -> new AskedQuestion(rs.getLong("id"), rs.getString("question"),
            rs.getObject("date_of_service", java.time.LocalDate.class), Intent.valueOf(rs.getString("intent")), rs.getString("answer_text"),
            rs.getTimestamp("asked_at").toInstant(), (Integer) rs.getObject("feedback", Integer.class));

    private final JdbcTemplate jdbc;

    QuestionHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores an answered question of a member, starting a conversation; returns its id. */
    public long record(long accountId, Answer answer) {
        return record(accountId, answer, null);
    }

    /** Stores an answered question in the member's conversation (null: a new one); returns its id. */
    public long record(long accountId, Answer answer, Long conversationId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        String question = PhiRedactor.redact(answer.question());
        String text = PhiRedactor.redact(answer.text() + (answer.missing().isEmpty() ? "" : "\n\n" + String.join("\n", answer.missing())));
        jdbc.update(c -> {
            var s = c.prepareStatement("insert into assistant_question (account_id, asked_at, question, date_of_service, intent, answer_text)"
                    + " values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            s.setLong(1, accountId);
            s.setTimestamp(2, Timestamp.from(Instant.now()));
            s.setString(3, question.length() > 2000 ? question.substring(0, 2000) : question); // labels may be longer than what they replace
            s.setObject(4, answer.dateOfService());
            s.setString(5, answer.intent().name());
            s.setString(6, text.length() > 20000 ? text.substring(0, 20000) : text);
            return s;
        }, key);
        long id = key.getKey().longValue();
        jdbc.update("update assistant_question set conversation_id = ? where id = ?", conversationId == null ? id : conversationId, id);
        return id;
    }

    /** A conversation of the member, oldest question first; empty when it is not the member's. */
    public List<AskedQuestion> conversation(long accountId, long conversationId) {
        return jdbc.query("select * from assistant_question where account_id = ? and conversation_id = ? order by asked_at, id", ROW,
                accountId, conversationId);
    }

    /** The member's conversations, newest first, each by its first question. */
    public List<AskedQuestion> conversations(long accountId, int limit) {
        return jdbc.query("select * from assistant_question where account_id = ? and id = conversation_id order by asked_at desc, id desc"
                + " fetch first " + limit + " rows only", ROW, accountId);
    }

    public Optional<AskedQuestion> find(long accountId, long id) {
        return jdbc.query("select * from assistant_question where account_id = ? and id = ?", ROW, accountId, id).stream().findFirst();
    }

    /** Records whether the answer helped; false when the question is not the member's. */
    public boolean feedback(long accountId, long id, boolean helpful) {
        return jdbc.update("update assistant_question set feedback = ? where account_id = ? and id = ?", helpful ? 1 : -1, accountId, id) == 1;
    }

    @EventListener
    void on(AccountDeleted deleted) {
        jdbc.update("delete from assistant_question where account_id = ?", deleted.accountId());
    }
}
