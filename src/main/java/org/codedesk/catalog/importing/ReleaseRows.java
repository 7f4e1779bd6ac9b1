package org.codedesk.catalog.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import org.codedesk.catalog.source.SourceFormatException;

/** Derivations shared by the assemblers of every code system. */
final class ReleaseRows {

    private ReleaseRows() {
    }

    /**
     * Sets each code's parent to the longest proper prefix that is itself a code of the release (how the
     * ICD-10 and PCS hierarchies read from an order file), and each top-level code's heading when known.
     */
    static void linkParents(List<ReleaseContent.CodeRow> codes, Map<String, String> headingOfTopCode) {
        Set<String> keys = new HashSet<>();
        codes.forEach(c -> keys.add(c.code()));
        codes.replaceAll(c -> {
            String parent = null;
            for (int length = c.code().length() - 1; length >= 1 && parent == null; length--) {
                String prefix = c.code().substring(0, length);
                if (keys.contains(prefix)) {
                    parent = prefix;
                }
            }
            String heading = parent == null ? headingOfTopCode.get(c.displayCode()) : null;
            return new ReleaseContent.CodeRow(c.code(), c.displayCode(), c.kind(), c.billable(), c.shortDesc(), c.longDesc(),
                    parent, heading, c.sortOrder(), c.placeholder());
        });
    }

    /** Adds {@code n} records read from a file of {@code role} to the release's counts. */
    static void count(ReleaseContent content, FileRole role, int n) {
        content.recordCounts.merge(role.name(), n, Integer::sum);
    }

    /** Parses one recognised file with {@code parser}, closing it afterwards. */
    static <T> T read(RecognizedFile file, BiFunction<String, InputStream, T> parser) {
        try (InputStream in = file.file().open()) {
            return parser.apply(file.file().name(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.file().origin(), e);
        }
    }

    /**
     * Parses a file the release can do without (addenda, conversion tables): a file that breaks its format is
     * left out and recorded in the release's report instead of rejecting the code file with it.
     */
    static <T> Optional<T> readOptional(ReleaseContent content, RecognizedFile file, BiFunction<String, InputStream, T> parser) {
        try {
            return Optional.of(read(file, parser));
        } catch (SourceFormatException e) {
            content.skipped.add(file.file().origin() + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.reason());
            return Optional.empty();
        }
    }
}
