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

/**
 * A member's questions are kept with their answers, with likely PHI redacted; only that member sees and rates them;
 * guests' are not kept.
 */
@SpringBootTest
@AutoConfigureMockMvc
class QuestionHistoryTest {

    @RegisterExtension
    static GreenMailExtension mail = org.codedesk.TestMail.greenMail();

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

    /** A question naming the patient, their date of birth and record number is answered, and stored without them. */
    @Test
    void aQuestionIsStoredWithTheNameDateOfBirthAndRecordNumberRedacted() throws Exception {
        EditsFixtureData.importAll(importer);
        String email = TestMembers.verified(accounts, jdbc, "phi");
        long id = accounts.member(email).orElseThrow().id();
        String page = mvc.perform(post("/ask").with(csrf()).with(user(email).roles("MEMBER"))
                        .param("q", "Patient: John Smith, DOB: 03/14/1952, MRN: 00123456. What's the MUE for 20610?").param("date", "2016-06-01"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("the MUE for 20610 is 2 units").contains("id=\"what-is-kept\"").contains("kept until you delete your");
        // a search answer quotes the question's words: the stored answer is redacted too
        mvc.perform(post("/ask").with(csrf()).with(user(email).roles("MEMBER"))
                .param("q", "Mr. Jim Doe DOB 01/02/1960 record number A998877: code for fracture of neck of right femur").param("date", "2016-06-01"))
                .andExpect(status().isOk());

        var stored = jdbc.queryForList("select question, answer_text from assistant_question where account_id = ? order by id", id);
        assertThat(stored).hasSize(2);
        assertThat((String) stored.get(0).get("question")).isEqualTo("Patient: [NAME], DOB: [DOB], MRN: [RECORD NUMBER]. What's the MUE for 20610?");
        assertThat((String) stored.get(0).get("answer_text")).contains("the MUE for 20610 is 2 units");
        assertThat((String) stored.get(1).get("question")).contains("[NAME]").contains("[DOB]").contains("[RECORD NUMBER]")
                .contains("fracture of neck of right femur");
        assertThat(stored).allSatisfy(row -> assertThat(row.values().toString()).doesNotContain("John Smith").doesNotContain("03/14/1952")
                .doesNotContain("00123456").doesNotContain("Jim Doe").doesNotContain("01/02/1960").doesNotContain("A998877"));
        assertThat(mvc.perform(get("/ask").with(user(email).roles("MEMBER"))).andReturn().getResponse().getContentAsString())
                .contains("Patient: [NAME], DOB: [DOB]").doesNotContain("John Smith");
    }

    /** Migration V23 redacts the questions stored verbatim before: names, dates of birth and record numbers go. */
    @Test
    void questionsStoredVerbatimBeforeAreRedactedByTheMigration() {
        long account = accounts.member(TestMembers.verified(accounts, jdbc, "stored")).orElseThrow().id();
        jdbc.update("insert into assistant_question (account_id, asked_at, question, date_of_service, intent, answer_text)"
                + " values (?, current_timestamp, ?, date '2016-06-01', 'MUE', ?)", account,
                "Ms. Ann Lee, DOB 05/06/1970, MRN 7788990: MUE of 20610?", "Codes matching \"Ms. Ann Lee\": none. The MUE for 20610 is 2 units.");
        assertThat(RedactStoredQuestions.redact(jdbc)).isGreaterThanOrEqualTo(1);
        var row = jdbc.queryForMap("select question, answer_text from assistant_question where account_id = ?", account);
        assertThat(row.get("question")).isEqualTo("Ms. [NAME], DOB [DOB], MRN [RECORD NUMBER]: MUE of 20610?");
        assertThat(row.get("answer_text")).isEqualTo("Codes matching \"Ms. [NAME]\": none. The MUE for 20610 is 2 units.");
        assertThat(RedactStoredQuestions.redact(jdbc)).as("nothing left to redact").isZero();
    }
}
