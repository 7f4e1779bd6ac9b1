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

import org.codedesk.catalog.ImportReport;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Not a test (surefire does not pick it up by name): the assistant evaluation of issue 6. Imports the official
 * data, asks every question of {@code eval/assistant-questions.tsv} offline on its date of service, and prints
 * the share answered correctly (every "must" fragment present, no "must_not" one) per topic and overall, the
 * share of answers with an unverified code, and the answer latency. Misses go to target/assistant-eval-misses.txt.
 * Run: {@code CODEDESK_DATA_DIR=../shared/data bench/assistant-eval.sh}.
 */
@SpringBootTest(properties = "codedesk.home=target/eval-data")
class AssistantEvaluation {

    @Autowired CatalogImporter importer;
    @Autowired Assistant assistant;

    record Item(String id, String topic, LocalDate date, String question, List<String> must, List<String> mustNot) { }

    @Test
    void evaluate() throws IOException {
        String dir = System.getenv("CODEDESK_DATA_DIR");
        assumeTrue(dir != null, "CODEDESK_DATA_DIR not set");
        ImportReport report = importer.importPaths(List.of(Path.of(dir)));
        assertThat(report.failed()).as(report.outcomes().toString()).isFalse();
        List<Item> items = read(Path.of(System.getProperty("eval.file", "eval/assistant-questions.tsv")));
        Map<String, int[]> byTopic = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        long[] nanos = new long[items.size()];
        int unverified = 0;
        int correct = 0;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            long start = System.nanoTime();
            Answer answer = assistant.answer(item.question(), item.date());
            nanos[i] = System.nanoTime() - start;
            String text = (answer.text() + "\n" + String.join("\n", answer.missing())).toLowerCase(Locale.ROOT);
            List<String> absent = item.must().stream().filter(f -> !text.contains(f.toLowerCase(Locale.ROOT))).toList();
            List<String> wrong = item.mustNot().stream().filter(f -> text.contains(f.toLowerCase(Locale.ROOT))).toList();
            boolean ok = absent.isEmpty() && wrong.isEmpty();
            int[] counts = byTopic.computeIfAbsent(item.topic(), t -> new int[2]);
            counts[1]++;
            if (ok) {
                counts[0]++;
                correct++;
            } else {
                misses.add(item.id() + " [" + item.topic() + "] " + item.question() + " (" + item.date() + ", understood as " + answer.intent()
                        + ")\n  missing: " + absent + "\n  wrong: " + wrong + "\n  answer: " + text.replace("\n", " / "));
            }
            if (!answer.unverified().isEmpty()) {
                unverified++;
                misses.add(item.id() + " unverified codes " + answer.unverified() + " in the answer to: " + item.question());
            }
        }
        Files.write(Path.of("target/assistant-eval-misses.txt"), misses, StandardCharsets.UTF_8);
        Arrays.sort(nanos);
        byTopic.forEach((topic, c) -> System.out.printf("EVAL %-12s %3d/%3d = %.3f%n", topic, c[0], c[1], c[0] / (double) c[1]));
        System.out.printf("EVAL overall      %3d/%3d = %.3f; answers with an unverified code: %d (%.3f); latency p50 %.1f ms, p90 %.1f ms,"
                        + " max %.1f ms (first answers of a date build its search index)%n", correct, items.size(), correct / (double) items.size(),
                unverified, unverified / (double) items.size(), nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 9 / 10] / 1e6,
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
            items.add(new Item(f[0], f[1], LocalDate.parse(f[2]), f[3], split(f[4]), split(f[5])));
        }
        return items;
    }

    private static List<String> split(String field) {
        return Arrays.stream(field.split("\\s\\|\\s")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
