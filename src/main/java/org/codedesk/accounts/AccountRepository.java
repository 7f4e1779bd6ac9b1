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

/** Accounts, their single-use link tokens and remember-me logins in the database. */
@Repository
class AccountRepository {

    private final JdbcTemplate jdbc;
    private final java.time.Clock clock;

    AccountRepository(JdbcTemplate jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
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
            var ps = c.prepareStatement("insert into account (email, password_hash, roles, plan, email_verified, disabled, created_at)"
                    + " values (?, ?, ?, 'FREE', false, false, ?)", new String[] {"id"});
            ps.setString(1, normalize(email));
            ps.setString(2, passwordHash);
            ps.setString(3, roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
            ps.setTimestamp(4, Timestamp.from(clock.instant()));
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
                Timestamp.from(clock.instant()), actor, action, target, detail);
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
        jdbc.update("update account set password_hash = ? where id = ?", passwordHash, id);
    }

    /** Moves the session stamp on, which ends every session that logged in before (checked on each request). */
    void endSessions(long id) {
        jdbc.update("update account set session_stamp = session_stamp + 1 where id = ?", id);
    }

    /** Forgets the remember-me logins of an address (the table of Spring Security's JdbcTokenRepositoryImpl). */
    void forgetRememberedLogins(String email) {
        jdbc.update("delete from persistent_logins where username = ?", normalize(email));
    }

    /**
     * Stores a new link's token, bound to the address it is mailed to; the account's older unused tokens of the same
     * purpose stop working, so only the latest link of each kind is good.
     */
    void saveToken(String tokenHash, long accountId, String email, String purpose, Instant expiresAt) {
        deleteTokens(accountId, purpose);
        jdbc.update("insert into account_token (token_hash, account_id, email, purpose, expires_at) values (?, ?, ?, ?, ?)",
                tokenHash, accountId, normalize(email), purpose, Timestamp.from(expiresAt));
    }

    /** Kills the account's unused tokens of one purpose. */
    void deleteTokens(long accountId, String purpose) {
        jdbc.update("delete from account_token where account_id = ? and purpose = ? and used_at is null", accountId, purpose);
    }

    /** Kills all the account's unused tokens (its address changed: they were all mailed to the old one). */
    void deleteTokens(long accountId) {
        jdbc.update("delete from account_token where account_id = ? and used_at is null", accountId);
    }

    /** The account of a token that is unused, unexpired and still for the account's address, without using it. */
    Optional<Long> pendingToken(String tokenHash, String purpose, Instant now) {
        return jdbc.queryForList("select t.account_id from account_token t join account a on a.id = t.account_id and a.email = t.email"
                + " where t.token_hash = ? and t.purpose = ? and t.used_at is null and t.expires_at > ?", Long.class, tokenHash, purpose,
                Timestamp.from(now)).stream().findFirst();
    }

    /**
     * Marks a token used and returns its account, only if it exists, has this purpose, is unused and unexpired, and the
     * account still has the address the token was mailed to.
     */
    Optional<Long> useToken(String tokenHash, String purpose, Instant now) {
        int used = jdbc.update("update account_token set used_at = ? where token_hash = ? and purpose = ? and used_at is null and expires_at > ?"
                + " and email = (select a.email from account a where a.id = account_token.account_id)",
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
        Timestamp planUntil = rs.getTimestamp("plan_until");
        return new Account(rs.getLong("id"), rs.getString("email"), rs.getString("password_hash"), roles, rs.getString("plan"),
                rs.getBoolean("email_verified"), rs.getBoolean("disabled"), rs.getTimestamp("created_at").toInstant(),
                planUntil == null ? null : planUntil.toInstant(), rs.getInt("session_stamp"));
    }
}
