package org.codedesk.catalog;

import java.util.List;

/**
 * Everything a search index needs about one code of a release: its titles, where it sits, the inclusion terms
 * of the tabular, and every index or table entry that leads to it. Index entries from an older index are
 * already mapped forward to codes of this release ({@link IndexPath#viaCode} says from which code).
 */
public record SearchDocument(
        CodeSystem system,
        String key,
        String code,
        String kind,
        boolean billable,
        String title,
        String shortTitle,
        String chapter,
        String section,
        List<String> inclusionTerms,
        List<IndexPath> indexPaths) {

    /**
     * One path of an index ("Pneumonia > aspiration"), the nonessential modifiers along it ("(mellitus) (sugar)"),
     * the index it is from ("Alphabetic Index", "Table of
     * Drugs and Chemicals"...), the table column for drug and neoplasm tables, and the code the index printed
     * when it differs from this one (the code was expanded or replaced since that index, or the index printed its
     * header with a dash, "H66.9-", and this code completes it: {@link #completes()}).
     */
    public record IndexPath(String index, String path, String modifiers, String column, String viaCode, String release) {

        /** Whether the index printed a header with a dash ("H66.9-") and this path was given to a complete code below it. */
        public boolean completes() {
            return viaCode != null && viaCode.endsWith("-");
        }
    }
}
