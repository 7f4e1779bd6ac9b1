package org.codedesk.catalog.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.ImportReport;
import org.codedesk.catalog.ImportReport.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A release's files read from inside a zip. Its own database: the licensed CPT file it imports (2014) would otherwise be
 * the CPT release in force for every later date in the other tests, which rely on no licensed CPT file before 2016.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:zipped-release;DB_CLOSE_DELAY=-1")
class ZippedReleaseImportTest {

    @Autowired CatalogImporter importer;
    @Autowired Catalog catalog;

    @Test
    void readsFilesInsideAZip(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("release.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("inner/cpt-descriptors-2014.tsv"));
            out.write("00002\tInvented zipped descriptor\n".getBytes());
            out.closeEntry();
        }
        ImportReport report = importer.importPaths(List.of(zip));
        assertThat(report.outcomes()).extracting(ImportReport.Outcome::status).containsExactly(Status.IMPORTED);
        assertThat(catalog.page(CodeSystem.CPT, "00002", LocalDate.of(2014, 6, 1)).orElseThrow().longDescription())
                .isEqualTo("Invented zipped descriptor");
    }
}
