package org.codedesk.edits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.codedesk.EditsFixtureData;
import org.codedesk.catalog.CptPlainLanguage;
import org.codedesk.catalog.CptPublicFacts;
import org.codedesk.catalog.PlainLanguage;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public CMS facts of a CPT code as the plain-language explanation takes them from the imported fixture files (the
 * fee schedule record of 27447 and its MUEs), with the RVU file's description column, which must never show.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CptPlainLanguageFactsTest {

    @Autowired CatalogImporter importer;
    @Autowired Edits edits;
    @Autowired MockMvc mvc;

    @BeforeEach
    void importFixtures() {
        EditsFixtureData.importAll(importer);
    }

    @Test
    void theFeeScheduleRecordAndMuesOf27447InPlainWords() throws Exception {
        CptPublicFacts facts = edits.publicFacts("27447", LocalDate.of(2016, 6, 1));
        // the fixture row: status A, global 090, multiple procedure 2, bilateral 1, assistant 2, co-surgeons 1, team 0
        assertThat(facts.globalDays()).isEqualTo("090");
        assertThat(facts.status()).isEqualTo("A");
        assertThat(facts.mues()).extracting(CptPublicFacts.Mue::setting).contains("practitioner");
        PlainLanguage plain = CptPlainLanguage.explain(facts);
        assertThat(plain.text()).contains("90-day global surgery period").contains("at most 1 unit");
        // the descriptor column of the RVU file (read here from the fixture file) is never in the text
        String row = Files.readAllLines(Path.of("src/test/resources/fixtures/edits/releases/PPRRVU2016_Apr.csv")).stream()
                .filter(l -> l.startsWith("27447,")).findFirst().orElseThrow();
        String descriptor = row.split(",")[2];
        assertThat(descriptor).isNotBlank();
        assertThat(CptPlainLanguage.problems(facts, plain, List.of(descriptor))).isEmpty();
        assertThat(plain.text()).doesNotContain(descriptor);
    }

    @Test
    void anUnlicensedCptPageAndTheApiCarryTheExplanationForMembersOnly() throws Exception {
        // before the test's licensed CPT file is in force: the unlicensed page, with no fee schedule or MUE file in force either
        String html = mvc.perform(get("/codes/cpt/27447?date=2010-06-01").with(user("cpt-plain@example.org").roles("MEMBER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"plain-language\"").contains("does not show or reword its description")
                .contains("No public Medicare fee schedule or MUE facts about it are imported for this date.")
                .contains("Written by CodeDesk from the public Medicare files");
        mvc.perform(get("/api/v1/codes/cpt/27447?date=2010-06-01").with(user("cpt-plain@example.org").roles("MEMBER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plainLanguage.source").value("generated"))
                .andExpect(jsonPath("$.plainLanguage.sentences[0].field").value("code"));
        mvc.perform(get("/api/v1/codes/cpt/27447?date=2010-06-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plainLanguage.label").value("Register to view content"))
                .andExpect(jsonPath("$.plainLanguage.sentences").isEmpty());
    }
}
