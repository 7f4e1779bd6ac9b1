package org.codedesk.casecoding;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.codedesk.accounts.AccountDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * The cases members chose to save. A note is stored only here, only when its member asks, and every read and
 * delete names the member, so one member never sees another's cases. Gone with the account.
 */
@Service
public class SavedCases {

    static final int MAX_CODES = 100;

    private static final RowMapper<SavedCase> ROW = (rs, i) -> new SavedCase(rs.getLong("id"), rs.getTimestamp("saved_at").toInstant(),
            rs.getString("title"), rs.getObject("date_of_service", LocalDate.class), EncounterSetting.parse(rs.getString("setting")),
            rs.getString("note_text"), rs.getString("codes").isEmpty() ? List.of() : Arrays.asList(rs.getString("codes").split(",")));

    private final JdbcTemplate jdbc;

    SavedCases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Saves a member's case with the codes they accepted; returns its id. The title defaults to the note's first words. */
    public long save(long accountId, String title, String text, LocalDate dateOfService, EncounterSetting setting, List<String> codes) {
        CaseCoder.requireText(text);
        if (codes.size() > MAX_CODES || codes.stream().anyMatch(c -> !c.matches("[A-Z0-9.]{3,8}"))) {
            throw new IllegalArgumentException("The accepted codes are not a list of ICD-10-CM or ICD-10-PCS codes.");
        }
        String name = title == null || title.isBlank() ? firstWords(text) : title.strip();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var s = c.prepareStatement("insert into casecoding_case (account_id, saved_at, title, date_of_service, setting, note_text, codes)"
                    + " values (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            s.setLong(1, accountId);
            s.setTimestamp(2, Timestamp.from(Instant.now()));
            s.setString(3, name.length() > 200 ? name.substring(0, 200) : name);
            s.setObject(4, dateOfService);
            s.setString(5, setting.slug());
            s.setString(6, text);
            s.setString(7, String.join(",", codes));
            return s;
        }, key);
        return key.getKey().longValue();
    }

    public List<SavedCase> list(long accountId) {
        return jdbc.query("select * from casecoding_case where account_id = ? order by saved_at desc, id desc", ROW, accountId);
    }

    public Optional<SavedCase> find(long accountId, long id) {
        return jdbc.query("select * from casecoding_case where account_id = ? and id = ?", ROW, accountId, id).stream().findFirst();
    }

    /** Deletes a member's case; false when it is not theirs (or already gone). */
    public boolean delete(long accountId, long id) {
        return jdbc.update("delete from casecoding_case where account_id = ? and id = ?", accountId, id) == 1;
    }

    @EventListener
    void on(AccountDeleted deleted) {
        jdbc.update("delete from casecoding_case where account_id = ?", deleted.accountId());
    }

    private static String firstWords(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= 60 ? flat : flat.substring(0, 60) + "…";
    }
}
