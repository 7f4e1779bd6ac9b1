package org.codedesk.casecoding;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.codedesk.casecoding.learning.TrainingCorpus;
import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.importing.CatalogImporter;
import org.codedesk.search.Search;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Not a test (surefire does not pick it up by name): the CodiEsp benchmark of issue 7. Learns from the train split,
 * codes every document of the evaluated split (dev unless -Dsplit=...), and prints MAP and micro precision, recall
 * and F1 for diagnoses (D) and procedures (P), and the latency per document. The catalog is imported once into an
 * H2 file under target/casecoding-bench and reused. Run: {@code CODEDESK_DATA_DIR=../shared/data bench/case-to-code.sh}.
 */
@SpringBootTest
class CaseToCodeBenchmark {

    static final String HOME = System.getProperty("bench.home", "target/casecoding-bench");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("codedesk.home", () -> HOME);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + Path.of(HOME).toAbsolutePath() + "/codedesk");
        String data = System.getenv("CODEDESK_DATA_DIR");
        registry.add("codedesk.casecoding.code-every-mention", () -> System.getProperty("code-every-mention", "false"));
        registry.add("codedesk.casecoding.corpus", () -> data == null ? "" : Path.of(data, "benchmarks/codiesp/train").toString());
        registry.add("codedesk.casecoding.warm-up", () -> "false");
    }

    @Autowired CatalogImporter importer;
    @Autowired Catalog catalog;
    @Autowired CaseCoder coder;
    @Autowired Search search;

    @Test
    void benchmark() {
        String data = System.getenv("CODEDESK_DATA_DIR");
        assumeTrue(data != null, "CODEDESK_DATA_DIR not set");
        if (catalog.isEmpty()) {
            importer.importPaths(List.of(Path.of(data)));
        }
        String split = System.getProperty("split", "dev");
        EncounterSetting setting = EncounterSetting.parse(System.getProperty("setting", "inpatient"));
        // CodiEsp was coded with the 2018 editions: both code systems are scored on FY2018 (ICD-10-PCS FY2018 from its order file)
        LocalDate diagnosisDate = LocalDate.parse(System.getProperty("diagnosis.date", "2018-06-01"));
        LocalDate procedureDate = LocalDate.parse(System.getProperty("procedure.date", "2018-06-01"));
        int folds = Integer.getInteger("folds", 0);
        if (folds > 1) {
            crossValidate(Path.of(data, "benchmarks/codiesp/train"), folds, diagnosisDate, procedureDate, setting);
            return;
        }
        Path splitFolder = Path.of(data, "benchmarks/codiesp", split);
        if (!java.nio.file.Files.isDirectory(splitFolder)) {
            throw new IllegalArgumentException("No CodiEsp split folder " + splitFolder + " (the test split is held out of shared data)");
        }
        TrainingCorpus corpus = TrainingCorpus.read(splitFolder);
        long start = System.nanoTime();
        coder.rankedCodes("warm up", diagnosisDate, setting, false);
        coder.rankedCodes("warm up", procedureDate, setting, true);
        System.out.printf("BENCH model: %s; learned in %.1f s (both dates)%n", coder.method(diagnosisDate, setting),
                (System.nanoTime() - start) / 1e9);
        System.out.println("BENCH weights " + coder.weights(diagnosisDate, setting));
        Map<String, List<String>> rankedD = new LinkedHashMap<>();
        Map<String, List<String>> rankedP = new LinkedHashMap<>();
        Map<String, Set<String>> chosenD = new LinkedHashMap<>();
        Map<String, Set<String>> chosenP = new LinkedHashMap<>();
        Map<String, Set<String>> goldD = new LinkedHashMap<>();
        Map<String, Set<String>> goldP = new LinkedHashMap<>();
        Map<String, List<CaseCoder.RankedCode>> scoresD = new LinkedHashMap<>();
        Map<String, List<CaseCoder.RankedCode>> scoresP = new LinkedHashMap<>();
        List<Long> nanos = new ArrayList<>();
        for (TrainingCorpus.Document doc : corpus.documents()) {
            goldD.put(doc.id(), doc.diagnoses());
            goldP.put(doc.id(), doc.procedures());
            long t = System.nanoTime();
            List<CaseCoder.RankedCode> d = coder.rankedCodes(doc.english(), diagnosisDate, setting, false);
            long t1 = System.nanoTime();
            List<CaseCoder.RankedCode> p = coder.rankedCodes(doc.english(), procedureDate, setting, true);
            nanos.add(t1 - t);
            scoresD.put(doc.id(), d);
            scoresP.put(doc.id(), p);
            rankedD.put(doc.id(), d.stream().map(CaseCoder.RankedCode::code).toList());
            rankedP.put(doc.id(), p.stream().map(CaseCoder.RankedCode::code).toList());
            chosenD.put(doc.id(), chosen(d));
            chosenP.put(doc.id(), chosen(p));
        }
        List<Long> full = new ArrayList<>();
        for (TrainingCorpus.Document doc : Boolean.getBoolean("skip.full") ? List.<TrainingCorpus.Document>of() : corpus.documents()) {
            long t = System.nanoTime();
            coder.code(doc.english(), procedureDate, setting);
            full.add(System.nanoTime() - t);
        }
        CodiEspScore d = CodiEspScore.of(rankedD, chosenD, goldD);
        CodiEspScore p = CodiEspScore.of(rankedP, chosenP, goldP);
        System.out.printf("BENCH split %s (%d documents), setting %s, diagnoses on %s, procedures on %s, threshold %.2f%n", split,
                corpus.documents().size(), setting.slug(), diagnosisDate, procedureDate, coder.threshold());
        System.out.printf("BENCH D: MAP %.3f  P %.3f  R %.3f  F1 %.3f  (%d documents with codes)%n", d.map(), d.precision(), d.recall(), d.f1(), d.documents());
        System.out.printf("BENCH P: MAP %.3f  P %.3f  R %.3f  F1 %.3f  (%d documents with codes)%n", p.map(), p.precision(), p.recall(), p.f1(), p.documents());
        System.out.printf("BENCH latency, ranking only: %s%n", percentiles(nanos));
        System.out.printf("BENCH latency, full answer (titles, evidence, rules from the tabular): %s%n", percentiles(full));
        List<String> report = new ArrayList<>();
        for (TrainingCorpus.Document doc : corpus.documents()) {
            report.add("# " + doc.id());
            List<String> ranked = rankedD.get(doc.id());
            for (int i = 0; i < Math.min(20, ranked.size()); i++) {
                report.add(String.format("%2d %s %-8s %.3f", i + 1, doc.diagnoses().contains(ranked.get(i)) ? "+" : " ", ranked.get(i),
                        scoresD.get(doc.id()).get(i).score()));
            }
            doc.diagnoses().stream().filter(c -> !ranked.subList(0, Math.min(20, ranked.size())).contains(c))
                    .forEach(c -> report.add("   missed " + c + (ranked.contains(c) ? " at " + (ranked.indexOf(c) + 1) : " (no candidate)")));
        }
        try {
            java.nio.file.Files.write(Path.of("target/case-to-code-" + split + ".txt"), report);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        System.out.printf("BENCH candidates hold %.3f of gold D codes, %.3f of gold P codes%n", coverage(rankedD, goldD), coverage(rankedP, goldP));
        for (double threshold : new double[] {0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5}) {
            CodiEspScore td = CodiEspScore.of(rankedD, above(scoresD, threshold), goldD);
            CodiEspScore tp = CodiEspScore.of(rankedP, above(scoresP, threshold), goldP);
            System.out.printf("BENCH threshold %.2f: D P %.3f R %.3f F1 %.3f | P P %.3f R %.3f F1 %.3f%n", threshold, td.precision(),
                    td.recall(), td.f1(), tp.precision(), tp.recall(), tp.f1());
        }
    }

    /**
     * Train-cross-validated figures: the train split in k folds (documents by id, every k-th to one fold); for each
     * fold a coder learns from the other k-1 folds (written in the CodiEsp layout under cv.dir) and ranks the held-out
     * fold. MAP and P/R/F1 are pooled over all train documents; the MAP of each fold is printed too.
     */
    private void crossValidate(Path train, int folds, LocalDate diagnosisDate, LocalDate procedureDate, EncounterSetting setting) {
        Path root = Path.of(System.getProperty("cv.dir", "target/casecoding-cv")).toAbsolutePath();
        TrainingCorpus corpus = TrainingCorpus.read(train);
        List<String> ids = corpus.documents().stream().map(TrainingCorpus.Document::id).sorted().toList();
        Map<String, List<String>> rankedD = new LinkedHashMap<>();
        Map<String, List<String>> rankedP = new LinkedHashMap<>();
        Map<String, Set<String>> chosenD = new LinkedHashMap<>();
        Map<String, Set<String>> chosenP = new LinkedHashMap<>();
        Map<String, Set<String>> goldD = new LinkedHashMap<>();
        Map<String, Set<String>> goldP = new LinkedHashMap<>();
        for (int fold = 0; fold < folds; fold++) {
            Set<String> heldOut = new LinkedHashSet<>();
            for (int i = fold; i < ids.size(); i += folds) {
                heldOut.add(ids.get(i));
            }
            Path learnFrom = FoldWriter.write(train, root.resolve("fold" + (fold + 1)).resolve("train"), id -> !heldOut.contains(id));
            CaseCoder foldCoder = new CaseCoder(catalog, search, learnFrom.toString(), coder.threshold(),
                    Boolean.getBoolean("code-every-mention"), false);
            long start = System.nanoTime();
            foldCoder.rankedCodes("warm up", diagnosisDate, setting, false);
            foldCoder.rankedCodes("warm up", procedureDate, setting, true);
            Map<String, List<String>> foldD = new LinkedHashMap<>();
            Map<String, List<String>> foldP = new LinkedHashMap<>();
            Map<String, Set<String>> foldGoldD = new LinkedHashMap<>();
            Map<String, Set<String>> foldGoldP = new LinkedHashMap<>();
            for (TrainingCorpus.Document doc : corpus.documents()) {
                if (!heldOut.contains(doc.id())) {
                    continue;
                }
                List<CaseCoder.RankedCode> d = foldCoder.rankedCodes(doc.english(), diagnosisDate, setting, false);
                List<CaseCoder.RankedCode> p = foldCoder.rankedCodes(doc.english(), procedureDate, setting, true);
                foldD.put(doc.id(), d.stream().map(CaseCoder.RankedCode::code).toList());
                foldP.put(doc.id(), p.stream().map(CaseCoder.RankedCode::code).toList());
                foldGoldD.put(doc.id(), doc.diagnoses());
                foldGoldP.put(doc.id(), doc.procedures());
                chosenD.put(doc.id(), chosen(d));
                chosenP.put(doc.id(), chosen(p));
            }
            rankedD.putAll(foldD);
            rankedP.putAll(foldP);
            goldD.putAll(foldGoldD);
            goldP.putAll(foldGoldP);
            System.out.printf("BENCH fold %d/%d: %d held out, learned from %d; D MAP %.3f, P MAP %.3f (%.0f s)%n", fold + 1, folds,
                    heldOut.size(), ids.size() - heldOut.size(), CodiEspScore.of(foldD, Map.of(), foldGoldD).map(),
                    CodiEspScore.of(foldP, Map.of(), foldGoldP).map(), (System.nanoTime() - start) / 1e9);
        }
        CodiEspScore d = CodiEspScore.of(rankedD, chosenD, goldD);
        CodiEspScore p = CodiEspScore.of(rankedP, chosenP, goldP);
        System.out.printf("BENCH train, %d-fold cross-validation (%d documents), setting %s, diagnoses on %s, procedures on %s, threshold %.2f%n",
                folds, ids.size(), setting.slug(), diagnosisDate, procedureDate, coder.threshold());
        System.out.printf("BENCH D: MAP %.3f  P %.3f  R %.3f  F1 %.3f  (%d documents with codes)%n", d.map(), d.precision(), d.recall(), d.f1(), d.documents());
        System.out.printf("BENCH P: MAP %.3f  P %.3f  R %.3f  F1 %.3f  (%d documents with codes)%n", p.map(), p.precision(), p.recall(), p.f1(), p.documents());
        System.out.printf("BENCH candidates hold %.3f of gold D codes, %.3f of gold P codes%n", coverage(rankedD, goldD), coverage(rankedP, goldP));
    }

    private static double coverage(Map<String, List<String>> ranked, Map<String, Set<String>> gold) {
        long found = 0;
        long all = 0;
        for (var g : gold.entrySet()) {
            all += g.getValue().size();
            found += g.getValue().stream().filter(ranked.getOrDefault(g.getKey(), List.of())::contains).count();
        }
        return found / (double) Math.max(1, all);
    }

    private static Map<String, Set<String>> above(Map<String, List<CaseCoder.RankedCode>> scores, double threshold) {
        Map<String, Set<String>> result = new LinkedHashMap<>();
        scores.forEach((id, ranked) -> {
            Set<String> chosen = new LinkedHashSet<>();
            ranked.stream().filter(r -> r.evidenced() && r.score() >= threshold).forEach(r -> chosen.add(r.code()));
            result.put(id, chosen);
        });
        return result;
    }

    private Set<String> chosen(List<CaseCoder.RankedCode> ranked) {
        Set<String> result = new LinkedHashSet<>();
        ranked.stream().filter(r -> r.evidenced() && r.score() >= coder.threshold()).forEach(r -> result.add(r.code()));
        return result;
    }

    private static String percentiles(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "not measured";
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms", sorted[sorted.length / 2] / 1e6,
                sorted[sorted.length * 9 / 10] / 1e6, sorted[sorted.length * 99 / 100] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
