package org.codedesk.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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

@SpringBootTest
@AutoConfigureMockMvc
class SearchPagesTest {

    static final String DOS = "&date=2016-06-01";

    @Autowired MockMvc mvc;
    @Autowired CatalogImporter importer;

    @BeforeEach
    void importFixtures() {
        importer.importPaths(List.of(Path.of("src/test/resources/fixtures/releases")));
    }

    @Test
    void searchPageShowsResultsWithMarkedWordsAndWhy() throws Exception {
        String html = mvc.perform(get("/search?q=fx+femur+neck" + DOS)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("FX read as &quot;fracture&quot;.").contains("<mark>femur</mark>").contains("href=\"/codes/icd10cm/S72.0")
                .contains("Index: Fracture, traumatic");
    }

    @Test
    void searchPageWorksAsAPlainFormAndSaysWhenNothingMatches() throws Exception {
        String html = mvc.perform(get("/search?q=zzzzqqqq" + DOS)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<form action=\"/search\" method=\"get\"").contains("No code matches &quot;zzzzqqqq&quot;.");
        String bad = mvc.perform(get("/search?q=femur&date=June")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("is not a date in the form YYYY-MM-DD");
    }

    @Test
    void apiSearchAndSuggest() throws Exception {
        mvc.perform(get("/api/v1/search?q=s72001a" + DOS))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hits[0].code").value("S72.001A"))
                .andExpect(jsonPath("$.hits[0].system").value("ICD10CM"))
                .andExpect(jsonPath("$.hits[0].url").value("/codes/icd10cm/S72.001A"));
        mvc.perform(get("/api/v1/search?q=test&system=hcpcs&billable=true" + DOS))
                .andExpect(jsonPath("$.hits[*].system").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("HCPCS"))));
        mvc.perform(get("/api/v1/search/suggest?q=S72.00" + DOS))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("S72.00"));
        mvc.perform(get("/api/v1/search?q=" + "x".repeat(10_000) + DOS)).andExpect(status().isOk())
                .andExpect(jsonPath("$.notes[0]").value("Only the first 200 characters of the query were searched."));
        mvc.perform(get("/api/v1/search?q=femur&system=snomed"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("Unknown code system 'snomed': use icd10cm, icd10pcs, hcpcs or cpt."));
    }

    @Test
    void suggestFragmentIsAListOfLinks() throws Exception {
        String html = mvc.perform(get("/search/suggest?q=zzzzqqqq")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("<li");
        String header = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
        assertThat(header).contains("hx-get=\"/search/suggest\"").contains("action=\"/search\"").contains("/webjars/htmx.org/dist/htmx.min.js");
    }
}
