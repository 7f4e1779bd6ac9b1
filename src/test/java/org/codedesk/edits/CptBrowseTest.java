package org.codedesk.edits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.codedesk.EditsFixtureData;
import org.codedesk.catalog.ImportReport;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code /browse/cpt} without a licensed CPT file (the home page links to it): CPT's sections by code range, and per
 * section the code numbers the PFS relative value file lists, with their status; never a descriptor. Its own database:
 * only the edits fixtures, no licensed CPT release.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:cpt-browse;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class CptBrowseTest {

    @Autowired MockMvc mvc;
    @Autowired CatalogImporter importer;

    @Test
    void cptBrowseWithoutTheLicensedFileListsSectionsAndTheCodeNumbersCmsPublishes() throws Exception {
        ImportReport report = importer.importPaths(List.of(EditsFixtureData.folder()));
        assertThat(report.failed()).as(report.outcomes().toString()).isFalse();

        String sections = html("/browse/cpt?date=2016-06-01");
        assertThat(sections).contains("id=\"cpt-sections\"").contains("Surgery").contains("10004–69990")
                .contains("/browse/cpt/section/evaluation-and-management?date=2016-06-01").contains("id=\"cpt-licence\"");
        String em = html("/browse/cpt/section/evaluation-and-management?date=2016-06-01");
        assertThat(em).contains("id=\"cpt-codes\"").contains("href=\"/codes/cpt/99213\"").contains("PFS status A: Active code")
                .doesNotContain("/codes/cpt/27447").doesNotContain("X1003");
        String surgery = html("/browse/cpt/section/surgery?date=2016-06-01");
        assertThat(surgery).contains("href=\"/codes/cpt/27447\"").contains("href=\"/codes/cpt/69990\"").doesNotContain("/codes/cpt/99213")
                .contains("href=\"/codes/cpt/36415\"").contains("PFS status X: Statutory exclusion");
        assertThat(html("/browse/cpt/section/pathology-and-laboratory?date=2016-06-01")).contains("href=\"/codes/cpt/80061\"")
                .doesNotContain("/codes/cpt/36415");
        assertThat(html("/browse/cpt/section/anesthesia?date=2016-06-01")).contains("id=\"no-codes\"");
        // today (no date): the newest file in force answers too, the home page's link is not a 404
        assertThat(html("/browse/cpt")).contains("id=\"cpt-sections\"");
        mvc.perform(get("/browse/cpt/section/nothing")).andExpect(status().isNotFound());
    }

    private String html(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
