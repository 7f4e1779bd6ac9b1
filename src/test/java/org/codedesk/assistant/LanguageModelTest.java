package org.codedesk.assistant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.codedesk.EditsFixtureData;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * The optional language model, played by WireMock as an OpenAI-compatible endpoint: it gets the question with
 * PHI redacted and CodeDesk's numbered sources; a code it invents is flagged, never shown as valid; a model that
 * fails or is too slow gives way to the offline answer with a notice.
 */
@SpringBootTest
class LanguageModelTest {

    @RegisterExtension
    static WireMockExtension model = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @DynamicPropertySource
    static void endpoint(DynamicPropertyRegistry registry) {
        registry.add("codedesk.assistant.model.url", () -> model.baseUrl() + "/v1");
        registry.add("codedesk.assistant.model.name", () -> "test-model");
        registry.add("codedesk.assistant.model.key", () -> "sk-test");
        registry.add("codedesk.assistant.model.timeout", () -> "PT1S");
    }

    static final LocalDate DOS = LocalDate.of(2016, 6, 1);

    @Autowired Assistant assistant;
    @Autowired CatalogImporter importer;

    @BeforeEach
    void importFixtures() {
        EditsFixtureData.importAll(importer);
    }

    static String completion(String content) {
        return "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + "\"" + content.replace("\"", "\\\"").replace("\n", "\\n") + "\"},\"finish_reason\":\"stop\"}]}";
    }

    @Test
    void theModelWritesFromCodeDesksSourcesAndNeverSeesPhi() {
        model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(completion("For the practitioner, 20610 is limited to 2 units per line [1].\n\nIn the hospital it is 3 units [2]."))));
        Answer answer = assistant.answer("Mr. John Smith, DOB: 03/14/1952, MRN: 00123456: what's the MUE for 20610?", DOS);
        assertThat(answer.engine()).isEqualTo("model test-model");
        assertThat(answer.statements()).hasSize(2);
        assertThat(answer.statements().get(0).citations()).extracting(Answer.Citation::source)
                .containsExactly("MUE table, practitioner services, 2016-Q2 (effective 2016-04-01)");
        assertThat(answer.unverified()).isEmpty();
        model.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", containing("Bearer sk-test"))
                .withRequestBody(containing("[NAME]")).withRequestBody(containing("[DOB]")).withRequestBody(containing("[RECORD NUMBER]"))
                .withRequestBody(notContaining("John Smith")).withRequestBody(notContaining("00123456"))
                .withRequestBody(containing("the MUE for 20610 is 2 units")));
    }

    @Test
    void aCodeTheModelInventsIsFlaggedNotShownAsValid() {
        model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(completion("Report S72.001A, and also S72.999X for the other hip [1]. Header S72.00 works too [1]."))));
        Answer answer = assistant.answer("What is S72.001A?", DOS);
        assertThat(answer.unverified()).containsExactly("S72.999X", "S72.00");
        assertThat(answer.statements().get(0).text()).contains("[Not verified: S72.999X is not a valid code on 2016-06-01")
                .contains("S72.00 is not billable on 2016-06-01");
    }

    @Test
    void aSlowOrFailingModelGivesWayToTheOfflineAnswer() {
        model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withFixedDelay(3_000)
                .withHeader("Content-Type", "application/json").withBody(completion("too late [1]"))));
        Answer slow = assistant.answer("What's the MUE for 20610?", DOS);
        assertThat(slow.engine()).isEqualTo("offline");
        assertThat(slow.notices()).singleElement().asString().contains("did not answer").contains("1 s");
        assertThat(slow.text()).contains("the MUE for 20610 is 2 units");

        model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500)));
        assertThat(assistant.answer("What's the MUE for 20610?", DOS).notices()).isNotEmpty();
    }

    @Test
    void theModelCallsCodeDesksToolsAndCitesTheirResults() {
        String toolCall = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"mue\",\"arguments\":\"{\\\"codes\\\":[\\\"20610\\\"]}\"}}]},"
                + "\"finish_reason\":\"tool_calls\"}]}";
        model.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("tools").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(toolCall)).willSetStateTo("called"));
        model.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("tools").whenScenarioStateIs("called")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(completion("27447 carries a 90-day global period [1].\n\nAn injection 20610 the same day is limited to 2 units per line [2]."))));
        Answer answer = assistant.answer("What's the global period of 27447?", DOS);
        assertThat(answer.engine()).isEqualTo("model test-model");
        assertThat(answer.statements().get(1).citations()).extracting(Answer.Citation::source)
                .containsExactly("MUE table, practitioner services, 2016-Q2 (effective 2016-04-01)");
        model.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("\"ncci_ptp_edits\"")));
        model.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("\"role\":\"tool\""))
                .withRequestBody(containing("the MUE for 20610 is 2 units")));
    }

    @Test
    void aGuestsGateIsNotRewrittenAndTheirToolsGiveTheGateNotMembersFacts() {
        Answer gated = assistant.answer("What's the MUE for 20610?", DOS, Reader.GUEST);
        assertThat(gated.engine()).isEqualTo("offline");
        assertThat(gated.text()).contains("Register to view content").doesNotContain("2 units");
        model.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));

        String toolCall = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"mue\",\"arguments\":\"{\\\"codes\\\":[\\\"20610\\\"]}\"}}]},"
                + "\"finish_reason\":\"tool_calls\"}]}";
        model.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("guest").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(toolCall)).willSetStateTo("called"));
        model.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("guest").whenScenarioStateIs("called")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(completion("Code S72.001A [1]."))));
        Answer answer = assistant.answer("What is the code for fracture of neck of right femur?", DOS, Reader.GUEST);
        assertThat(answer.engine()).isEqualTo("model test-model");
        model.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("\"role\":\"tool\""))
                .withRequestBody(containing("Register to view content: the medically unlikely edits (MUE) of 20610 are for members")));
        model.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("is 2 units")));
    }

    @Test
    void anUncitedParagraphSaysSo() {
        model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(completion("Global period is 90 days [3].\n\nAlways bill it with modifier 22."))));
        Answer answer = assistant.answer("What's the global period of 27447?", DOS);
        assertThat(answer.statements().get(1).text()).endsWith("[No source cited: check before relying on it.]");
        assertThat(answer.statements().get(1).citations()).isEmpty();
    }
}
