package org.codedesk.casecoding;

import org.codedesk.TestMembers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.codedesk.accounts.Accounts;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * The case-to-code page and API on the 2016 fixture catalog: members only, evidence marked in the note, accepted codes
 * exported and cases saved, one member's cases hidden from another, problem+json for bad input, the note never logged.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class CaseToCodePagesTest {

    @RegisterExtension
    static GreenMailExtension mail = org.codedesk.TestMail.greenMail();

    static final String NOTE = "Closed fracture of the neck of the right femur after a fall. No visual loss.";

    @Autowired MockMvc mvc;
    @Autowired CatalogImporter importer;
    @Autowired Accounts accounts;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void importFixtures() {
        importer.importPaths(List.of(java.nio.file.Path.of("src/test/resources/fixtures/releases")));
    }

    RequestPostProcessor member() {
        String email = TestMembers.verified(accounts, jdbc, "coder");
        return user(email).roles("MEMBER");
    }

    @Test
    void guestsAreAskedToLogIn() throws Exception {
        assertThat(mvc.perform(get("/case-to-code")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("id=\"case-form\"");
        assertThat(mvc.perform(post("/case-to-code").with(csrf()).param("text", NOTE)).andReturn().getResponse().getContentAsString())
                .contains("id=\"login-required\"").doesNotContain("id=\"result\"");
        mvc.perform(post("/api/v1/case-to-code").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"fracture\"}"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("members")));
    }

    @Test
    void theNoteComesBackWithItsEvidenceMarked() throws Exception {
        String html = mvc.perform(post("/case-to-code").with(csrf()).with(member()).param("text", NOTE).param("dateOfService", "2016-06-01")
                        .param("setting", "outpatient"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"result\"")
                .contains("<mark class=\"evidence\"")
                // the header is completed from the note (right side, initial encounter) and its words stay marked for both
                .contains("data-codes=\"S72.001A S72.001\">fracture of the neck of the right femur</mark>")
                .contains("Fracture, traumatic &gt; femur, femoral &gt; neck &gt; right")
                .contains("Needs a 7th character")
                .contains("<mark class=\"not-coded\"").contains("data-codes=\"H54.7\">visual loss</mark>")
                .contains("negated in the note")
                .contains("value=\"icd10cm|S72.001|Fracture of unspecified part of neck of right femur\"");
    }

    @Test
    void theApiAnswersInJsonWithOffsets() throws Exception {
        String body = "{\"text\":\"" + NOTE + "\",\"dateOfService\":\"2016-06-01\",\"setting\":\"inpatient\"}";
        mvc.perform(post("/api/v1/case-to-code").with(csrf()).with(member()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.setting").value("inpatient"))
                .andExpect(jsonPath("$.diagnosisRelease").value("FY2016"))
                .andExpect(jsonPath("$.diagnoses[0].code").value("S72.001A"))
                .andExpect(jsonPath("$.diagnoses[0].complete").value(true))
                .andExpect(jsonPath("$.diagnoses[0].suggested").value(true))
                .andExpect(jsonPath("$.diagnoses[?(@.code == 'S72.001')].reason")
                        .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("completed as S72.001A"))))
                .andExpect(jsonPath("$.diagnoses[0].evidence[0].start").value(NOTE.indexOf("fracture")))
                .andExpect(jsonPath("$.notCoded[0].code").value("H54.7"));
    }

    @Test
    void badInputGetsProblemDetailsAndFormErrors() throws Exception {
        RequestPostProcessor member = member();
        mvc.perform(post("/api/v1/case-to-code").with(csrf()).with(member).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"  \",\"dateOfService\":\"June\",\"setting\":\"ward\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("application/problem+json")))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("text", "dateOfService", "setting")));
        mvc.perform(post("/api/v1/case-to-code").with(csrf()).with(member).contentType(MediaType.APPLICATION_JSON).content("{\"text\":"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.title").value("Unreadable case"));
        String html = mvc.perform(post("/case-to-code").with(csrf()).with(member).param("text", "").param("dateOfService", "01/06/2016"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"form-errors\"").contains("Paste the clinical text").contains("YYYY-MM-DD");
    }

    @Test
    void aTextFileCanBeUploadedButNotABinaryOne() throws Exception {
        RequestPostProcessor member = member();
        MockMultipartFile note = new MockMultipartFile("file", "note.txt", "text/plain", NOTE.getBytes(StandardCharsets.UTF_8));
        assertThat(mvc.perform(multipart("/case-to-code").file(note).with(csrf()).with(member).param("dateOfService", "2016-06-01"))
                .andReturn().getResponse().getContentAsString()).contains("data-codes=\"S72.001A S72.001\"");
        byte[] pdf = {'%', 'P', 'D', 'F', '-', '1', '.', '4', '\n', 0, 1, 2, (byte) 0xE2, (byte) 0xE3};
        MockMultipartFile binary = new MockMultipartFile("file", "note.txt", "text/plain", pdf);
        assertThat(mvc.perform(multipart("/case-to-code").file(binary).with(csrf()).with(member).param("dateOfService", "2016-06-01"))
                .andReturn().getResponse().getContentAsString()).contains("id=\"text-error\"").contains("not plain text");
    }

    @Test
    void acceptedCodesAreExportedAsCsvAndJson() throws Exception {
        RequestPostProcessor member = member();
        String csv = mvc.perform(post("/case-to-code/export").with(csrf()).with(member).param("format", "csv")
                        .param("accepted", "icd10cm|S72.001|Fracture of unspecified part of neck of right femur", "icd10cm|bad code|x"))
                .andExpect(status().isOk()).andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("accepted-codes.csv")))
                .andReturn().getResponse().getContentAsString();
        // the header plain, every value quoted as text (Commons CSV, as the crosswalk export)
        assertThat(csv).isEqualTo("system,code,title\r\n\"icd10cm\",\"S72.001\",\"Fracture of unspecified part of neck of right femur\"\r\n");
        mvc.perform(post("/case-to-code/export").with(csrf()).with(member).param("format", "json").param("accepted", "icd10cm|H54.7|Unspecified visual loss"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.codes[0].code").value("H54.7"));
        mvc.perform(post("/case-to-code/export").with(csrf()).param("accepted", "icd10cm|H54.7|x")).andExpect(status().isUnauthorized());
    }

    @Test
    void aSavedCaseIsTheMembersOnlyAndCanBeDeleted() throws Exception {
        RequestPostProcessor alice = member();
        RequestPostProcessor bob = member();
        String location = mvc.perform(post("/case-to-code/save").with(csrf()).with(alice).param("text", NOTE).param("dateOfService", "2016-06-01")
                        .param("setting", "outpatient").param("title", "Hip fracture, ED visit")
                        .param("accepted", "icd10cm|S72.001|Fracture of unspecified part of neck of right femur"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/case-to-code/cases/\\d+");
        assertThat(mvc.perform(get(location).with(alice)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Hip fracture, ED visit").contains("S72.001").contains("No visual loss.");
        assertThat(mvc.perform(get("/case-to-code/cases").with(alice)).andReturn().getResponse().getContentAsString()).contains("Hip fracture, ED visit");
        mvc.perform(get(location).with(bob)).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/case-to-code/cases").with(bob)).andReturn().getResponse().getContentAsString()).contains("id=\"no-cases\"");
        mvc.perform(post(location + "/delete").with(csrf()).with(bob)).andExpect(status().isNotFound());
        mvc.perform(post(location + "/delete").with(csrf()).with(alice)).andExpect(status().is3xxRedirection());
        mvc.perform(get(location).with(alice)).andExpect(status().isNotFound());
    }

    @Test
    void aNoteIsNeitherLoggedNorStoredUnlessSaved(CapturedOutput output) throws Exception {
        String marker = "Zorblaxian" + UUID.randomUUID().toString().replace("-", "");
        String note = "Patient " + marker + " has a closed fracture of the neck of the right femur.";
        mvc.perform(post("/case-to-code").with(csrf()).with(member()).param("text", note).param("dateOfService", "2016-06-01")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/case-to-code").with(csrf()).with(member()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"" + note + "\",\"dateOfService\":\"1999-01-01\"}")).andExpect(status().isOk());
        assertThat(output.getAll()).doesNotContain(marker);
        assertThat(jdbc.queryForObject("select count(*) from casecoding_case where note_text like ?", Integer.class, "%" + marker + "%")).isZero();
    }
}
