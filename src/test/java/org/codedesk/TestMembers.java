package org.codedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.codedesk.accounts.Accounts;
import org.springframework.jdbc.core.JdbcTemplate;

/** Members for tests: registered through the accounts module, then verified as if the mail's link had been followed. */
public final class TestMembers {

    public static final String PASSWORD = "a long enough test passphrase";

    private TestMembers() {
    }

    /** A new verified member whose address starts with {@code prefix}; returns the address. */
    public static String verified(Accounts accounts, JdbcTemplate jdbc, String prefix) {
        String email = prefix + "-" + UUID.randomUUID() + "@example.org";
        assertThat(accounts.register(email, PASSWORD)).isEmpty();
        jdbc.update("update account set email_verified = true where email = ?", email);
        return email;
    }
}
