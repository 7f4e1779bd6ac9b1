package org.codedesk.catalog.plain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.importing.CatalogImporter;
import org.codedesk.content.Explanations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The generated explanation on the code page (members; guests get the prompt), served from the cached page, replaced by
 * an editor's published one, offered as the editor's starting draft, and in the JSON API with its source.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PlainLanguagePageTest {

    private static final RequestPostProcessor MEMBER = user("member@example.org").roles("MEMBER");
    private static final RequestPostProcessor EDITOR = user("editor@example.org").roles("MEMBER", "EDITOR");
    private static final String PAGE = "/codes/icd10cm/S72.001A?date=2016-06-01";
    private static final String API = "/api/v1/codes/icd10cm/S72.001A?date=2016-06-01";

    @Autowired MockMvc mvc;
    @Autowired CatalogImporter importer;
    @Autowired Explanations explanations;
    @Autowired Catalog catalog;

    @BeforeEach
    void releases() {
        importer.importPaths(List.of(Path.of("src/test/resources/fixtures/releases")));
        explanations.unpublish("icd10cm", "S72.001A");
    }

    @Test
    void membersReadTheGeneratedTextLabelledGuestsGetThePromptAndTheEditorsTextTakesItsPlace() throws Exception {
        String page = mvc.perform(get(PAGE).with(MEMBER)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"plain-language\"").contains("Written by CodeDesk from the official definitions")
                .contains("It is for the right side.").contains("title=\"From: title (laterality)\"")
                .doesNotContain("No plain-language explanation has been published");
        String guest = mvc.perform(get(PAGE)).andReturn().getResponse().getContentAsString();
        assertThat(guest).contains("Register to view content").doesNotContain("It is for the right side.")
                .doesNotContain("Written by CodeDesk from the official definitions");

        mvc.perform(get(API).with(MEMBER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.plainLanguage.source").value("generated"))
                .andExpect(jsonPath("$.plainLanguage.label").value("Written by CodeDesk from the official definitions"))
                .andExpect(jsonPath("$.plainLanguage.sentences[?(@.field == 'title (laterality)')].text").value("It is for the right side."));
        mvc.perform(get(API)).andExpect(jsonPath("$.plainLanguage.source").value("generated"))
                .andExpect(jsonPath("$.plainLanguage.label").value("Register to view content"))
                .andExpect(jsonPath("$.plainLanguage.sentences").isEmpty());

        // the editor starts from the generated text, then publishes their own, which takes its place everywhere
        String editor = mvc.perform(get("/editor/codes/icd10cm/S72.001A").with(EDITOR)).andReturn().getResponse().getContentAsString();
        assertThat(editor).contains("id=\"generated-draft\"").contains("It is for the right side.");
        explanations.save("editor@example.org", "icd10cm", "S72.001A", "A broken thigh bone near the hip, *right side*.");
        explanations.publish("editor@example.org", "icd10cm", "S72.001A", explanations.revisions("icd10cm", "S72.001A").get(0).id());
        String published = mvc.perform(get(PAGE).with(MEMBER)).andReturn().getResponse().getContentAsString();
        assertThat(published).contains("<em>right side</em>").contains("Written by CodeDesk editors")
                .doesNotContain("Written by CodeDesk from the official definitions").doesNotContain("It is for the right side.");
        mvc.perform(get(API).with(MEMBER)).andExpect(jsonPath("$.plainLanguage.source").value("editor"))
                .andExpect(jsonPath("$.plainLanguage.html").value(org.hamcrest.Matchers.containsString("<em>right side</em>")));
        String after = mvc.perform(get("/editor/codes/icd10cm/S72.001A").with(EDITOR)).andReturn().getResponse().getContentAsString();
        assertThat(after).doesNotContain("id=\"generated-draft\"");
        explanations.unpublish("icd10cm", "S72.001A");
    }

    @Test
    void theGeneratedTextIsPartOfTheCachedPage() {
        var first = catalog.page(CodeSystem.ICD10CM, "S72.001A", LocalDate.of(2016, 6, 1)).orElseThrow();
        var again = catalog.page(CodeSystem.ICD10CM, "S72.001A", LocalDate.of(2016, 6, 2)).orElseThrow();
        assertThat(first.plainLanguage().sentences()).isNotEmpty();
        // the same cached explanation (one object), not written again per request
        assertThat(again.plainLanguage()).isSameAs(first.plainLanguage());
        assertThat(PlainLanguageCheck.problems(first, first.plainLanguage())).isEmpty();
    }
}
