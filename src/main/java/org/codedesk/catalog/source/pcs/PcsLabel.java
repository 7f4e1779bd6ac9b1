package org.codedesk.catalog.source.pcs;

import java.util.Objects;

/** One value of a PCS axis: the single character used in the code and its official text. */
public record PcsLabel(String code, String text) {

    public PcsLabel {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }
}
