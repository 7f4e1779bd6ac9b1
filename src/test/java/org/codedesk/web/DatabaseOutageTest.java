package org.codedesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.codedesk.HttpVisitor;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A database outage, made real: the running pool's connections are evicted and new ones refused (wrong user), so every
 * request waits for a connection until Hikari's timeout, as when the database is down. Pages, the JSON API, FHIR and a
 * request whose session lives in the database are answered 503 with Retry-After in their own format, never 500; the
 * service answers normally again once the database is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.datasource.hikari.connection-timeout=2000")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // its pool has been through an outage
class DatabaseOutageTest {

    @LocalServerPort int port;
    @Autowired DataSource dataSource;
    @Autowired CatalogImporter importer;

    private HikariDataSource pool;
    private String user;

    @BeforeEach
    void importFixtures() throws Exception {
        importer.importPaths(List.of(Path.of("src/test/resources/fixtures/releases")));
        pool = dataSource.unwrap(HikariDataSource.class);
        user = pool.getUsername();
    }

    /**
     * The database "goes down": idle connections are closed and new ones refused; a caller waits 250 ms, then fails.
     * Returns once the pool really serves no connection: one the pool was still opening for the right user when the
     * outage began (after the previous test's recovery) is evicted too.
     */
    private void outage() throws InterruptedException {
        HikariConfigMXBean config = pool.getHikariConfigMXBean();
        config.setConnectionTimeout(250);
        config.setUsername("codedesk_outage_nobody");
        for (int i = 0; i < 40; i++) {
            pool.getHikariPoolMXBean().softEvictConnections();
            try (Connection connection = pool.getConnection()) {
                Thread.sleep(100); // a connection opened before the outage: evict it on the next round
            } catch (SQLException e) {
                return;
            }
        }
        throw new IllegalStateException("the outage could not be made");
    }

    /** The database is back: the right user again, and a connection served (H2 makes a login wait after failed ones). */
    @AfterEach
    void databaseBack() throws InterruptedException {
        HikariConfigMXBean config = pool.getHikariConfigMXBean();
        config.setUsername(user);
        config.setConnectionTimeout(2000);
        pool.getHikariPoolMXBean().softEvictConnections();
        for (int i = 0; i < 60; i++) {
            try (Connection connection = pool.getConnection()) {
                return;
            } catch (SQLException e) {
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("the pool did not recover");
    }

    private static void assertUnavailable(HttpVisitor.Reply reply, String contentType) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).isEqualTo("30");
        assertThat(reply.header("Content-Type")).startsWith(contentType);
        assertThat(reply.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void aPageIsAnswered503WithRetryAfter() throws InterruptedException {
        HttpVisitor visitor = new HttpVisitor(port);
        assertThat(visitor.get("/jobs").status()).isEqualTo(200);
        outage();
        HttpVisitor.Reply reply = visitor.get("/jobs");
        assertUnavailable(reply, "text/html");
        assertThat(reply.body()).contains("Temporarily unavailable").contains("cannot reach its database").contains("try again in 30 seconds")
                .contains("Skip to content").contains("American Medical Association"); // the one layout, without the session's header links
    }

    @Test
    void theJsonApiAnswersProblemJson() throws InterruptedException {
        HttpVisitor client = new HttpVisitor(port);
        assertThat(client.get("/api/v1/jobs", "Accept", "application/json").status()).isEqualTo(200);
        outage();
        HttpVisitor.Reply reply = client.get("/api/v1/jobs", "Accept", "application/json");
        assertUnavailable(reply, "application/problem+json");
        assertThat(reply.body()).contains("\"status\":503").contains("\"title\":\"Service Unavailable\"").contains("\"instance\":\"/api/v1/jobs\"");
        // an API token is looked up in the database by a security filter, before any controller
        assertUnavailable(client.get("/api/v1/jobs", "Accept", "application/json", "Authorization", "Bearer cdk_not-a-real-token"),
                "application/problem+json");
    }

    @Test
    void aRequestWithASessionIsAnswered503() throws InterruptedException {
        HttpVisitor visitor = new HttpVisitor(port);
        HttpVisitor.Reply login = visitor.get("/login"); // the form's CSRF token is kept in a session, in the database
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("Set-Cookie")).contains("SESSION=");
        outage();
        assertUnavailable(visitor.get("/login"), "text/html");
        assertUnavailable(visitor.get("/api/v1/jobs", "Accept", "application/json"), "application/problem+json");
    }

    @Test
    void fhirAnswersATransientOperationOutcome() throws InterruptedException {
        HttpVisitor client = new HttpVisitor(port);
        String lookup = "/fhir/CodeSystem/$lookup?system=http://hl7.org/fhir/sid/icd-10-cm&code=S72.001A&date=2016-06-01";
        assertThat(client.get(lookup, "Accept", "application/fhir+json").status()).isEqualTo(200);
        outage();
        HttpVisitor.Reply reply = client.get(lookup, "Accept", "application/fhir+json");
        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).isEqualTo("30");
        assertThat(reply.body()).contains("\"resourceType\":\"OperationOutcome\"").contains("\"code\":\"transient\"");
    }

    @Test
    void theServiceAnswersAgainWhenTheDatabaseIsBack() throws InterruptedException {
        HttpVisitor visitor = new HttpVisitor(port);
        outage();
        assertThat(visitor.get("/jobs").status()).isEqualTo(503);
        assertThatCode(this::databaseBack).doesNotThrowAnyException();
        assertThat(visitor.get("/jobs").status()).isEqualTo(200);
    }
}
