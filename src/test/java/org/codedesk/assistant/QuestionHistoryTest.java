package org.codedesk.assistant;

import org.codedesk.TestMembers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codedesk.EditsFixtureData;
import org.codedesk.accounts.Accounts;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/** A member's questions are kept with their answers; only that member sees and rates them; guests' are not kept. */
@SpringBootTest
@AutoConfigureMockMvc
class QuestionHistoryTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired MockMvc mvc;
    @Autowired CatalogImporter importer;
    @Autowired Accounts accounts;
    @Autowired JdbcTemplate jdbc;

    RequestPostProcessor member() {
        String email = TestMembers.verified(accounts, jdbc, "asker");
        return user(email).roles("MEMBER");
    }

    @Test
    void membersSeeAndRateTheirOwnQuestionsOnly() throws Exception {
        EditsFixtureData.importAll(importer);
        RequestPostProcessor alice = member();
        RequestPostProcessor bob = member();
        String page = mvc.perform(post("/ask").with(csrf()).with(alice).param("q", "What's the MUE for 20610?").param("date", "2016-06-01"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher id = Pattern.compile("/ask/history/(\\d+)/feedback").matcher(page);
        assertThat(id.find()).as("feedback form on the answer").isTrue();
        String historyUrl = "/ask/history/" + id.group(1);

        assertThat(mvc.perform(get("/ask").with(alice)).andReturn().getResponse().getContentAsString())
                .contains("id=\"history\"").contains("What&#39;s the MUE for 20610?");

        // a follow-up in the same conversation takes its codes from the question before
        String followUp = mvc.perform(post("/ask").with(csrf()).with(alice).param("q", "and the global period?").param("date", "2016-06-01")
                        .param("conversation", id.group(1)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(followUp).contains("id=\"thread\"").contains("20610: global period 000");
        assertThat(mvc.perform(get("/ask?conversation=" + id.group(1)).with(alice)).andReturn().getResponse().getContentAsString())
                .contains("and the global period?").contains("the MUE for 20610 is 2 units");
        // another member cannot continue (or read) it: the question starts a conversation of their own
        String bobs = mvc.perform(post("/ask").with(csrf()).with(bob).param("q", "and the global period?").param("date", "2016-06-01")
                        .param("conversation", id.group(1))).andReturn().getResponse().getContentAsString();
        assertThat(bobs).doesNotContain("the MUE for 20610").doesNotContain("20610: global period");
        assertThat(mvc.perform(get(historyUrl).with(alice)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("the MUE for 20610 is 2 units");
        mvc.perform(get(historyUrl).with(bob)).andExpect(status().isNotFound());
        mvc.perform(post(historyUrl + "/feedback").with(csrf()).with(bob).param("helpful", "false")).andExpect(status().isNotFound());
        mvc.perform(post(historyUrl + "/feedback").with(csrf()).with(alice).param("helpful", "true")).andExpect(redirectedUrl(historyUrl));
        assertThat(mvc.perform(get(historyUrl).with(alice)).andReturn().getResponse().getContentAsString()).contains("You found this answer helpful.");
        assertThat(mvc.perform(get("/ask").with(bob)).andReturn().getResponse().getContentAsString()).doesNotContain("MUE for 20610");

        // a guest's question is answered but not kept
        int before = jdbc.queryForObject("select count(*) from assistant_question", Integer.class);
        mvc.perform(post("/ask").with(csrf()).param("q", "What is 27447?").param("date", "2016-06-01")).andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select count(*) from assistant_question", Integer.class)).isEqualTo(before);
    }
}
