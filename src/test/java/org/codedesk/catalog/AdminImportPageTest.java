package org.codedesk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class AdminImportPageTest {

    @Autowired MockMvc mvc;
    @Autowired ImportProgress progress;

    @Test
    void startsAnImportAndShowsItsOutcome() throws Exception {
        ImportReport before = progress.snapshot().lastReport();
        mvc.perform(post("/admin/import").with(csrf()).param("paths", "src/test/resources/fixtures/releases").with(user("admin@example.org").roles("ADMIN")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/import"));
        for (int i = 0; i < 600 && (progress.snapshot().lastReport() == before || progress.snapshot().running()); i++) {
            Thread.sleep(50); // waits for the background import to end; the assertion does not depend on how long it took
        }
        assertThat(progress.snapshot().lastReport()).isNotNull().isNotSameAs(before);
        String html = mvc.perform(get("/admin/import").with(user("admin@example.org").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("ICD-10-CM FY2016");
    }

    @Test
    void rejectsAMissingFolderWithAFormError() throws Exception {
        String html = mvc.perform(post("/admin/import").with(csrf()).param("paths", "/no/such/folder").with(user("admin@example.org").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("No such file or folder on the server: /no/such/folder");
    }

    @Test
    void aPostWithoutTheFormsCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/admin/import").param("paths", "/tmp").with(user("admin@example.org").roles("ADMIN")))
                .andExpect(status().isForbidden());
    }

    @Test
    void onlyAdministratorsMayImport() throws Exception {
        mvc.perform(get("/admin/import")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/import").with(user("member@example.org").roles("MEMBER"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/import").with(csrf()).with(user("member@example.org").roles("MEMBER")).param("paths", "/tmp"))
                .andExpect(status().isForbidden());
    }
}
