package org.codedesk.edits;

import java.util.HashMap;
import java.util.Map;

/**
 * The meaning in words of every coded indicator the edits module shows (PFS status, global days, PC/TC,
 * surgery indicators, MUE adjudication, add-on edit type, GEM flags), read from {@code edits/indicators.tsv}.
 * Immutable after construction; thread-safe.
 */
final class Indicators {

    private final Map<String, String> meanings = new HashMap<>();

    Indicators() {
        for (String[] f : ReferenceTable.rows("indicators.tsv")) {
            meanings.put(f[0].trim() + "|" + f[1].trim(), f[2].trim());
        }
    }

    /** The value and its meaning; an unknown value says so rather than guessing. */
    Indicator of(String field, String value) {
        String v = value == null ? "" : value.trim();
        String words = meanings.get(field + "|" + v);
        return new Indicator(v, words != null ? words : v.isEmpty() ? "not given in the file" : "value " + v + " (no meaning on file for it)");
    }

    String words(String field, String value) {
        return of(field, value).words();
    }
}
