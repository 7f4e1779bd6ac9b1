package org.codedesk.catalog.source.pcs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** The content of one ICD-10-PCS tables file: its version (the fiscal year, e.g. "2026") and its tables. */
public record PcsTables(String version, List<PcsTable> tables) {

    public PcsTables {
        Objects.requireNonNull(version, "version");
        tables = List.copyOf(tables);
    }

    /** Every valid code of the release, table after table. */
    public Stream<String> codes() {
        return tables.stream().flatMap(PcsTable::codes);
    }

    /** Number of valid codes in the release. */
    public long codeCount() {
        return tables.stream().mapToLong(PcsTable::codeCount).sum();
    }

    /** The table whose prefix is the first three characters of {@code code} (a table code or a full code). */
    public Optional<PcsTable> table(String code) {
        if (code == null || code.length() < 3) {
            return Optional.empty();
        }
        String prefix = code.substring(0, 3);
        return tables.stream().filter(table -> table.code().equals(prefix)).findFirst();
    }

    /** The meaning of each character of a 7-character code, or empty when the code is not valid. */
    public Optional<List<PcsCharacter>> describe(String code) {
        return table(code).flatMap(table -> table.describe(code));
    }
}
