package org.codedesk.consult;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.codedesk.EditsFixtureData;
import org.codedesk.TestClock;
import org.codedesk.TestMembers;
import org.codedesk.accounts.Accounts;
import org.codedesk.accounts.Member;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * A consult's question is committed before the assistant drafts it: while a slow language model (WireMock, 3 s) is
 * writing the draft, another connection already sees the thread's message and its acknowledgement, and the
 * acknowledgement that is to carry the instant draft waits in the outbox until the draft is added to it.
 */
@SpringBootTest(properties = {"codedesk.consult.send-instant-draft=true", "codedesk.consult.outbox.interval=PT1H"})
class DraftAfterCommitTest {

    @RegisterExtension
    static WireMockExtension model = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @DynamicPropertySource
    static void endpoint(DynamicPropertyRegistry registry) {
        registry.add("codedesk.assistant.model.url", () -> model.baseUrl() + "/v1");
        registry.add("codedesk.assistant.model.name", () -> "test-model");
        registry.add("codedesk.assistant.model.timeout", () -> "PT20S");
    }

    /** "Today" is a day the fixtures' 2016 edits are in force, so that the assistant has sources and asks the model. */
    @TestConfiguration
    static class Today {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(Instant.parse("2016-06-01T12:00:00Z"));
        }
    }

    @Autowired Consults consults;
    @Autowired Accounts accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired CatalogImporter importer;

    @Test
    void theQuestionIsCommittedBeforeTheModelIsAsked() throws Exception {
        EditsFixtureData.importAll(importer);
        model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withFixedDelay(3_000)
                .withHeader("Content-Type", "application/json")
                .withBody(LanguageModelReply.completion("For the practitioner, 20610 is limited to 2 units per line [1]."))));
        Member member = accounts.member(TestMembers.verified(accounts, jdbc, "drafted")).orElseThrow();
        String question = "What's the MUE for 20610? (" + UUID.randomUUID() + ")";

        CompletableFuture<Long> asked = CompletableFuture.supplyAsync(() -> consults.ask(member, "MUE of 20610", question));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (model.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).isEmpty()) {
            assertThat(System.nanoTime()).as("the language model was never asked").isLessThan(deadline);
            assertThat(asked).isNotCompletedExceptionally();
            Thread.sleep(20);
        }

        // the model is writing: another connection sees the stored question and the waiting acknowledgement
        assertThat(asked).isNotDone();
        try (Connection other = dataSource.getConnection()) {
            assertThat(count(other, "select count(*) from consult_message where body = ?", question)).isEqualTo(1);
            assertThat(count(other, "select count(*) from consult_outbox where account_id = ? and locked_until is not null"
                    + " and sent_at is null", member.id())).isEqualTo(1);
        }

        long thread = asked.get(30, TimeUnit.SECONDS);
        assertThat(jdbc.queryForObject("select draft from consult_thread where id = ?", String.class, thread))
                .contains("limited to 2 units per line");
        assertThat(jdbc.queryForObject("select status from consult_thread where id = ?", String.class, thread)).isEqualTo("DRAFTED");
        assertThat(jdbc.queryForObject("select body from consult_outbox where thread_id = ?", String.class, thread))
                .contains("NOT YET REVIEWED").contains("limited to 2 units per line");
        assertThat(jdbc.queryForObject("select count(*) from consult_outbox where thread_id = ? and locked_until is null", Integer.class, thread))
                .isEqualTo(1);
    }

    private static int count(Connection connection, String sql, Object parameter) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** An OpenAI-compatible chat completion, as in the assistant's LanguageModelTest. */
    private static final class LanguageModelReply {
        static String completion(String content) {
            return "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                    + "\"" + content.replace("\"", "\\\"").replace("\n", "\\n") + "\"},\"finish_reason\":\"stop\"}]}";
        }
    }
}
