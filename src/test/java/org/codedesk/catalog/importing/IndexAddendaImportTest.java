package org.codedesk.catalog.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodePage;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.ImportReport;
import org.codedesk.catalog.source.icd10cm.AddendaPdf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The index addenda at import: the next year's index rebuilt from the XML before it, served for its dates, reported. */
@SpringBootTest
class IndexAddendaImportTest {

    @Autowired CatalogImporter importer;
    @Autowired Catalog catalog;

    @Test
    void anIndexAddendaRebuildsTheNextYearsIndexAndSaysWhatItCouldNotApply(@TempDir Path dir) throws IOException {
        for (String file : List.of("icd10cm_index_2015.xml", "icd10cm_order_2015.txt", "icd10cm_order_2016.txt")) {
            Files.copy(CatalogImporterTest.FIXTURES.resolve(file), dir.resolve(file));
        }
        byte[] addenda = new AddendaPdf()
                .title("ICD-10-CM INDEX to DISEASES and INJURIES")
                .line("No Change", 90, AddendaPdf.BOLD, "Fracture, traumatic (abduction) (closed) - see also Fracture, pathological")
                .line("No Change", 90, AddendaPdf.REGULAR, "- femur, femoral S72.9")
                .line("Add", 90, AddendaPdf.REGULAR, "- - other specified S72.8X1")
                .line("Add", 90, AddendaPdf.BOLD, "Visual impairment H54.7")
                .line("No Change", 90, AddendaPdf.BOLD, "Unicorn")
                .line("Add", 90, AddendaPdf.REGULAR, "- horn S72.9")
                .bytes();
        Files.write(dir.resolve("icd10cm_index_addenda_2016.pdf"), addenda);

        ImportReport report = importer.importPaths(List.of(dir));

        assertThat(report.failed()).as(report.outcomes().toString()).isFalse();
        assertThat(report.outcomes()).filteredOn(o -> o.release().equals("ICD-10-CM FY2016")).singleElement().satisfies(o ->
                assertThat(o.detail()).contains("index rebuilt from ICD-10-CM FY2015 and the addenda FY2016")
                        .contains("2 changes applied, 2 not applied")
                        .contains("icd10cm_index_addenda_2016.pdf p.1 l.6: No Change Unicorn: no such term under the index"));
        List<CodePage.IndexEntry> fy2016 = catalog.page(CodeSystem.ICD10CM, "H54.7", LocalDate.of(2016, 6, 1)).orElseThrow().indexEntries();
        assertThat(fy2016).extracting(CodePage.IndexEntry::path, CodePage.IndexEntry::release)
                .contains(org.assertj.core.groups.Tuple.tuple("Visual impairment", "ICD-10-CM FY2016"));
        assertThat(catalog.page(CodeSystem.ICD10CM, "S72.8X1", LocalDate.of(2016, 6, 1)).orElseThrow().indexEntries())
                .extracting(CodePage.IndexEntry::path).contains("Fracture, traumatic > femur, femoral > other specified");
        // the FY2015 dates keep the FY2015 index
        assertThat(catalog.page(CodeSystem.ICD10CM, "H54.7", LocalDate.of(2015, 6, 1)).orElseThrow().indexEntries())
                .extracting(CodePage.IndexEntry::path).doesNotContain("Visual impairment");
    }
}
