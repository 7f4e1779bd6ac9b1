package org.codedesk.casecoding.learning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A coded corpus in the CodiEsp layout (one split folder): {@code <split>D.tsv} and {@code <split>P.tsv} (document
 * id, code), {@code <split>X.tsv} (document id, label, code, evidence text, character offsets in the original
 * text), the original texts in {@code text_files/} and their English translations in {@code text_files_en/}.
 * Codes are returned as the classification prints them ("N44.8", "BW03ZZZ"; a PCS code may be cut to four
 * characters when the case did not settle the rest).
 */
public record TrainingCorpus(String name, List<Document> documents) {

    /** A code's evidence: its words in the original language, and where they start (0..1 of the original text's length). */
    public record Evidence(String code, boolean procedure, double position, String words) { }

    public record Document(String id, String english, Set<String> diagnoses, Set<String> procedures, List<Evidence> evidence) { }

    /** Reads a split folder ("train", "dev"); documents without an English text are left out. */
    public static TrainingCorpus read(Path split) {
        String name = split.getFileName().toString();
        Map<String, Set<String>> diagnoses = codes(split.resolve(name + "D.tsv"));
        Map<String, Set<String>> procedures = codes(split.resolve(name + "P.tsv"));
        Map<String, List<String[]>> evidence = new LinkedHashMap<>();
        for (String[] row : rows(split.resolve(name + "X.tsv"))) {
            if (row.length >= 5) {
                evidence.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row);
            }
        }
        List<Document> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(split.resolve("text_files_en"))) {
            for (Path file : files.sorted().toList()) {
                String id = file.getFileName().toString().replaceFirst("\\.txt$", "");
                String english = Files.readString(file, StandardCharsets.UTF_8);
                Path original = split.resolve("text_files").resolve(file.getFileName());
                int originalLength = Files.exists(original) ? Files.readString(original, StandardCharsets.UTF_8).length() : 0;
                List<Evidence> spans = new ArrayList<>();
                for (String[] row : evidence.getOrDefault(id, List.of())) {
                    int start = Integer.parseInt(row[4].trim().split("[ ;]")[0]);
                    if (originalLength > 0) {
                        spans.add(new Evidence(normalise(row[2]), row[1].startsWith("PROC"), Math.min(1.0, start / (double) originalLength), row[3]));
                    }
                }
                documents.add(new Document(id, english, diagnoses.getOrDefault(id, Set.of()), procedures.getOrDefault(id, Set.of()), spans));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TrainingCorpus(name, List.copyOf(documents));
    }

    /** "n44.8" to "N44.8", "bw03zzz" to "BW03ZZZ". */
    public static String normalise(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }

    private static Map<String, Set<String>> codes(Path file) {
        Map<String, Set<String>> result = new LinkedHashMap<>();
        for (String[] row : rows(file)) {
            if (row.length >= 2) {
                result.computeIfAbsent(row[0], k -> new LinkedHashSet<>()).add(normalise(row[1]));
            }
        }
        return result;
    }

    private static List<String[]> rows(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank()).map(l -> l.split("\t")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
