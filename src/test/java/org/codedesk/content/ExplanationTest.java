package org.codedesk.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.util.List;

import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Editors write and publish explanations with revisions; members read them on the code page; guests get the prompt. */
@SpringBootTest
@AutoConfigureMockMvc
class ExplanationTest {

    private static final RequestPostProcessor EDITOR = user("editor@example.org").roles("MEMBER", "EDITOR");
    private static final RequestPostProcessor MEMBER = user("member@example.org").roles("MEMBER");
    private static final RequestPostProcessor ADMIN = user("admin@example.org").roles("MEMBER", "ADMIN");
    private static final String PAGE = "/codes/icd10cm/H54.7?date=2016-06-01";
    private static final String EDIT = "/editor/codes/icd10cm/H54.7";

    @Autowired MockMvc mvc;
    @Autowired Explanations explanations;
    @Autowired CatalogImporter importer;

    @Test
    void writeReviseDiffPublishReadAndUnpublish() throws Exception {
        importer.importPaths(List.of(Path.of("src/test/resources/fixtures/releases")));
        mvc.perform(post(EDIT).with(csrf()).with(EDITOR).param("body", "Vision loss *not yet* classified.\nSecond line."));
        mvc.perform(post(EDIT).with(csrf()).with(EDITOR).param("body", "Vision loss **not yet** classified.\nSecond line.\n<script>alert(1)</script>"));
        List<Revision> revisions = explanations.revisions("icd10cm", "H54.7");
        assertThat(revisions).hasSize(2).allMatch(r -> r.author().equals("editor@example.org"));

        String diff = mvc.perform(get(EDIT + "?from=" + revisions.get(1).id() + "&to=" + revisions.get(0).id()).with(EDITOR))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(diff).contains("- Vision loss *not yet* classified.").contains("+ Vision loss **not yet** classified.");

        mvc.perform(post(EDIT + "/publish").with(csrf()).with(EDITOR).param("revision", String.valueOf(revisions.get(0).id())));
        String page = mvc.perform(get(PAGE).with(MEMBER)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<strong>not yet</strong>").contains("Written by CodeDesk editors")
                .doesNotContain("editor@example.org").doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");

        String guest = mvc.perform(get(PAGE)).andReturn().getResponse().getContentAsString();
        assertThat(guest).contains("Register to view content").doesNotContain("not yet").doesNotContain("editor@example.org");

        mvc.perform(post("/admin/content/icd10cm/H54.7/unpublish").with(csrf()).with(EDITOR)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/content/icd10cm/H54.7/unpublish").with(csrf()).with(ADMIN)).andExpect(status().is3xxRedirection());
        assertThat(explanations.published("icd10cm", "H54.7")).isEmpty();
    }

    @Test
    void aPublishedExplanationAppearsOnACptPageWithoutTheLicensedFileAndNeverShowsTheEditorsEmail() throws Exception {
        importer.importPaths(List.of(Path.of("src/test/resources/fixtures/releases")));
        // 2015: before the fixture's licensed CPT file (2016), so the page is the one without a descriptor
        String cptPage = "/codes/cpt/99213?date=2015-06-01";
        String edit = "/editor/codes/cpt/99213";
        mvc.perform(post(edit).with(csrf()).with(EDITOR).param("body", "An office visit of an *established* patient."));
        mvc.perform(post(edit + "/publish").with(csrf()).with(EDITOR)
                .param("revision", String.valueOf(explanations.revisions("cpt", "99213").get(0).id())));

        String page = mvc.perform(get(cptPage).with(MEMBER)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"cpt-licence\"").contains("<em>established</em>").contains("Written by CodeDesk editors")
                .doesNotContain("editor@example.org");
        String guest = mvc.perform(get(cptPage)).andReturn().getResponse().getContentAsString();
        assertThat(guest).contains("Register to view content").doesNotContain("established");
    }

    @Test
    void aLicensedCptDescriptorIsNeverAcceptedAsAnExplanation() throws Exception {
        importer.importPaths(List.of(Path.of("src/test/resources/fixtures/releases")));
        // the fixture CPT file (2016) is the only licensed CPT release in the test databases
        String problem = explanations.save("editor@example.org", "cpt", "00001", "In short: INVENTED FIXTURE   descriptor, not AMA text.");
        assertThat(problem).contains("licensed CPT descriptor");
        assertThat(explanations.revisions("cpt", "00001")).isEmpty();
        assertThat(explanations.save("editor@example.org", "cpt", "00001-x", "My own words about this service.")).isNull();
    }

    @Test
    void onlyEditorsAndAdminsMayEdit() throws Exception {
        mvc.perform(get(EDIT).with(MEMBER)).andExpect(status().isForbidden());
        mvc.perform(post(EDIT).with(csrf()).with(MEMBER).param("body", "x")).andExpect(status().isForbidden());
        mvc.perform(get(EDIT)).andExpect(status().is3xxRedirection());
        mvc.perform(get(EDIT).with(ADMIN)).andExpect(status().isOk());
    }
}
