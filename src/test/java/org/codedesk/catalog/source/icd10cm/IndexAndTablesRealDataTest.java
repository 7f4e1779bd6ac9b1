package org.codedesk.catalog.source.icd10cm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Parses the official CDC/CMS files when {@code CODEDESK_DATA_DIR} points at the data directory (the one
 * holding {@code icd10cm/}, or that folder itself); skipped otherwise, since the files are not in the repo.
 * The expected figures were read off the files themselves.
 */
class IndexAndTablesRealDataTest {

    private Path icd10cm;

    @BeforeEach
    void locateData() {
        String dir = System.getenv("CODEDESK_DATA_DIR");
        assumeTrue(dir != null, "CODEDESK_DATA_DIR not set: official ICD-10-CM files unavailable");
        Path root = Path.of(dir);
        icd10cm = Files.isDirectory(root.resolve("icd10cm")) ? root.resolve("icd10cm") : root;
    }

    private IndexFile index(IndexKind kind, String path) throws Exception {
        Path file = icd10cm.resolve(path);
        try (InputStream in = Files.newInputStream(file)) {
            return new IndexParser().parse(kind, file.getFileName().toString(), in);
        }
    }

    @Test
    void indexFiles() throws Exception {
        IndexFile index = index(IndexKind.INDEX, "2017/extracted/icd10cm_index_2017.xml");
        assertThat(index.version()).isEqualTo("2017");
        assertThat(index.terms()).hasSize(77_199);
        assertThat(index.terms().stream().filter(IndexTerm::isMainTerm)).hasSize(7_973);
        assertThat(index.findByPath("Pneumonia > aspiration").orElseThrow().code()).isEqualTo("J69.0");
        IndexTerm abasia = index.findByPath("Abasia").orElseThrow();
        assertThat(abasia.nonessentialModifiers()).isEqualTo("(-astasia) (hysterical)");
        assertThat(abasia.code()).isEqualTo("F44.4");
        assertThat(index.terms().stream().mapToInt(IndexTerm::level).max().orElseThrow()).isEqualTo(9);

        IndexFile eindex = index(IndexKind.EXTERNAL_CAUSE, "2017/extracted/icd10cm_eindex_2017.xml");
        assertThat(eindex.terms()).hasSize(7_572);

        IndexFile drug2017 = index(IndexKind.DRUG, "2017/extracted/icd10cm_drug_2017.xml");
        assertThat(drug2017.terms()).hasSize(7_416);
        assertThat(drug2017.headings()).hasSize(7).startsWith("Substance");

        IndexFile neoplasm = index(IndexKind.NEOPLASM, "2017/extracted/icd10cm_neoplasm_2017.xml");
        assertThat(neoplasm.terms()).hasSize(1_930);
        assertThat(neoplasm.findByPath("Neoplasm, neoplastic > abdomen, abdominal").orElseThrow().cells())
                .contains(new IndexCell(2, "Malignant Primary", "C76.2"), new IndexCell(7, "Unspecified Behavior", "D49.89"));

        IndexFile drug2026 = index(IndexKind.DRUG, "2026-april/icd10cm-drug-April-1-2026-XML.xml");
        assertThat(drug2026.version()).isEqualTo("2026");
        assertThat(drug2026.terms()).hasSize(7_430);
        assertThat(drug2026.terms().stream().mapToLong(t -> t.cells().size()).sum()).isEqualTo(43_224);
        IndexTerm acid = drug2026.findByPath("Acid NEC").orElseThrow();
        assertThat(acid.nonessentialModifiers()).isEqualTo("(corrosive)");
        assertThat(acid.cells()).contains(new IndexCell(2, "Poisoning Accidental (unintentional)", "T54.2X1"),
                new IndexCell(6, "Adverse effect", null));
        assertThat(index(IndexKind.EXTERNAL_CAUSE, "2026-april/icd10cm-eindex-April-1-2026-XML.xml").terms()).hasSize(8_090);
        assertThat(index(IndexKind.NEOPLASM, "2026-april/icd10cm-neoplasm-April-1-2026-XML.xml").terms()).hasSize(1_940);
    }

    @Test
    void conversionTables() throws Exception {
        Map<String, Integer> expectedRows = Map.of(
                "ICD-10-CM_ConversionTable-FY17.xlsx", 1_970,
                "ICD-10-CM-Conversion-Table-FY18-Effective-10-1-2017.xlsx", 2_330,
                "ICD-10-CM-Conversion-Table-FY19-Effective-10-1-2018_FINAL.XLSX", 2_609,
                "ICD-10-CM-Conversion-Table-FY20-Effective-10-1-2019-corrected.csv", 2_882,
                "ICD-10-CM-Conversion-Table-FY2021-Jan-2021.xlsx", 3_378,
                "ICD-10-CM-Conversion-Table-FY2022-Effective-10-1-2021-updated-08-24-2021.xlsx", 3_537,
                "ICD-10-CM-Conversion-Table-FY2022-Effective-04-01-2022.xlsx", 3_540,
                "ICD-10-CM-Conversion-Table-FY2023-Effective-10-01-2022.xlsx", 4_716,
                "icd-10-cm-conversion-table-FY2025.xlsx", 5_405,
                "ICD-10-CM-CONVERSION-TABLE-FY2026.xlsx", 5_892);
        for (Map.Entry<String, Integer> e : expectedRows.entrySet()) {
            List<CodeConversion> rows = conversion(e.getKey());
            assertThat(rows).as(e.getKey()).hasSize(e.getValue());
        }
        List<CodeConversion> fy2024 = conversion("ICD-10-CM-Conversion-Table-FY2024-Effective-10-01-2023-Final (updated 9-21-2023).xlsx");
        assertThat(fy2024).hasSize(5_153).extracting(CodeConversion::fiscalYear).containsOnly(2024);

        // The published table lists a few codes twice (O44.20 among them); rows are kept as written.
        Map<String, CodeConversion> fy2026 = conversion("ICD-10-CM-CONVERSION-TABLE-FY2026.xlsx").stream()
                .collect(Collectors.toMap(CodeConversion::currentCode, Function.identity(), (first, repeat) -> first));
        assertThat(fy2026.get("U071")).isEqualTo(
                new CodeConversion(2026, LocalDate.of(2020, 4, 1), "U071", List.of("B9729"), "B97.29"));
        assertThat(fy2026.get("H442A1").previousCodes()).containsExactly("H4420-H4423", "H35051-H35059");
        assertThat(fy2026.get("P91821").previousCodes()).containsExactly("I63", "P9188");
        assertThat(fy2026.get("Z1721").previousCodes()).isEmpty();
        assertThat(fy2026).containsKey("QA00101");
    }

    private List<CodeConversion> conversion(String name) throws Exception {
        try (InputStream in = Files.newInputStream(icd10cm.resolve("conversion").resolve(name))) {
            return new ConversionTableParser().parse(name, in);
        }
    }

    @Test
    void orderAddenda() throws Exception {
        List<AddendaEntry> fy2026 = addenda("2026/extracted/icd10cm_order_addenda_2026.txt");
        assertThat(fy2026).hasSize(748);
        assertThat(fy2026.stream().filter(e -> e.action().equals(AddendaEntry.ADD))).hasSize(630);
        assertThat(fy2026.stream().filter(e -> e.action().equals(AddendaEntry.DELETE))).hasSize(28);
        assertThat(fy2026.stream().filter(e -> e.action().equals(AddendaEntry.REVISE_TO))).hasSize(45);
        assertThat(fy2026).contains(new AddendaEntry("Add", true, "B8801", "Infestation by Demodex mites",
                "Infestation by Demodex mites"));

        List<AddendaEntry> fy2017 = addenda("2017/extracted/icd10cm_order_addenda_2017.txt");
        assertThat(fy2017).hasSize(3_877);
        assertThat(fy2017.get(0)).isEqualTo(new AddendaEntry("Add", true, "A925", "Zika virus disease", "Zika virus disease"));
    }

    private List<AddendaEntry> addenda(String path) throws Exception {
        Path file = icd10cm.resolve(path);
        try (InputStream in = Files.newInputStream(file)) {
            return new OrderAddendaParser().parse(file.getFileName().toString(), in);
        }
    }
}
