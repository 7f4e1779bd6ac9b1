package org.codedesk.casecoding;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Not a test (surefire does not pick it up by name): case to code on the US notes of eval/us-notes, as a coder uses
 * it. For each split prints the micro precision, recall and F1 of the pre-checked codes (diagnoses and procedures
 * together, then each), the share of notes whose principal (first-listed) diagnosis comes first, the share of notes
 * whose pre-checked ICD-10-PCS codes are exactly the gold ones, and the latency of the full answer per note. Same
 * H2 file and corpus as {@link CaseToCodeBenchmark}. Run: {@code CODEDESK_DATA_DIR=../shared/data bench/us-notes.sh}.
 */
@SpringBootTest
class UsNotesBenchmark {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("codedesk.home", () -> CaseToCodeBenchmark.HOME);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + Path.of(CaseToCodeBenchmark.HOME).toAbsolutePath() + "/codedesk");
        String data = System.getenv("CODEDESK_DATA_DIR");
        boolean corpus = !"none".equals(System.getProperty("corpus"));
        registry.add("codedesk.casecoding.corpus", () -> data == null || !corpus ? "" : Path.of(data, "benchmarks/codiesp/train").toString());
    }

    @Autowired CatalogImporter importer;
    @Autowired Catalog catalog;
    @Autowired CaseCoder coder;

    @Test
    void benchmark() throws IOException {
        String data = System.getenv("CODEDESK_DATA_DIR");
        assumeTrue(data != null, "CODEDESK_DATA_DIR not set");
        if (catalog.isEmpty()) {
            importer.importPaths(List.of(Path.of(data)));
        }
        String splits = System.getProperty("split", "dev,test");
        for (String split : splits.split(",")) {
            // -Donly=d101,d147: a few notes by name prefix, to look at them quickly (the figures are then of those notes only)
            String only = System.getProperty("only", "");
            List<UsNote> notes = UsNote.readSplit(Path.of("eval/us-notes", split)).stream()
                    .filter(n -> only.isBlank() || java.util.Arrays.stream(only.split(",")).anyMatch(o -> n.name().startsWith(o + "-"))).toList();
            for (UsNote note : notes) {
                coder.code(note.text(), note.date(), note.setting());
            }
            score(split, notes);
        }
    }

    private void score(String split, List<UsNote> notes) throws IOException {
        Counts all = new Counts();
        Counts dx = new Counts();
        Counts px = new Counts();
        int principalFirst = 0;
        int pcsExact = 0;
        int pcsNotes = 0;
        int pcsExactWithGold = 0;
        List<Long> nanos = new ArrayList<>();
        List<String> report = new ArrayList<>();
        for (UsNote note : notes) {
            CaseCoding coding = null;
            for (int pass = 0; pass < 3; pass++) {
                long t = System.nanoTime();
                coding = coder.code(note.text(), note.date(), note.setting());
                nanos.add(System.nanoTime() - t);
            }
            List<String> checkedD = coding.diagnoses().stream().filter(CaseCoding.CodeSuggestion::suggested).map(CaseCoding.CodeSuggestion::code).toList();
            List<String> checkedP = coding.procedures().stream().filter(CaseCoding.CodeSuggestion::suggested).map(CaseCoding.CodeSuggestion::code).toList();
            dx.add(checkedD, note.diagnoses());
            px.add(checkedP, note.procedures());
            all.add(checkedD, note.diagnoses());
            all.add(checkedP, note.procedures());
            boolean first = !checkedD.isEmpty() && !note.diagnoses().isEmpty() && checkedD.get(0).equals(note.diagnoses().get(0));
            principalFirst += first ? 1 : 0;
            boolean exact = new LinkedHashSet<>(checkedP).equals(new LinkedHashSet<>(note.procedures()));
            pcsExact += exact ? 1 : 0;
            if (!note.procedures().isEmpty()) {
                pcsNotes++;
                pcsExactWithGold += exact ? 1 : 0;
            }
            report.add("# " + note.name() + " (" + note.setting().slug() + ")" + (first ? "" : "  PRINCIPAL NOT FIRST") + (exact ? "" : "  PCS DIFFERS"));
            report.add("  gold D " + note.diagnoses() + "  P " + note.procedures());
            report.add("  checked D " + checkedD + "  P " + checkedP);
            for (CaseCoding.CodeSuggestion s : coding.diagnoses()) {
                boolean gold = note.diagnoses().contains(s.code());
                if (s.suggested() != gold || gold) {
                    report.add(String.format("   %s %s %-8s %.3f %s%s", s.suggested() ? "[x]" : "[ ]", gold ? "+" : "-", s.code(), s.score(),
                            s.title(), s.suggested() ? "" : "  (" + s.reason() + ")"));
                    if (s.suggested() && !gold) {
                        report.add("        from " + s.paths() + " " + s.evidence().stream().map(CaseCoding.Evidence::text).toList());
                    }
                }
            }
            for (CaseCoding.CodeSuggestion s : coding.procedures()) {
                boolean gold = note.procedures().contains(s.code());
                if (s.suggested() || gold) {
                    report.add(String.format("   %s %s %-8s %.3f %s%s", s.suggested() ? "[x]" : "[ ]", gold ? "+" : "-", s.code(), s.score(),
                            s.title(), s.suggested() ? "" : "  (" + s.reason() + ")"));
                }
            }
            Set<String> found = new LinkedHashSet<>();
            coding.diagnoses().forEach(s -> found.add(s.code()));
            coding.procedures().forEach(s -> found.add(s.code()));
            for (String c : note.diagnoses().stream().filter(c -> !found.contains(c)).toList()) {
                report.add("   missed " + c + " (no candidate)");
                // what the engine had in the same category, and why it did not check it
                coding.diagnoses().stream().filter(s -> s.code().startsWith(c.substring(0, 3))).forEach(s -> report.add("      near " + s.code()
                        + " " + s.title() + (s.suggested() ? "" : "  (" + s.reason() + ")")));
                coding.notCoded().stream().filter(s -> s.code().startsWith(c.substring(0, 3))).forEach(s -> report.add("      not coded " + s.code()
                        + " (" + s.reason() + ")"));
            }
            note.procedures().stream().filter(c -> !found.contains(c)).forEach(c -> report.add("   missed " + c + " (no candidate)"));
        }
        Files.write(Path.of("target/us-notes-" + split + ".txt"), report);
        int n = notes.size();
        System.out.printf("BENCH us-notes %s (%d notes): %s%n", split, n, coder.method(notes.get(0).date(), notes.get(0).setting()));
        System.out.printf("BENCH pre-checked codes: P %.3f  R %.3f  F1 %.3f  (tp %d, checked %d, gold %d)%n", all.precision(), all.recall(), all.f1(),
                all.tp, all.checked, all.gold);
        System.out.printf("BENCH   diagnoses: P %.3f  R %.3f  F1 %.3f | procedures: P %.3f  R %.3f  F1 %.3f%n", dx.precision(), dx.recall(), dx.f1(),
                px.precision(), px.recall(), px.f1());
        System.out.printf("BENCH principal diagnosis first: %.3f (%d of %d)%n", principalFirst / (double) n, principalFirst, n);
        System.out.printf("BENCH PCS exact match: %.3f of all notes (%d of %d); %.3f of notes with procedures (%d of %d)%n", pcsExact / (double) n,
                pcsExact, n, pcsExactWithGold / (double) Math.max(1, pcsNotes), pcsExactWithGold, pcsNotes);
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("BENCH latency per note (full answer, warm, %d calls): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", sorted.length,
                sorted[sorted.length / 2] / 1e6, sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    /** Micro counts of pre-checked against gold codes. */
    private static final class Counts {
        int tp;
        int checked;
        int gold;

        void add(List<String> chosen, List<String> goldCodes) {
            Set<String> c = new LinkedHashSet<>(chosen);
            Set<String> g = new LinkedHashSet<>(goldCodes);
            checked += c.size();
            gold += g.size();
            tp += (int) c.stream().filter(g::contains).count();
        }

        double precision() {
            return checked == 0 ? 0 : tp / (double) checked;
        }

        double recall() {
            return gold == 0 ? 0 : tp / (double) gold;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }
}
