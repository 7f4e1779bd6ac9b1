package org.codedesk.catalog.source.icd10cm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A parsed ICD-10-CM index file: its kind, the version and title from the file, the column headings of a
 * drug/neoplasm table (index 0 = column 1; empty for the plain indexes) and every term in document order,
 * where {@code terms().get(id - 1)} is the term with that id.
 */
public record IndexFile(IndexKind kind, String version, String title, List<String> headings,
                        List<IndexTerm> terms) {

    public static final String PATH_SEPARATOR = " > ";

    public IndexFile {
        headings = List.copyOf(headings);
        terms = List.copyOf(terms);
    }

    public IndexTerm term(int id) {
        return terms.get(id - 1);
    }

    /** The titles from the main term down to this term, e.g. "Pneumonia > aspiration". */
    public String path(IndexTerm term) {
        List<String> titles = new ArrayList<>();
        for (IndexTerm t = term; t != null; t = t.parentId() == 0 ? null : term(t.parentId())) {
            titles.add(t.title());
        }
        Collections.reverse(titles);
        return String.join(PATH_SEPARATOR, titles);
    }

    /** First term whose {@link #path} equals the given one (the index may repeat a path). */
    public Optional<IndexTerm> findByPath(String path) {
        return terms.stream().filter(t -> path(t).equals(path)).findFirst();
    }

    public List<IndexTerm> children(IndexTerm parent) {
        return terms.stream().filter(t -> t.parentId() == parent.id()).toList();
    }
}
