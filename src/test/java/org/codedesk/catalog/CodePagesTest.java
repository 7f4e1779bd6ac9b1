package org.codedesk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.util.List;

import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Code pages of every system over the hand-written fixture releases (FY2015 and FY2016 ICD-10-CM, PCS 2016,
 * HCPCS 2016, a fixture CPT file). Dates of service are explicit, so real releases imported into the same
 * database by other tests (PostgreSQL run) do not change the answers.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CodePagesTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/releases");
    static final String DOS = "?date=2016-06-01";

    @Autowired MockMvc mvc;
    @Autowired CatalogImporter importer;

    @BeforeEach
    void importFixtures() {
        ImportReport report = importer.importPaths(List.of(FIXTURES));
        assertThat(report.failed()).as(report.toString()).isFalse();
    }

    @Test
    void anySpellingRedirectsToTheCanonicalUrl() throws Exception {
        mvc.perform(get("/codes/ICD10CM/s72001a" + DOS))
                .andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", "/codes/icd10cm/S72.001A?date=2016-06-01"));
    }

    @Test
    void icd10cmPageShowsDescriptorsHierarchyInheritedNotesAndOlderTabularLabel() throws Exception {
        String html = mvc.perform(get("/codes/icd10cm/S72.001A" + DOS)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Fracture of unspecified part of neck of right femur, initial encounter for closed fracture")
                .contains("billable")
                .contains("Chapter 19").contains("S70-S79").contains("/codes/icd10cm/S72.00")
                // notes inherited from category, section and chapter, each labelled with where it comes from
                .contains("traumatic amputation of hip and thigh (S78.-)")
                .contains("burns and corrosions (T20-T32)")
                .contains("birth trauma (P10-P15)")
                .contains("Fracture of hip NOS")
                // FY2016 has no tabular: the FY2015 one is used and says so
                .contains("From the ICD-10-CM FY2015 tabular")
                .contains("initial encounter for closed fracture");
    }

    @Test
    void headerCodeSaysNotBillableAndListsBillableDescendants() throws Exception {
        String html = mvc.perform(get("/codes/icd10cm/S72" + DOS)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("header: not billable").contains("choose one of its <span>4</span> billable codes")
                .contains("S72.001A").contains("S72.8X1A");
    }

    @Test
    void seventhCharacterTableGivesCompleteCodesWithPlaceholders() throws Exception {
        String html = mvc.perform(get("/codes/icd10cm/S72.8X1" + DOS)).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("7th characters").contains("/codes/icd10cm/S72.8X1A").contains("sequela (includes: late effect of fracture)");
        String poisoning = mvc.perform(get("/codes/icd10cm/T36.0X1" + DOS)).andReturn().getResponse().getContentAsString();
        assertThat(poisoning).contains("/codes/icd10cm/T36.0X1A").contains("initial encounter");
    }

    @Test
    void indexAndDrugTableEntriesLeadToTheCode() throws Exception {
        assertThat(mvc.perform(get("/codes/icd10cm/S72.001" + DOS)).andReturn().getResponse().getContentAsString())
                .contains("Fracture, traumatic &gt; femur, femoral &gt; neck &gt; right").contains("Alphabetic Index, ICD-10-CM FY2015");
        assertThat(mvc.perform(get("/codes/icd10cm/T36.0X1" + DOS)).andReturn().getResponse().getContentAsString())
                .contains("Penicillin").contains("(Poisoning Accidental (unintentional))").contains("Table of Drugs and Chemicals");
    }

    @Test
    void dateOfServicePicksTheReleaseInForceAndHistoryShowsChanges() throws Exception {
        mvc.perform(get("/api/v1/codes/icd10cm/S72.001A?date=2015-06-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.release.version").value("FY2015"))
                .andExpect(jsonPath("$.longDescription").value("Fracture of unspecified part of neck of right femur, initial encounter"));
        mvc.perform(get("/api/v1/codes/icd10cm/S72.001A" + DOS))
                .andExpect(jsonPath("$.release.version").value("FY2016"))
                .andExpect(jsonPath("$.history[?(@.event == 'REVISED')].release").value("ICD-10-CM FY2016"));
        mvc.perform(get("/api/v1/codes/icd10cm/S72.8X1A" + DOS))
                .andExpect(jsonPath("$.history[0].event").value("NEW"));
        mvc.perform(get("/api/v1/codes/icd10cm/S72.9?date=2015-06-01"))
                .andExpect(jsonPath("$.history[?(@.event == 'DELETED')].release").value("ICD-10-CM FY2016"));
    }

    @Test
    void unknownCodeIsA404WithTheNearestValidCodes() throws Exception {
        String html = mvc.perform(get("/codes/icd10cm/S72.009" + DOS)).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Nearest valid codes").contains("S72.00");
        mvc.perform(get("/api/v1/codes/icd10cm/S72.009" + DOS))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("'S72.009' is not a code of ICD-10-CM FY2016."))
                .andExpect(jsonPath("$.nearest[0]").value("S72.00"));
    }

    @Test
    void aCodeOfAnotherReleaseSaysWhereItIs() throws Exception {
        mvc.perform(get("/api/v1/codes/icd10cm/S72.9" + DOS))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("S72.9 is a code of ICD-10-CM FY2015")));
    }

    @Test
    void badDateIsAClearErrorNotAStackTrace() throws Exception {
        String html = mvc.perform(get("/codes/icd10cm/S72?date=June")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("is not a date in the form YYYY-MM-DD").doesNotContain("Exception");
        mvc.perform(get("/api/v1/codes/icd10cm/S72?date=June"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void pcsPageShowsEachCharactersMeaningAndItsTable() throws Exception {
        mvc.perform(get("/codes/icd10pcs/0x500zx" + DOS))
                .andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", "/codes/icd10pcs/0X500ZX?date=2016-06-01"));
        String page = mvc.perform(get("/codes/icd10pcs/0X500ZX" + DOS)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Medical and Surgical").contains("Fixture Body System").contains("Destruction")
                .contains("Fixture Part Alpha").contains("Open").contains("No Device").contains("Diagnostic")
                .contains("Table <span class=\"mono\">0X5</span>").contains("Fixture Part Gamma")
                .contains("gives no official title")
                // the definitions file defines the root operation; the index leads here through "Destruction > Fixture Part > Alpha"
                .contains("Fixture wording: wiping out a body part on the spot").contains("Nothing is carried away")
                .contains("Destruction &gt; Fixture Part &gt; Alpha")
                // the order-file addenda of the (oldest imported) release record the addition
                .contains("added in this release (its order-file addenda)");
    }

    @Test
    void hcpcsPageJoinsMultiRecordDescriptionsAndShowsFieldsInWords() throws Exception {
        mvc.perform(get("/api/v1/codes/hcpcs/X1001" + DOS))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.longDescription").value(org.hamcrest.Matchers.startsWith(
                        "Injection of an imaginary test drug for parser checks, including the carrier solution")))
                .andExpect(jsonPath("$.attributes[?(@.label == 'Coverage code')].meaning").exists());
        String modifier = mvc.perform(get("/codes/hcpcs/ZZ" + DOS)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(modifier).contains("modifier").contains("more than one record");
    }

    @Test
    void cptShowsTheLicensedDescriptorOrSaysALicenceIsNeeded() throws Exception {
        String licensed = mvc.perform(get("/codes/cpt/00001" + DOS)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(licensed).contains("Invented fixture descriptor, not AMA text").contains("American Medical Association");
        String unlicensed = mvc.perform(get("/codes/cpt/99213?date=2015-06-01")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(unlicensed).contains("copyrighted by the American Medical Association").contains("has not imported a licensed CPT file")
                .contains("The descriptor would come from the AMA&#39;s CPT data file, which an operator licenses from the AMA and imports");
    }

    @Test
    void browsingFollowsTheBook() throws Exception {
        assertThat(mvc.perform(get("/browse/icd10cm" + DOS)).andReturn().getResponse().getContentAsString())
                .contains("Injury, poisoning and certain other consequences of external causes (S00-T88)");
        assertThat(mvc.perform(get("/browse/icd10cm/section/S70-S79" + DOS)).andReturn().getResponse().getContentAsString())
                .contains("/codes/icd10cm/S72").contains("Chapters and sections from the ICD-10-CM FY2015 tabular");
        assertThat(mvc.perform(get("/browse/icd10pcs" + DOS)).andReturn().getResponse().getContentAsString())
                .contains("Medical and Surgical").contains("Imaging").contains("/browse/icd10pcs/0");
        assertThat(mvc.perform(get("/browse/icd10pcs/0" + DOS)).andReturn().getResponse().getContentAsString())
                .contains("Fixture Body System").contains("/browse/icd10pcs/0/X");
        assertThat(mvc.perform(get("/browse/icd10pcs/0/X" + DOS)).andReturn().getResponse().getContentAsString())
                .contains("/codes/icd10pcs/0X5").contains("Destruction");
        assertThat(mvc.perform(get("/browse/hcpcs" + DOS)).andReturn().getResponse().getContentAsString())
                .contains("/browse/hcpcs/X").contains("3 codes, X1001 to X1003").contains("/browse/hcpcs/modifiers");
        assertThat(mvc.perform(get("/browse/hcpcs/X" + DOS)).andReturn().getResponse().getContentAsString()).contains("/codes/hcpcs/X1002");
        assertThat(mvc.perform(get("/browse/hcpcs/modifiers" + DOS)).andReturn().getResponse().getContentAsString()).contains("/codes/hcpcs/ZZ");
    }

    @Test
    void homePageLinksOnlyBuiltParts() throws Exception {
        String html = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("href=\"/codes\"").contains("ICD-10-CM FY2016").contains("href=\"/ask\"").contains("href=\"/case-to-code\"")
                .contains("href=\"/consult\"").contains("href=\"/jobs\"");
    }

    @Test
    void aDateWhoseReleaseIsNotImportedIsAnsweredFromTheOlderOneAndSaysSoOnPageApiAndSearch() throws Exception {
        // HCPCS is quarterly: 2016-06-01 is in 2016-Q2, and only the 2016-01 file is imported
        String sentence = "HCPCS Level II 2016-Q2 is in force since 2016-04-01 and is not imported; shown: 2016-01.";
        assertThat(mvc.perform(get("/codes/hcpcs/X1001" + DOS)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains(sentence);
        mvc.perform(get("/api/v1/codes/hcpcs/X1001" + DOS)).andExpect(status().isOk())
                .andExpect(jsonPath("$.currency.stale").value(true))
                .andExpect(jsonPath("$.currency.sentence").value(sentence));
        assertThat(mvc.perform(get("/search?q=X1001&system=hcpcs&date=2016-06-01")).andReturn().getResponse().getContentAsString())
                .contains(sentence);
        // ICD-10-CM FY2016 is the release of its fiscal year: nothing to say
        mvc.perform(get("/api/v1/codes/icd10cm/S72.001A" + DOS)).andExpect(jsonPath("$.currency.stale").value(false));
        assertThat(mvc.perform(get("/")).andReturn().getResponse().getContentAsString()).contains("Data in force today")
                .contains("id=\"data-in-force\"").contains("ICD-10-CM");
    }

    @Test
    void aDateBeforeEveryImportedReleaseIsSaidTheSameWayOnPageApiBrowseAndSearch() throws Exception {
        // HCPCS here starts with the 2016-01 file: 2015-06-01 (2015-Q2) has no release to answer from
        String hcpcs = "HCPCS Level II 2015-Q2 is in force since 2015-04-01 and is not imported; no older release is imported either.";
        assertThat(mvc.perform(get("/codes/hcpcs/X1001?date=2015-06-01")).andExpect(status().isNotFound()).andReturn().getResponse()
                .getContentAsString()).contains(hcpcs);
        mvc.perform(get("/api/v1/codes/hcpcs/X1001?date=2015-06-01")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(hcpcs));
        assertThat(mvc.perform(get("/search?q=X1001&system=hcpcs&date=2015-06-01")).andReturn().getResponse().getContentAsString())
                .contains(hcpcs);
        // before ICD-10 took effect (the fixtures' first ICD-10-CM release, FY2015, is dated 2014-10-01) none can be in force
        String icd = "ICD-10-CM was not in force on 2014-06-01: services before 2015-10-01 were coded with ICD-9-CM, which CodeDesk"
                + " does not carry.";
        mvc.perform(get("/api/v1/codes/icd10cm/S72.001A?date=2014-06-01")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(icd));
        assertThat(mvc.perform(get("/browse/icd10cm?date=2014-06-01")).andReturn().getResponse().getContentAsString()).contains(icd);
    }
}
