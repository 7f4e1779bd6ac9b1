package org.codedesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.codedesk.EditsFixtureData;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The assistant on the web: the page (answer in the page without JavaScript), the server-sent event stream, the
 * JSON API with problem+json errors, and the plan's question quota (metering on: a guest has 3 questions).
 */
@SpringBootTest(properties = "codedesk.metering.enabled=true")
@AutoConfigureMockMvc
class AskPagesTest {

    @Autowired MockMvc mvc;
    @Autowired CatalogImporter importer;

    @BeforeEach
    void importFixtures() {
        EditsFixtureData.importAll(importer);
    }

    @Test
    void pageStreamAndApiAnswerWithCitationsUntilTheQuotaIsUsed() throws Exception {
        String address = "10.9.8." + (int) (Math.random() * 250);
        String html = mvc.perform(post("/ask").with(csrf()).with(r -> { r.setRemoteAddr(address); return r; })
                        .param("q", "What's the MUE for 20610?").param("date", "2016-06-01"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"answer\"").contains("the MUE for 20610 is 2 units").contains("MUE table, practitioner services, 2016-Q2");

        MvcResult started = mvc.perform(get("/ask/stream").with(r -> { r.setRemoteAddr(address); return r; })
                        .param("q", "Can 27447 and 20610 be billed together?").param("date", "2016-06-01"))
                .andExpect(request().asyncStarted()).andReturn();
        String events = mvc.perform(asyncDispatch(started)).andReturn().getResponse().getContentAsString();
        assertThat(events).contains("event:statement").contains("20610 (column 2) is not paid with 27447").contains("event:done");

        mvc.perform(post("/api/v1/ask").with(csrf()).with(r -> { r.setRemoteAddr(address); return r; }).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"question\":\"What's the global period of 27447?\",\"date\":\"2016-06-01\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intent").value("GLOBAL_PERIOD"))
                .andExpect(jsonPath("$.statements[0].citations[0].source").value(org.hamcrest.Matchers.containsString("2016-B")));

        // a guest's 3 questions are used: the 4th is refused before any work
        mvc.perform(post("/api/v1/ask").with(csrf()).with(r -> { r.setRemoteAddr(address); return r; }).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"question\":\"What is 27447?\"}"))
                .andExpect(status().isTooManyRequests());
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
