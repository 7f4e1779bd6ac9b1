package org.codedesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** With nothing imported (and no download), every page says in one sentence how to import from a folder. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:empty-catalog;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class EmptyCatalogTest {

    @Autowired MockMvc mvc;

    @Test
    void everyPageSaysHowToImport() throws Exception {
        for (String url : new String[] {"/", "/codes", "/codes/icd10cm/I21.4"}) {
            String html = mvc.perform(get(url)).andReturn().getResponse().getContentAsString();
            assertThat(html).as(url).contains("The catalog is empty: import the official code-set files with");
        }
        mvc.perform(get("/codes/icd10cm/I21.4")).andExpect(status().isNotFound());
    }

    @Test
    void placesOfServiceWithoutTheListSayWhatTheyShowAndWhereItComesFromInUsersWords() throws Exception {
        String html = mvc.perform(get("/places-of-service")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // the page's own text (the catalog notice above it points operators to the import docs, as on every page)
        String main = html.substring(html.indexOf("<main"), html.indexOf("</main>"));
        assertThat(main).contains("id=\"no-pos\"").contains("says where the service was given")
                .contains("Place of Service code set that the Centers for Medicare &amp; Medicaid Services (CMS) publishes")
                .doesNotContain("docs/");
    }
}
