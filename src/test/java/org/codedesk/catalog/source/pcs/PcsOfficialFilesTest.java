package org.codedesk.catalog.source.pcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Parses the official CMS files when {@code CODEDESK_DATA_DIR} names the data directory (the one holding
 * {@code icd10pcs/}); skipped otherwise, since the files are not part of the repository. The figures are those
 * of the published 2025 and 2026 releases.
 */
class PcsOfficialFilesTest {

    private Path pcs;

    @BeforeEach
    void locateData() {
        String dir = System.getenv("CODEDESK_DATA_DIR");
        assumeTrue(dir != null, "CODEDESK_DATA_DIR not set: official ICD-10-PCS files not available");
        pcs = Path.of(dir, "icd10pcs");
    }

    private <T> T parse(String file, Parser<T> parser) throws IOException {
        Path path = pcs.resolve(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            return parser.parse(path.getFileName().toString(), in);
        }
    }

    private interface Parser<T> {
        T parse(String fileName, InputStream in);
    }

    @Test
    void tables2026ExpandToExactlyTheBillableCodesOfTheOrderFile() throws IOException {
        PcsTables tables = parse("2026/icd10pcs_tables_2026.xml", new PcsTablesParser()::parse);

        assertThat(tables.version()).isEqualTo("2026");
        assertThat(tables.tables()).hasSize(914);
        assertThat(tables.tables().stream().mapToInt(table -> table.rows().size()).sum()).isEqualTo(2733);
        assertThat(tables.codeCount()).isEqualTo(79_115);
        Set<String> codes = tables.codes().collect(Collectors.toSet());
        assertThat(codes).hasSize(79_115).contains("0016070");

        // Order file: fixed width, code in columns 7-13, column 15 is 1 for a billable code, 0 for a table header.
        List<String> order = Files.readAllLines(pcs.resolve("2026/extracted/icd10pcs_order_2026.txt"),
            StandardCharsets.US_ASCII);
        Set<String> billable = order.stream().filter(line -> line.charAt(14) == '1')
            .map(line -> line.substring(6, 13).strip()).collect(Collectors.toSet());
        Set<String> headers = order.stream().filter(line -> line.charAt(14) == '0')
            .map(line -> line.substring(6, 13).strip()).collect(Collectors.toSet());
        assertThat(codes).isEqualTo(billable);
        assertThat(tables.tables().stream().map(PcsTable::code).collect(Collectors.toSet())).isEqualTo(headers);

        assertThat(tables.describe("0016070")).hasValueSatisfying(meaning -> assertThat(meaning)
            .extracting(PcsCharacter::valueText)
            .containsExactly("Medical and Surgical", "Central Nervous System and Cranial Nerves", "Bypass",
                "Cerebral Ventricle", "Open", "Autologous Tissue Substitute", "Nasopharynx"));
        assertThat(tables.table("001")).map(PcsTable::operationDefinition)
            .hasValueSatisfying(definition -> assertThat(definition).startsWith("Altering the route of passage"));
    }

    @Test
    void definitions2026() throws IOException {
        List<PcsDefinition> definitions = parse("2026/icd10pcs_definitions_2026.xml", new PcsDefinitionsParser()::parse);

        assertThat(definitions).hasSize(1090);
        assertThat(definitions.stream().map(PcsDefinition::sectionCode).distinct()).hasSize(16);
        assertThat(definitions.stream().filter(definition -> definition.definition() != null)).hasSize(323);
        assertThat(definitions).anySatisfy(definition -> {
            assertThat(definition.sectionCode()).isEqualTo("0");
            assertThat(definition.position()).isEqualTo(3);
            assertThat(definition.term()).isEqualTo("Bypass");
            assertThat(definition.includes()).containsExactly("Coronary artery bypass, colostomy formation");
        });
    }

    @Test
    void index2025() throws IOException {
        List<PcsIndexTerm> terms = parse("2025/icd10pcs_index_2025.xml", new PcsIndexParser()::parse);

        assertThat(terms).hasSize(24_484);
        assertThat(terms.stream().filter(term -> term.level() == 0)).hasSize(3215);
        assertThat(terms.stream().mapToInt(PcsIndexTerm::level).max()).hasValue(5);
        for (int i = 0; i < terms.size(); i++) {
            PcsIndexTerm term = terms.get(i);
            assertThat(term.id()).isEqualTo(i + 1);
            // A parent precedes its subterms and sits one level up.
            if (term.level() > 0) {
                assertThat(terms.get(term.parentId() - 1).level()).isEqualTo(term.level() - 1);
            }
        }
        assertThat(terms).contains(
            new PcsIndexTerm(terms.stream().filter(t -> "Abdominohysterectomy".equals(t.title())).findFirst()
                .orElseThrow().id(), 0, 0, "Abdominohysterectomy", null, "Resection, Uterus", "0UT9", null, null));
    }
}
