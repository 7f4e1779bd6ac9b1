package org.codedesk.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Accounts and their single-use tokens in the database. */
@Repository
class AccountRepository {

    private final JdbcTemplate jdbc;

    AccountRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> byEmail(String email) {
        return jdbc.query("select * from account where email = ?", AccountRepository::account, normalize(email)).stream().findFirst();
    }

    Optional<Account> byId(long id) {
        return jdbc.query("select * from account where id = ?", AccountRepository::account, id).stream().findFirst();
    }

    long create(String email, String passwordHash, Set<Role> roles) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("insert into account (email, password_hash, roles, plan, email_verified, disabled, failed_logins,"
                    + " created_at) values (?, ?, ?, 'FREE', false, false, 0, ?)", new String[] {"id"});
            ps.setString(1, normalize(email));
            ps.setString(2, passwordHash);
            ps.setString(3, roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    java.util.List<Account> find(String query, int limit) {
        return jdbc.query("select * from account where email like ? order by email fetch first " + limit + " rows only",
                AccountRepository::account, "%" + normalize(query).replace("%", "").replace("_", "") + "%");
    }

    void setRoles(long id, Set<Role> roles) {
        jdbc.update("update account set roles = ? where id = ?", roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",")), id);
    }

    void setPlan(long id, String plan, Instant until) {
        jdbc.update("update account set plan = ?, plan_until = ? where id = ?", plan, until == null ? null : Timestamp.from(until), id);
    }

    void setDisabled(long id, boolean disabled) {
        jdbc.update("update account set disabled = ? where id = ?", disabled, id);
    }

    void audit(String actor, String action, String target, String detail) {
        jdbc.update("insert into account_audit (at, actor_email, action, target_email, detail) values (?, ?, ?, ?, ?)",
                Timestamp.from(Instant.now()), actor, action, target, detail);
    }

    java.util.List<AuditEntry> auditLog(int limit) {
        return jdbc.query("select * from account_audit order by id desc fetch first " + limit + " rows only", (rs, i) -> new AuditEntry(
                rs.getTimestamp("at").toInstant(), rs.getString("actor_email"), rs.getString("action"), rs.getString("target_email"),
                rs.getString("detail")));
    }

    void setEmail(long id, String email) {
        jdbc.update("update account set email = ?, email_verified = false where id = ?", normalize(email), id);
    }

    /** Deletes the account and, by cascade, its tokens; the audit log keeps the email of admin actions (see delete()). */
    void delete(long id) {
        jdbc.update("delete from account where id = ?", id);
    }

    void markVerified(long id) {
        jdbc.update("update account set email_verified = true where id = ?", id);
    }

    void setPassword(long id, String passwordHash) {
        jdbc.update("update account set password_hash = ?, failed_logins = 0, locked_until = null where id = ?", passwordHash, id);
    }

    /** Counts a failed login; from {@code limit} failures on, locks the account until {@code until}. */
    void recordFailure(String email, int limit, Instant until) {
        jdbc.update("update account set failed_logins = failed_logins + 1 where email = ?", normalize(email));
        jdbc.update("update account set locked_until = ? where email = ? and failed_logins >= ?", Timestamp.from(until), normalize(email), limit);
    }

    void recordSuccess(String email) {
        jdbc.update("update account set failed_logins = 0, locked_until = null where email = ?", normalize(email));
    }

    void saveToken(String tokenHash, long accountId, String purpose, Instant expiresAt) {
        jdbc.update("insert into account_token (token_hash, account_id, purpose, expires_at) values (?, ?, ?, ?)",
                tokenHash, accountId, purpose, Timestamp.from(expiresAt));
    }

    /** The account of a token that is unused and unexpired, without using it. */
    Optional<Long> pendingToken(String tokenHash, String purpose, Instant now) {
        return jdbc.queryForList("select account_id from account_token where token_hash = ? and purpose = ? and used_at is null"
                + " and expires_at > ?", Long.class, tokenHash, purpose, Timestamp.from(now)).stream().findFirst();
    }

    /** Marks a token used and returns its account, only if it exists, has this purpose, is unused and unexpired. */
    Optional<Long> useToken(String tokenHash, String purpose, Instant now) {
        int used = jdbc.update("update account_token set used_at = ? where token_hash = ? and purpose = ? and used_at is null and expires_at > ?",
                Timestamp.from(now), tokenHash, purpose, Timestamp.from(now));
        if (used != 1) {
            return Optional.empty();
        }
        return jdbc.queryForList("select account_id from account_token where token_hash = ?", Long.class, tokenHash).stream().findFirst();
    }

    static String normalize(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    private static Account account(ResultSet rs, int i) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(rs.getString("roles").split(",")).filter(r -> !r.isBlank()).forEach(r -> roles.add(Role.valueOf(r)));
        Timestamp locked = rs.getTimestamp("locked_until");
        Timestamp planUntil = rs.getTimestamp("plan_until");
        return new Account(rs.getLong("id"), rs.getString("email"), rs.getString("password_hash"), roles, rs.getString("plan"),
                rs.getBoolean("email_verified"), rs.getBoolean("disabled"), rs.getInt("failed_logins"),
                locked == null ? null : locked.toInstant(), rs.getTimestamp("created_at").toInstant(),
                planUntil == null ? null : planUntil.toInstant());
    }
}
