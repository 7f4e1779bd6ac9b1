package org.codedesk.accounts;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * API tokens for the JSON API ({@code Authorization: Bearer cdk_...}): created by a member (the secret is shown
 * once), listed, revoked. A token acts as its owner, with the owner's roles and plan.
 */
@Service
public class ApiTokens {

    private final JdbcTemplate jdbc;
    private final AccountRepository accounts;
    private final java.time.Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcTemplate jdbc, AccountRepository accounts, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Creates a token for the member and returns its secret: the only time anyone sees it. */
    public String create(String email, String name) {
        Account account = accounts.byEmail(email).orElseThrow();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = "cdk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String label = name == null || name.isBlank() ? "token" : name.strip();
        jdbc.update("insert into api_token (account_id, name, token_hash, prefix, created_at) values (?, ?, ?, ?, ?)", account.id(),
                label.length() > 100 ? label.substring(0, 100) : label, Accounts.hash(token), token.substring(0, 10),
                Timestamp.from(clock.instant()));
        return token;
    }

    public List<ApiToken> of(String email) {
        return jdbc.query("select t.* from api_token t join account a on a.id = t.account_id where a.email = ? order by t.id",
                (rs, i) -> new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"), rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at"))), AccountRepository.normalize(email));
    }

    /** Revokes one of the member's own tokens; false when it is not theirs. */
    public boolean revoke(String email, long tokenId) {
        return jdbc.update("update api_token set revoked_at = ? where id = ? and revoked_at is null and account_id ="
                + " (select id from account where email = ?)", Timestamp.from(clock.instant()), tokenId, AccountRepository.normalize(email)) == 1;
    }

    /** The owner of an active token (usable: verified, not disabled), noting its use. */
    Optional<Account> owner(String token) {
        String hash = Accounts.hash(token);
        List<Long> ids = jdbc.queryForList("select account_id from api_token where token_hash = ? and revoked_at is null", Long.class, hash);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        jdbc.update("update api_token set last_used_at = ? where token_hash = ?", Timestamp.from(clock.instant()), hash);
        return accounts.byId(ids.get(0)).filter(Account::usable);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
