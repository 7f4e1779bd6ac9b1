package org.codedesk.catalog.source.pcs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One ICD-10-PCS table: the first three characters (section, body system, operation) fixed by its header, and
 * rows giving the allowed characters 4 to 7.
 *
 * @param code                3-character prefix shared by every code of the table, e.g. "001"
 * @param header              axes for positions 1, 2 and 3, one value each
 * @param operationDefinition definition of the third character's value, or null when the file gives none
 * @param rows                rows in file order
 */
public record PcsTable(String code, List<PcsAxis> header, String operationDefinition, List<PcsRow> rows) {

    public PcsTable {
        Objects.requireNonNull(code, "code");
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** All valid codes of the table, row after row. */
    public Stream<String> codes() {
        return rows.stream().flatMap(row -> row.codes(code));
    }

    /** Number of valid codes in the table. */
    public long codeCount() {
        return rows.stream().mapToLong(PcsRow::codeCount).sum();
    }

    /** The row that allows {@code code}, or empty when the code is not in this table. */
    public Optional<PcsRow> rowOf(String code) {
        if (!belongs(code)) {
            return Optional.empty();
        }
        return rows.stream().filter(row -> row.allows(code)).findFirst();
    }

    /**
     * The meaning of each of the 7 characters of {@code code}: axis title and value text from the header for
     * 1-3 and from the code's row for 4-7. Empty when the code is not valid in this table.
     */
    public Optional<List<PcsCharacter>> describe(String code) {
        if (!belongs(code)) {
            return Optional.empty();
        }
        for (PcsRow row : rows) {
            Optional<List<PcsLabel>> labels = row.labelsOf(code);
            if (labels.isPresent()) {
                List<PcsCharacter> meaning = new ArrayList<>(7);
                for (PcsAxis axis : header) {
                    PcsLabel label = axis.labels().get(0);
                    meaning.add(new PcsCharacter(axis.position(), axis.title(), label.code(), label.text()));
                }
                for (int i = 0; i < row.axes().size(); i++) {
                    PcsAxis axis = row.axes().get(i);
                    PcsLabel label = labels.get().get(i);
                    meaning.add(new PcsCharacter(axis.position(), axis.title(), label.code(), label.text()));
                }
                return Optional.of(List.copyOf(meaning));
            }
        }
        return Optional.empty();
    }

    private boolean belongs(String code) {
        return code != null && code.length() == 7 && code.startsWith(this.code);
    }
}
