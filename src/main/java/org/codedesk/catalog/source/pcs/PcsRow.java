package org.codedesk.catalog.source.pcs;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One row of a PCS table: the values allowed for characters 4 to 7. Any combination of one value per axis,
 * appended to the table's three-character prefix, is a valid code.
 *
 * @param number 1-based position of the row within its table
 * @param axes   axes for positions 4, 5, 6 and 7, in that order
 */
public record PcsRow(int number, List<PcsAxis> axes) {

    public PcsRow {
        axes = List.copyOf(axes);
    }

    /** Number of codes the row expands to: the product of its axes' value counts. */
    public long codeCount() {
        long count = 1;
        for (PcsAxis axis : axes) {
            count *= axis.labels().size();
        }
        return count;
    }

    /** Expands the row into its 7-character codes, in table order, behind {@code tablePrefix} (e.g. "001"). */
    public Stream<String> codes(String tablePrefix) {
        Stream<String> codes = Stream.of(tablePrefix);
        for (PcsAxis axis : axes) {
            // Each axis multiplies the partial codes built so far by its values; lazy, so no big lists in memory.
            codes = codes.flatMap(partial -> axis.labels().stream().map(label -> partial + label.code()));
        }
        return codes;
    }

    /** True when characters 4 to 7 of the 7-character {@code code} are all allowed by this row. */
    public boolean allows(String code) {
        return labelsOf(code).isPresent();
    }

    /** The labels of characters 4 to 7 of {@code code}, or empty when this row does not allow it. */
    Optional<List<PcsLabel>> labelsOf(String code) {
        if (code == null || code.length() != 3 + axes.size()) {
            return Optional.empty();
        }
        PcsLabel[] labels = new PcsLabel[axes.size()];
        for (int i = 0; i < axes.size(); i++) {
            Optional<PcsLabel> label = axes.get(i).label(code.charAt(3 + i));
            if (label.isEmpty()) {
                return Optional.empty();
            }
            labels[i] = label.get();
        }
        return Optional.of(List.of(labels));
    }
}
