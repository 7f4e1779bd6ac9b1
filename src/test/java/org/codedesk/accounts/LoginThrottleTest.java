package org.codedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 17, finding 3: wrong passwords make the client that sends them wait, per (email, client address) and per client
 * address, with a growing wait; they never lock the owner out on another address. The state is in the database.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LoginThrottleTest {

    private static final String PASSWORD = "a perfectly long passphrase";

    @Autowired MockMvc mvc;
    @Autowired AccountRepository repository;
    @Autowired PasswordEncoder encoder;
    @Autowired JdbcTemplate jdbc;

    private String account() {
        String email = "throttle-" + UUID.randomUUID() + "@example.org";
        repository.markVerified(repository.create(email, encoder.encode(PASSWORD), EnumSet.of(Role.MEMBER)));
        return email;
    }

    /** A client address of its own for each test, so that tests do not throttle each other. */
    private static String client() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
    }

    private String failFrom(String client, String email) throws Exception {
        return MockSessions.attempt(mvc, email, "not the password at all", client).andReturn().getResponse().getRedirectedUrl();
    }

    /** As if the client had waited out its current wait. */
    private void waitOut(String email, String client) {
        Timestamp past = Timestamp.from(Instant.now().minusSeconds(1));
        jdbc.update("update login_throttle set blocked_until = ? where throttle_key in (?, ?) and blocked_until is not null", past,
                LoginAttempts.accountKey(email, client), LoginAttempts.clientKey(client));
    }

    @Test
    void twentyFailuresFromOneClientDoNotStopTheOwnerLoggingInFromAnother() throws Exception {
        String email = account();
        String attacker = client();
        for (int i = 0; i < 20; i++) {
            failFrom(attacker, email);
        }
        MockSessions.logIn(mvc, email, PASSWORD, client()); // the owner, elsewhere: in
    }

    @Test
    void theThrottledClientIsToldWhyAndForHowLongEvenWithTheRightPassword() throws Exception {
        String email = account();
        String attacker = client();
        for (int i = 1; i < LoginAttempts.FREE_PER_ACCOUNT; i++) {
            assertThat(failFrom(attacker, email)).isEqualTo("/login?error");
        }
        assertThat(failFrom(attacker, email)).isEqualTo("/login?wait=1");
        MockSessions.attempt(mvc, email, PASSWORD, attacker).andExpect(redirectedUrl("/login?wait=1"));
        String page = mvc.perform(get("/login?wait=1")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Too many failed log-ins from this network; try again in 1 minute.");
        assertThat(mvc.perform(get("/login?wait=25")).andReturn().getResponse().getContentAsString()).contains("try again in 25 minutes.");
    }

    @Test
    void theWaitDoublesWithEachFurtherFailureUpToAnHour() throws Exception {
        String email = account();
        String attacker = client();
        for (int i = 1; i < LoginAttempts.FREE_PER_ACCOUNT; i++) {
            failFrom(attacker, email);
        }
        assertThat(failFrom(attacker, email)).isEqualTo("/login?wait=1");
        for (long minutes : new long[] {2, 4, 8, 16, 32, 60, 60}) {
            waitOut(email, attacker);
            assertThat(failFrom(attacker, email)).as("after waiting").isEqualTo("/login?wait=" + minutes);
        }
        assertThat(LoginAttempts.waitAfter(1000, 5)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void unknownEmailsAreThrottledExactlyLikeKnownOnes() throws Exception {
        String known = account();
        String unknown = "nobody-" + UUID.randomUUID() + "@example.org";
        String attacker = client();
        for (int i = 1; i < LoginAttempts.FREE_PER_ACCOUNT; i++) {
            assertThat(failFrom(attacker, unknown)).isEqualTo(failFrom(attacker, known));
        }
        assertThat(failFrom(attacker, unknown)).isEqualTo("/login?wait=1").isEqualTo(failFrom(attacker, known));
    }

    @Test
    void aClientTryingManyAccountsWaitsForAllOfThem() throws Exception {
        String attacker = client();
        String last = null;
        for (int i = 0; i < LoginAttempts.FREE_PER_CLIENT; i++) {
            last = failFrom(attacker, "sprayed-" + i + "-" + UUID.randomUUID() + "@example.org");
        }
        assertThat(last).isEqualTo("/login?wait=1");
        String email = account();
        MockSessions.attempt(mvc, email, PASSWORD, attacker).andExpect(redirectedUrl("/login?wait=1"));
        MockSessions.logIn(mvc, email, PASSWORD, client());
        assertThat(jdbc.queryForObject("select count(*) from login_throttle where throttle_key = ?", Integer.class,
                LoginAttempts.clientKey(attacker))).isEqualTo(1); // kept in the database, for every node
    }

    @Test
    void aSuccessClearsTheCountForThatAccountAndClient() throws Exception {
        String email = account();
        String owner = client();
        for (int i = 1; i < LoginAttempts.FREE_PER_ACCOUNT; i++) {
            failFrom(owner, email);
        }
        MockSessions.logIn(mvc, email, PASSWORD, owner);
        for (int i = 1; i < LoginAttempts.FREE_PER_ACCOUNT; i++) {
            assertThat(failFrom(owner, email)).isEqualTo("/login?error");
        }
    }
}
