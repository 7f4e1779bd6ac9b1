package org.codedesk.casecoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.codedesk.casecoding.learning.TrainingCorpus;
import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodeStatus;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.ImportReport;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Case to code on the official data, learned from the CodiEsp train split: every suggested code exists in the release
 * in force, evidence offsets point into the note, and the first 25 dev cases are coded far better than chance.
 * Skipped, and reported as skipped, when CODEDESK_DATA_DIR is unset. The full figures come from bench/case-to-code.sh.
 */
@SpringBootTest
class CaseToCodeFullDataTest {

    static final String DATA = System.getenv("CODEDESK_DATA_DIR");

    @DynamicPropertySource
    static void corpus(DynamicPropertyRegistry registry) {
        registry.add("codedesk.casecoding.corpus", () -> DATA == null ? "" : Path.of(DATA, "benchmarks/codiesp/train").toString());
    }

    @Autowired CatalogImporter importer;
    @Autowired Catalog catalog;
    @Autowired CaseCoder coder;

    @Test
    void devCasesAreCodedFromTheReleaseInForceWithEvidence() {
        assumeTrue(DATA != null && !DATA.isBlank(), "CODEDESK_DATA_DIR is not set: case-to-code full-data test skipped");
        ImportReport report = importer.importPaths(List.of(Path.of(DATA)));
        assertThat(report.failed()).as(report.outcomes().toString()).isFalse();
        LocalDate date = LocalDate.of(2018, 6, 1);
        List<TrainingCorpus.Document> dev = TrainingCorpus.read(Path.of(DATA, "benchmarks/codiesp/dev")).documents().subList(0, 25);
        Map<String, List<String>> ranked = new LinkedHashMap<>();
        Map<String, Set<String>> gold = new LinkedHashMap<>();
        for (TrainingCorpus.Document doc : dev) {
            CaseCoding coding = coder.code(doc.english(), date, EncounterSetting.INPATIENT);
            assertThat(coding.method()).contains("500 coded cases");
            Map<String, CodeStatus> status = catalog.status(CodeSystem.ICD10CM,
                    coding.diagnoses().stream().map(s -> s.code().replace(".", "")).toList(), date);
            assertThat(status.values()).as(doc.id()).allMatch(s -> s.validity() == CodeStatus.Validity.VALID
                    || s.validity() == CodeStatus.Validity.NOT_BILLABLE);
            for (CaseCoding.CodeSuggestion s : coding.diagnoses()) {
                assertThat(s.complete()).isEqualTo(status.get(s.code().replace(".", "")).validity() == CodeStatus.Validity.VALID);
                s.evidence().forEach(e -> assertThat(doc.english().substring(e.start(), e.end())).isEqualTo(e.text()));
            }
            ranked.put(doc.id(), coder.rankedCodes(doc.english(), date, EncounterSetting.INPATIENT, false).stream()
                    .map(CaseCoder.RankedCode::code).toList());
            gold.put(doc.id(), doc.diagnoses());
        }
        CodiEspScore score = CodiEspScore.of(ranked, Map.of(), gold);
        // the frequency baseline (the train split's most common codes, same list for every case) scores about 0.1 here
        assertThat(score.map()).isGreaterThan(0.35);
    }
}
