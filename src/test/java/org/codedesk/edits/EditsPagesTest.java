package org.codedesk.edits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What the edits and claims modules show on pages and in the API: code page sections for members only,
 * modifier pages, the claim checker form with errors beside their fields, and the JSON API with
 * problem+json errors.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EditsPagesTest {

    static final RequestPostProcessor MEMBER = user("edits-member@example.org").roles("MEMBER");
    static final String DOS = "?date=2016-06-01";

    @Autowired MockMvc mvc;
    @Autowired CatalogImporter importer;

    @BeforeEach
    void importFixtures() {
        EditsFixtureData.importAll(importer);
    }

    String page(String url, RequestPostProcessor who) throws Exception {
        var request = get(url);
        if (who != null) {
            request = request.with(who);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void memberSeesEditsMueAndFeeScheduleOnACodePage() throws Exception {
        String html = page("/codes/cpt/27447" + DOS, MEMBER);
        assertThat(html).contains("id=\"ptp\"").contains("/codes/cpt/20610").contains("Mutually exclusive procedures")
                .contains("NCCI PTP edits, practitioner, 2016-Q2")
                .contains("id=\"mue\"").contains("Anatomic Consideration")
                .contains("id=\"fees\"").contains("$1290.39").contains("090: ")
                .doesNotContain("FIXTURE DESCRIPTION");
        String sf = page("/codes/cpt/27447" + DOS + "&locality=01112-05", MEMBER);
        assertThat(sf).contains("Payment in SAN FRANCISCO").contains("$1442.92");
        String addOn = page("/codes/cpt/11045" + DOS, MEMBER);
        assertThat(addOn).contains("is an add-on code, edit type").contains("/codes/cpt/11042");
        assertThat(page("/codes/cpt/11042" + DOS, MEMBER)).contains("id=\"add-ons-of-primary\"").contains("/codes/cpt/11045");
    }

    @Test
    void aTableOfAnOlderQuarterAnswersAndEachSectionSaysSo() throws Exception {
        // 2016-08-01 is in 2016-Q3; the fixtures are the April 2016 tables
        String html = page("/codes/cpt/27447?date=2016-08-01", MEMBER);
        assertThat(html).contains("MUE table, practitioner services 2016-Q3 is in force since 2016-07-01 and is not imported; shown:")
                .contains("Physician Fee Schedule relative value file (PPRRVU) 2016-Q3 is in force since 2016-07-01");
        assertThat(page("/codes/cpt/27447" + DOS, MEMBER)).doesNotContain("is in force since");
    }

    @Test
    void aLocalityPaymentCappedByTheOppsImagingCapShowsBothAmountsAndTheReason() throws Exception {
        String html = page("/codes/cpt/76942" + DOS + "&locality=01112-05", MEMBER);
        assertThat(html).contains("$25.00, capped at the OPPS amount: imaging cap").contains("= $38.01")
                .contains("OPPS amount $25.00 in OPPSCAP_Apr.csv").contains("class=\"source imaging-cap\"")
                .contains("CMS OPPSCAP_Apr.csv, carrier 01112, locality 05");
        // no locality chosen: national amounts only, nothing capped
        assertThat(page("/codes/cpt/76942" + DOS, MEMBER)).doesNotContain("imaging cap");
        mvc.perform(get("/api/v1/edits/76942" + DOS + "&locality=01112-05").with(MEMBER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.feeSchedule[2].modifier").value("TC"))
                .andExpect(jsonPath("$.feeSchedule[2].locality.nonFacility").value(25.00))
                .andExpect(jsonPath("$.feeSchedule[2].locality.nonFacilityCap.applied").value(true))
                .andExpect(jsonPath("$.feeSchedule[2].locality.nonFacilityCap.feeSchedule").value(38.01))
                .andExpect(jsonPath("$.feeSchedule[2].locality.nonFacilityCap.opps").value(25.00))
                .andExpect(jsonPath("$.feeSchedule[2].locality.facility").value(30.00))
                .andExpect(jsonPath("$.feeSchedule[1].locality.nonFacilityCap").doesNotExist());
    }

    @Test
    void aMaaaCodeHasItsCodePageWithItsMueAndItsEditsInTheApi() throws Exception {
        String html = page("/codes/cpt/0006M" + DOS, MEMBER);
        assertThat(html).contains("id=\"mue\"").contains("Code Descriptor / CPT Instruction")
                .contains("MUE table, practitioner services, 2016-Q2");
        // before any licensed CPT file is in force (the test imports start in 2014) the page still shows the public CMS sections
        String unlicensed = page("/codes/cpt/0006M?date=2010-06-01", MEMBER);
        assertThat(unlicensed).contains("has not imported a licensed CPT file").contains("id=\"mue\"");
        mvc.perform(get("/api/v1/edits/0006M" + DOS).with(MEMBER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mue[0].limit.value").value(1))
                .andExpect(jsonPath("$.mue[0].limit.adjudication").value(2));
        mvc.perform(get("/lookup?code=0006m")).andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/codes/cpt/0006m"));
    }

    @Test
    void aGuestLearnsWhatTheSectionsAreButGetsNoneOfTheirData() throws Exception {
        String html = page("/codes/cpt/27447" + DOS, null);
        assertThat(html).contains("id=\"premium-prompt\"").contains("NCCI PTP edits, Medically unlikely edits")
                .doesNotContain("Mutually exclusive procedures").doesNotContain("1290.39").doesNotContain("Anatomic Consideration");
    }

    @Test
    void icd10CodePagesShowGems() throws Exception {
        String html = page("/codes/icd10cm/S72.001A" + DOS, MEMBER);
        assertThat(html).contains("id=\"gems\"").contains("82000").contains("GEMs, ICD-10-CM to ICD-9-CM, FY2016");
    }

    @Test
    void modifierPagesExplainHowNcciTreatsEach() throws Exception {
        String xs = page("/modifiers/XS", null);
        assertThat(xs).contains("may bypass a PTP edit with modifier indicator 1");
        String fiftyNine = page("/modifiers/59", null);
        assertThat(fiftyNine).contains("CPT modifier").contains("id=\"cpt-licence\"");
        String hcpcs = page("/modifiers/ZZ" + DOS, null);
        assertThat(hcpcs).contains("id=\"descriptor\"");
        assertThat(page("/modifiers", null)).contains("/modifiers/25").contains("/modifiers/XU");
        mvc.perform(get("/modifiers/Q7Z")).andExpect(status().isNotFound());
    }

    @Test
    void placeOfServiceListIsPublic() throws Exception {
        assertThat(page("/places-of-service", null)).contains("id=\"pos-list\"").contains("Inpatient Hospital").doesNotContain("Unassigned")
                .contains("says where the service was given").contains("published by the Centers for Medicare &amp; Medicaid Services")
                .doesNotContain("docs/");
        mvc.perform(get("/api/v1/places-of-service")).andExpect(jsonPath("$[0].code").value("11"));
    }

    @Test
    void claimCheckerPageShowsFindingsAndPutsEachErrorBesideItsField() throws Exception {
        String result = mvc.perform(post("/claims/check").with(csrf()).with(MEMBER).param("dateOfService", "2016-06-01")
                        .param("setting", "practitioner").param("lines[0].code", "27447").param("lines[0].units", "1")
                        .param("lines[1].code", "20610").param("lines[1].modifiers", "xs"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(result).contains("Not clean").contains("bypassed").contains("Bypassed by XS on line 2");
        String errors = mvc.perform(post("/claims/check").with(csrf()).with(MEMBER).param("dateOfService", "2016-06-01")
                        .param("lines[2].code", "20610").param("lines[2].units", "-1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(errors).contains("id=\"form-errors\"").contains("Units must be a whole number from 1 to 9999; got -1.");
        String guest = mvc.perform(post("/claims/check").with(csrf()).param("lines[0].code", "27447"))
                .andReturn().getResponse().getContentAsString();
        assertThat(guest).contains("id=\"login-required\"").doesNotContain("id=\"result\"");
    }

    @Test
    void claimApiAnswersJsonAndRefusesBadFieldsWithProblemDetails() throws Exception {
        String claim = """
                {"dateOfService":"2016-06-01","setting":"practitioner",
                 "lines":[{"code":"27447","units":1},{"code":"20610","modifiers":["59"],"units":1}]}""";
        mvc.perform(post("/api/v1/claims/check").with(csrf()).with(MEMBER).contentType(MediaType.APPLICATION_JSON).content(claim))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.clean").value(false))
                .andExpect(jsonPath("$.findings[?(@.check == 'ptp')].status").value("bypassed"))
                .andExpect(jsonPath("$.summary.bypassed").value(1));
        String bad = """
                {"dateOfService":"2016-06-01","lines":[{"code":"20610","units":-3},{"code":"27447","modifiers":["QQQ"]}]}""";
        mvc.perform(post("/api/v1/claims/check").with(csrf()).with(MEMBER).contentType(MediaType.APPLICATION_JSON).content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].units"))
                .andExpect(jsonPath("$.errors[1].field").value("lines[1].modifiers[0]"));
        mvc.perform(post("/api/v1/claims/check").with(csrf()).with(MEMBER).contentType(MediaType.APPLICATION_JSON).content("{\"lines\": 5"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.title").value("Unreadable claim"));
        mvc.perform(post("/api/v1/claims/check").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(claim))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void editsApiListsEveryEditOfACode() throws Exception {
        mvc.perform(get("/api/v1/edits/20610" + DOS).with(MEMBER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ptp[0].setting").value("practitioner"))
                .andExpect(jsonPath("$.ptp[0].asColumn2[0].column1").value("27447"))
                .andExpect(jsonPath("$.ptp[0].asColumn2[0].indicator").value("ALLOWED"))
                .andExpect(jsonPath("$.mue[0].limit.value").value(2))
                .andExpect(jsonPath("$.mue[1].limit.value").value(3))
                .andExpect(jsonPath("$.feeSchedule[0].nationalNonFacility").value(64.81));
        mvc.perform(get("/api/v1/edits/20610" + DOS)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/edits/2061" + DOS).with(MEMBER)).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/gems/icd10cm/S72.001A" + DOS).with(MEMBER)).andExpect(jsonPath("$.forward[0].target").value("82000"));
        mvc.perform(get("/api/v1/modifiers/XE")).andExpect(jsonPath("$.ptpRole").value("bypass"));
    }
}
