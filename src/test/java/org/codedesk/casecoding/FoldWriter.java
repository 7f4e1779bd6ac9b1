package org.codedesk.casecoding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Writes part of a CodiEsp split folder as a split of its own (same layout, the folder's name as the split name):
 * the rows of the D, P and X files whose document the filter keeps, and links to those documents' texts. Used by the
 * cross-validation of {@link CaseToCodeBenchmark}, whose coder reads a corpus from a folder.
 */
final class FoldWriter {

    private FoldWriter() { }

    static Path write(Path split, Path target, Predicate<String> keep) {
        String from = split.getFileName().toString();
        String to = target.getFileName().toString();
        try {
            if (Files.exists(target)) {
                try (Stream<Path> old = Files.walk(target)) {
                    for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(target);
            for (String kind : List.of("D", "P", "X")) {
                List<String> rows = Files.readAllLines(split.resolve(from + kind + ".tsv"), StandardCharsets.UTF_8).stream()
                        .filter(line -> keep.test(line.split("\t", 2)[0])).toList();
                Files.write(target.resolve(to + kind + ".tsv"), rows, StandardCharsets.UTF_8);
            }
            for (String texts : List.of("text_files", "text_files_en")) {
                Files.createDirectories(target.resolve(texts));
                try (Stream<Path> files = Files.list(split.resolve(texts))) {
                    for (Path file : files.toList()) {
                        if (keep.test(file.getFileName().toString().replaceFirst("\\.txt$", ""))) {
                            Files.createSymbolicLink(target.resolve(texts).resolve(file.getFileName()), file.toAbsolutePath());
                        }
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
