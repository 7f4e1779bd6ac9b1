package org.codedesk.catalog.source.pcs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One character position (1..7) of a PCS table or row: the axis title (Section, Body Part, Approach...) and the
 * values allowed there.
 */
public record PcsAxis(int position, String title, List<PcsLabel> labels) {

    public PcsAxis {
        Objects.requireNonNull(title, "title");
        labels = List.copyOf(labels);
    }

    /** The value whose code is {@code code}, if this axis allows it. */
    public Optional<PcsLabel> label(char code) {
        for (PcsLabel label : labels) {
            if (label.code().charAt(0) == code) {
                return Optional.of(label);
            }
        }
        return Optional.empty();
    }
}
