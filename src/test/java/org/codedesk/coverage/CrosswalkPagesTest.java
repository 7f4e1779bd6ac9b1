package org.codedesk.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.codedesk.CoverageFixtureData;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** /crosswalk, its CSV export, GET /api/v1/crosswalk and the code page section, over the coverage fixtures. */
@SpringBootTest
@AutoConfigureMockMvc
class CrosswalkPagesTest {

    static final RequestPostProcessor MEMBER = user("coverage-member@example.org").roles("MEMBER");
    static final String DOS = "&date=2016-06-01";

    @Autowired MockMvc mvc;
    @Autowired CatalogImporter importer;

    @BeforeEach
    void importFixtures() {
        CoverageFixtureData.importAll(importer);
    }

    @Test
    void guestsAreAskedToLogInAndTheApiSays401() throws Exception {
        String html = mvc.perform(get("/crosswalk?code=80061" + DOS)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Coverage crosswalks are for members").doesNotContain("E78.5");
        mvc.perform(get("/api/v1/crosswalk?code=80061" + DOS)).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/crosswalk/export.csv?code=80061" + DOS)).andExpect(status().isUnauthorized());
    }

    @Test
    void aProcedureListsItsSupportingDiagnosesByDocumentAndCanBeNarrowed() throws Exception {
        String html = mvc.perform(get("/crosswalk?code=80061" + DOS).with(MEMBER)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("NCD 190.23A Lipids Testing (fixture)").contains("effective").contains("E78.5").contains("H54.7")
                .contains("Unspecified visual loss").contains("denied: never covered").contains("Any ICD-10-CM code not listed");
        String narrowed = mvc.perform(get("/crosswalk?code=80061&q=E78" + DOS).with(MEMBER)).andReturn().getResponse().getContentAsString();
        assertThat(narrowed).contains("E78.5").doesNotContain(">H54.7<");
        String article = mvc.perform(get("/crosswalk?code=82306" + DOS).with(MEMBER)).andReturn().getResponse().getContentAsString();
        assertThat(article).contains("Article A99001").contains("Group 1: deficiency states").contains("E55.9");
    }

    @Test
    void aDiagnosisListsTheProceduresItSupports() throws Exception {
        String html = mvc.perform(get("/crosswalk?code=h54.7" + DOS).with(MEMBER)).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("NCD 190.23A").contains("/crosswalk?code=80061").contains("/crosswalk?code=83718").contains("Article A99001");
    }

    @Test
    void csvAndJsonGiveTheSameRowsWithTheirSources() throws Exception {
        String csv = mvc.perform(get("/crosswalk/export.csv?code=80061" + DOS).with(MEMBER)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv")).andReturn().getResponse().getContentAsString();
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("document,kind,title,effective_from,release,procedure,group,resolution,icd10cm_code,icd10cm_title");
        assertThat(csv).contains("\"190.23A\",\"NCD\",\"Lipids Testing (fixture)\"").contains("\"E78.5\"").contains("\"Z00.00\"");
        assertThat(csv.lines().count()).isEqualTo(4); // header and three codes in force on the date
        mvc.perform(get("/api/v1/crosswalk?code=80061" + DOS).with(MEMBER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("procedure"))
                .andExpect(jsonPath("$.diagnosesSupporting[0].document.id").value("190.23A"))
                .andExpect(jsonPath("$.diagnosesSupporting[0].document.otherCodes").value("NOT_REASONABLE_AND_NECESSARY"));
        mvc.perform(get("/api/v1/crosswalk?code=E55.9" + DOS).with(MEMBER))
                .andExpect(jsonPath("$.proceduresSupported[0].document.id").value("A99001"))
                .andExpect(jsonPath("$.proceduresSupported[0].procedures[0]").value("27447"));
    }

    @Test
    void badInputIsAClearError() throws Exception {
        mvc.perform(get("/api/v1/crosswalk?code=hello" + DOS).with(MEMBER)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("neither a CPT/HCPCS code")));
        mvc.perform(get("/api/v1/crosswalk?code=80061&date=yesterday").with(MEMBER)).andExpect(status().isBadRequest());
        String html = mvc.perform(get("/crosswalk?code=hello").with(MEMBER)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("neither a CPT/HCPCS code");
    }

    @Test
    void codePagesShowCoverageToMembersOnly() throws Exception {
        String cpt = mvc.perform(get("/codes/cpt/27447?date=2016-06-01").with(MEMBER)).andReturn().getResponse().getContentAsString();
        assertThat(cpt).contains("Medicare coverage").contains("Article A99001").contains("Every supporting diagnosis");
        String icd = mvc.perform(get("/codes/icd10cm/S72.001A?date=2016-06-01").with(MEMBER)).andReturn().getResponse().getContentAsString();
        assertThat(icd).contains("Medicare Code Editor").contains("Adult diagnosis (age 15 through 124)").contains("Definitions of Medicare Code Edits v33.0");
        String guest = mvc.perform(get("/codes/icd10cm/H54.7?date=2016-06-01")).andReturn().getResponse().getContentAsString();
        assertThat(guest).contains("Medicare coverage").doesNotContain("Pediatric diagnosis");
    }
}
