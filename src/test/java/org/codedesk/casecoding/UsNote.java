package org.codedesk.casecoding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One note of the US evaluation set (eval/us-notes): setting, date of service, gold diagnoses (principal first) and
 * procedures, and the text. The file holds {@code # key: value} lines, a line {@code ---}, then the note.
 */
record UsNote(String name, EncounterSetting setting, LocalDate date, List<String> diagnoses, List<String> procedures, String text) {

    static List<UsNote> readSplit(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".txt")).sorted().map(UsNote::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static UsNote read(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int separator = content.indexOf("\n---\n");
        if (separator < 0) {
            throw new IllegalArgumentException(file + ": no '---' line between the header and the note");
        }
        Map<String, String> header = new HashMap<>();
        for (String line : content.substring(0, separator).split("\n")) {
            if (line.startsWith("#") && line.indexOf(':') > 0) {
                header.put(line.substring(1, line.indexOf(':')).trim(), line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return new UsNote(file.getFileName().toString(), EncounterSetting.parse(header.get("setting")),
                LocalDate.parse(header.getOrDefault("date", "2026-01-15")), codes(header.get("diagnoses")), codes(header.get("procedures")),
                content.substring(separator + 5));
    }

    private static List<String> codes(String value) {
        return value == null || value.isBlank() ? List.of() : new ArrayList<>(Arrays.asList(value.trim().split("[\\s,]+")));
    }
}
