package org.codedesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.codedesk.EditsFixtureData;
import org.codedesk.TestMembers;
import org.codedesk.accounts.Accounts;
import org.codedesk.accounts.ApiTokens;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * The assistant on the web: the page (answer in the page without JavaScript), the server-sent event stream, the
 * JSON API with problem+json errors, and the plan's question quota (metering on: a guest has 3 questions). A guest's
 * answers keep the code pages' gate; a member's carry the facts. The stream is a POST with the CSRF token: a
 * cross-site GET neither spends a question nor stores one.
 */
@SpringBootTest(properties = "codedesk.metering.enabled=true")
@AutoConfigureMockMvc
class AskPagesTest {

    /** Registration sends the verification mail. */
    @RegisterExtension
    static GreenMailExtension mail = org.codedesk.TestMail.greenMail();

    @Autowired MockMvc mvc;
    @Autowired CatalogImporter importer;
    @Autowired Accounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void importFixtures() {
        EditsFixtureData.importAll(importer);
    }

    @Test
    void aGuestGetsTheMembersGateOnThePageTheStreamAndTheApiUntilTheQuotaIsUsed() throws Exception {
        String address = "10.9.8." + (int) (Math.random() * 250);
        String html = mvc.perform(post("/ask").with(csrf()).with(r -> { r.setRemoteAddr(address); return r; })
                        .param("q", "What's the MUE for 20610?").param("date", "2016-06-01"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"answer\"").contains("Register to view content: the medically unlikely edits (MUE) of 20610 are for members")
                .contains("href=\"/register\"").doesNotContain("2 units").doesNotContain("MUE table, practitioner services");

        MvcResult started = mvc.perform(post("/ask/stream").with(csrf()).with(r -> { r.setRemoteAddr(address); return r; })
                        .param("q", "Can 27447 and 20610 be billed together?").param("date", "2016-06-01"))
                .andExpect(request().asyncStarted()).andReturn();
        String events = mvc.perform(asyncDispatch(started)).andReturn().getResponse().getContentAsString();
        assertThat(events).contains("event:statement").contains("Register to view content: the NCCI PTP edits between 27447 and 20610")
                .doesNotContain("column 2").doesNotContain("Modifier indicator").contains("event:done");

        String api = mvc.perform(post("/api/v1/ask").with(csrf()).with(r -> { r.setRemoteAddr(address); return r; }).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"question\":\"What's the global period of 27447?\",\"date\":\"2016-06-01\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intent").value("GLOBAL_PERIOD"))
                .andExpect(jsonPath("$.statements[0].citations[0].url").value("/register"))
                .andReturn().getResponse().getContentAsString();
        assertThat(api).contains("Register to view content").doesNotContain("090").doesNotContain("2016-B");

        // a guest's 3 questions are used: the 4th is refused before any work
        mvc.perform(post("/api/v1/ask").with(csrf()).with(r -> { r.setRemoteAddr(address); return r; }).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"question\":\"What is 27447?\"}"))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void aMemberGetsTheFactsWithCitationsOnThePageTheStreamAndTheApi() throws Exception {
        String email = TestMembers.verified(accounts, jdbc, "asker");
        RequestPostProcessor member = user(email).roles("MEMBER");
        String html = mvc.perform(post("/ask").with(csrf()).with(member).param("q", "What's the MUE for 20610?").param("date", "2016-06-01"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("the MUE for 20610 is 2 units").contains("MUE table, practitioner services, 2016-Q2").doesNotContain("Register to view content:");

        MvcResult started = mvc.perform(post("/ask/stream").with(csrf()).with(member)
                        .param("q", "Can 27447 and 20610 be billed together?").param("date", "2016-06-01"))
                .andExpect(request().asyncStarted()).andReturn();
        assertThat(mvc.perform(asyncDispatch(started)).andReturn().getResponse().getContentAsString())
                .contains("20610 (column 2) is not paid with 27447").contains("\"history\":\"/ask/history/");

        // an API token is a member too (no CSRF token needed with it)
        mvc.perform(post("/api/v1/ask").header("Authorization", "Bearer " + tokens.create(email, "billing system")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"question\":\"What's the global period of 27447?\",\"date\":\"2016-06-01\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.statements[0].text").value(org.hamcrest.Matchers.containsString("27447: global period 090")))
                .andExpect(jsonPath("$.statements[0].citations[0].source").value(org.hamcrest.Matchers.containsString("2016-B")));
    }

    /**
     * Another site can make a member's browser send a GET (an image, a link) or a form POST without the page's CSRF
     * token: neither may spend one of the member's questions nor store a question in their history.
     */
    @Test
    void aCrossSiteRequestToTheStreamNeitherSpendsAQuestionNorStoresOne() throws Exception {
        String email = TestMembers.verified(accounts, jdbc, "cross-site");
        long id = accounts.member(email).orElseThrow().id();
        RequestPostProcessor member = user(email).roles("MEMBER");

        MvcResult get = mvc.perform(get("/ask/stream").with(member).param("q", "Patient: Jane Roe, what's the MUE for 20610?")
                .param("date", "2016-06-01")).andReturn();
        if (get.getRequest().isAsyncStarted()) {
            mvc.perform(asyncDispatch(get)); // (how the stream used to answer a GET)
        }
        assertThat(storedQuestions(id)).as("questions stored by the GET").isZero();
        assertThat(questionsSpent(id)).as("questions spent by the GET").isZero();
        assertThat(get.getResponse().getStatus()).isEqualTo(405);
        mvc.perform(post("/ask/stream").with(member).param("q", "What's the MUE for 20610?").param("date", "2016-06-01"))
                .andExpect(status().isForbidden());
        assertThat(storedQuestions(id)).isZero();
        assertThat(questionsSpent(id)).isZero();

        // the page's own request (with its token) does both: the counts above could have moved
        MvcResult started = mvc.perform(post("/ask/stream").with(csrf()).with(member).param("q", "What's the MUE for 20610?")
                .param("date", "2016-06-01")).andExpect(request().asyncStarted()).andReturn();
        mvc.perform(asyncDispatch(started)).andExpect(status().isOk());
        assertThat(storedQuestions(id)).isEqualTo(1);
        assertThat(questionsSpent(id)).isEqualTo(1);
    }

    private int storedQuestions(long accountId) {
        return jdbc.queryForObject("select count(*) from assistant_question where account_id = ?", Integer.class, accountId);
    }

    private int questionsSpent(long accountId) {
        return jdbc.queryForObject("select coalesce(sum(used), 0) from metering_counter where viewer_key = ?", Integer.class,
                "assistant|account:" + accountId);
    }

    @Test
    void badQuestionsGetProblemDetails() throws Exception {
        mvc.perform(post("/api/v1/ask").with(csrf()).with(r -> { r.setRemoteAddr("10.7.7.7"); return r; }).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"question\":\"  \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.title").value("Invalid question"));
        mvc.perform(post("/api/v1/ask").with(csrf()).with(r -> { r.setRemoteAddr("10.7.7.8"); return r; }).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"question\":\"What is 27447?\",\"date\":\"June\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("YYYY-MM-DD")));
    }
}
