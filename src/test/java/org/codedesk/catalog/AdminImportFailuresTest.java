package org.codedesk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Imports that go wrong from the admin page: a 6 MB file on one line is rejected with its file and line while the
 * service keeps serving; an import that dies of an Error (here a participant that runs out of memory) frees the lock,
 * and the page shows the failure instead of "importing" until a restart.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AdminImportFailuresTest {

    static final String EXHAUSTING_FILE = "codedesk-exhausting-test-file.txt";

    /** Another module's importer as far as the catalog knows: this one runs out of memory on its file. */
    @TestConfiguration
    static class ExhaustingParticipant {
        @Bean
        ImportParticipant exhaustingParticipant() {
            return new ImportParticipant() {
                @Override
                public boolean recognizes(ImportFile file) {
                    return file.name().equals(EXHAUSTING_FILE);
                }

                @Override
                public List<ImportReport.Outcome> importFiles(List<ImportFile> files) {
                    throw new OutOfMemoryError("Java heap space");
                }
            };
        }
    }

    private static final RequestPostProcessor ADMIN = user("admin@example.org").roles("ADMIN");

    @Autowired MockMvc mvc;
    @Autowired ImportProgress progress;

    @TempDir Path folder;

    private String importFromPage(Path path) throws Exception {
        ImportProgress.Snapshot before = progress.snapshot();
        mvc.perform(post("/admin/import").with(csrf()).param("paths", path.toString()).with(ADMIN))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/import"));
        for (int i = 0; i < 600 && (progress.snapshot() == before || progress.snapshot().running()); i++) {
            Thread.sleep(50); // the import runs in the background; the assertions below do not depend on how long it took
        }
        assertThat(progress.snapshot().running()).as("import still running").isFalse();
        return mvc.perform(get("/admin/import").with(ADMIN)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aOneLineFileIsRejectedWithItsFileAndLine() throws Exception {
        Path order = folder.resolve("icd10cm_order_2031.txt");
        byte[] block = new byte[1024 * 1024];
        Arrays.fill(block, (byte) 'A');
        try (OutputStream out = Files.newOutputStream(order)) {
            for (int i = 0; i < 6; i++) {
                out.write(block);
            }
        }
        String page = importFromPage(folder);
        assertThat(page).contains("Last import finished with errors.").contains("ICD-10-CM FY2031")
                .contains("icd10cm_order_2031.txt:1: line longer than 65,536 characters");
    }

    @Test
    void anImportKilledByAnErrorFreesTheLockAndSaysSo() throws Exception {
        Files.writeString(folder.resolve(EXHAUSTING_FILE), "anything");
        String page = importFromPage(folder);
        assertThat(page).contains("Last import failed").contains("ran out of memory (Java heap space)")
                .doesNotContain("An import is already running");
        // the lock is free: the next import runs and ends
        String next = importFromPage(Path.of("src/test/resources/fixtures/releases"));
        assertThat(next).contains("Last import finished").contains("ICD-10-CM FY2016");
    }
}
