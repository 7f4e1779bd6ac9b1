package org.codedesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.ImportReport;
import org.codedesk.catalog.importing.CatalogImporter;
import org.codedesk.edits.Edits;
import org.codedesk.edits.Modifiers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test (surefire does not pick it up by name): the assistant evaluation of issues 6 and 20. Imports the official
 * data once; with {@code -Deval.generate=true} first writes the dev and test question sets from it
 * ({@link QuestionSetGenerator}); then asks every question of each set offline (the old set {@code
 * eval/assistant-questions.tsv} as a regression set, {@code eval/assistant-dev.tsv}, {@code eval/assistant-test.tsv}, and the coder-phrased
 * {@code eval/assistant-coder-dev.tsv} and {@code eval/assistant-coder-test.tsv} written by hand) on its
 * date of service, or without one (today) when its date is empty, and prints per set the share answered correctly (every
 * "must" fragment present, no "must_not" one) per topic, with and without a date, overall, the share of answers with an
 * unverified code, and the answer latency (p50, p99). Misses: target/assistant-eval-misses-{set}.txt.
 * Run: {@code CODEDESK_DATA_DIR=../shared/data bench/assistant-eval.sh [--generate]}.
 */
@SpringBootTest(properties = "codedesk.home=target/eval-data")
class AssistantEvaluation {

    @Autowired CatalogImporter importer;
    @Autowired Assistant assistant;
    @Autowired JdbcTemplate jdbc;
    @Autowired Catalog catalog;
    @Autowired Edits edits;
    @Autowired Modifiers modifiers;
    @Autowired org.codedesk.search.SearchIndexes searchIndexes;

    /** A question; {@code date} null when asked without a date of service. */
    record Item(String id, String topic, LocalDate date, String question, List<String> must, List<String> mustNot) { }

    @Test
    void evaluate() throws IOException {
        String dir = System.getenv("CODEDESK_DATA_DIR");
        assumeTrue(dir != null, "CODEDESK_DATA_DIR not set");
        ImportReport report = importer.importPaths(List.of(Path.of(dir)));
        assertThat(report.failed()).as(report.outcomes().toString()).isFalse();
        // today's search index, built before the first question: a question without a date asked while it is still being
        // built is answered "the search index is being built", which measures the start-up, not the answers
        searchIndexes.rebuild();
        if (Boolean.getBoolean("eval.generate")) {
            QuestionSetGenerator generator = new QuestionSetGenerator(jdbc, catalog, edits, modifiers, LocalDate.now());
            List<QuestionSetGenerator.Question> questions = generator.generate();
            generator.write(Path.of("eval/assistant-dev.tsv"), Path.of("eval/assistant-test.tsv"));
            System.out.printf("EVAL generated %d questions; skipped: %s%n", questions.size(), generator.skipped());
        }
        // the regression set, the generated dev/test sets, and the hand-written coder-phrased dev/test sets (tune on dev only)
        String files = System.getProperty("eval.files", "eval/assistant-questions.tsv,eval/assistant-dev.tsv,eval/assistant-test.tsv,"
                + "eval/assistant-coder-dev.tsv,eval/assistant-coder-test.tsv");
        for (String file : files.split(",")) {
            if (Files.exists(Path.of(file))) {
                evaluate(Path.of(file));
            }
        }
    }

    private void evaluate(Path file) throws IOException {
        String set = file.getFileName().toString().replace(".tsv", "");
        List<Item> items = read(file);
        Map<String, int[]> byTopic = new TreeMap<>();
        int[] dated = new int[2];
        int[] undated = new int[2];
        List<String> misses = new ArrayList<>();
        long[] nanos = new long[items.size()];
        int unverified = 0;
        int correct = 0;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            long start = System.nanoTime();
            Answer answer = assistant.answer(item.question(), item.date());
            nanos[i] = System.nanoTime() - start;
            String text = (answer.text() + "\n" + String.join("\n", answer.missing()) + "\n" + String.join("\n", answer.notices()))
                    .toLowerCase(Locale.ROOT);
            List<String> absent = item.must().stream().filter(f -> !text.contains(f.toLowerCase(Locale.ROOT))).toList();
            List<String> wrong = item.mustNot().stream().filter(f -> text.contains(f.toLowerCase(Locale.ROOT))).toList();
            boolean ok = absent.isEmpty() && wrong.isEmpty();
            int[] counts = byTopic.computeIfAbsent(item.topic(), t -> new int[2]);
            int[] when = item.date() == null ? undated : dated;
            counts[1]++;
            when[1]++;
            if (ok) {
                counts[0]++;
                when[0]++;
                correct++;
            } else {
                misses.add(item.id() + " [" + item.topic() + "] " + item.question() + " (" + (item.date() == null ? "no date" : item.date())
                        + ", understood as " + answer.intent() + ")\n  missing: " + absent + "\n  wrong: " + wrong + "\n  answer: "
                        + text.replace("\n", " / "));
            }
            if (!answer.unverified().isEmpty()) {
                unverified++;
                misses.add(item.id() + " unverified codes " + answer.unverified() + " in the answer to: " + item.question());
            }
        }
        Files.write(Path.of("target/assistant-eval-misses-" + set + ".txt"), misses, StandardCharsets.UTF_8);
        Arrays.sort(nanos);
        System.out.printf("EVAL == %s ==%n", set);
        byTopic.forEach((topic, c) -> System.out.printf("EVAL %-16s %3d/%3d = %.3f%n", topic, c[0], c[1], c[0] / (double) c[1]));
        System.out.printf("EVAL with a date    %3d/%3d = %.3f; without a date %3d/%3d = %.3f%n", dated[0], dated[1],
                dated[1] == 0 ? 0 : dated[0] / (double) dated[1], undated[0], undated[1], undated[1] == 0 ? 0 : undated[0] / (double) undated[1]);
        System.out.printf("EVAL overall %s    %3d/%3d = %.3f; answers with an unverified code: %d (%.3f); latency p50 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms%n", set, correct, items.size(), correct / (double) items.size(), unverified, unverified / (double) items.size(),
                nanos[nanos.length / 2] / 1e6, nanos[Math.min(nanos.length - 1, (int) Math.ceil(nanos.length * 0.99) - 1)] / 1e6,
                nanos[nanos.length - 1] / 1e6);
    }

    static List<Item> read(Path file) throws IOException {
        List<Item> items = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            items.add(new Item(f[0], f[1], f[2].isBlank() ? null : LocalDate.parse(f[2]), f[3], split(f[4]), split(f[5])));
        }
        return items;
    }

    private static List<String> split(String field) {
        return Arrays.stream(field.split("\\s\\|\\s")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
