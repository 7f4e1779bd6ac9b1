package org.codedesk.web;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.ImportProgress;
import org.springframework.stereotype.Component;

/**
 * The catalog's state in one sentence for the top of every page (the layout reads it as {@code @catalogNotice},
 * so error pages carry it too): how to import when empty, progress while importing, nothing otherwise.
 */
@Component("catalogNotice")
public class CatalogNotice {

    static final String EMPTY = "The catalog is empty: import the official code-set files with"
            + " \"java -jar codedesk.jar import <folder>\" (see docs/data-import.md).";

    private final Catalog catalog;
    private final ImportProgress progress;

    CatalogNotice(Catalog catalog, ImportProgress progress) {
        this.catalog = catalog;
        this.progress = progress;
    }

    /** The sentence to show, or null when the catalog is ready and idle. */
    public String text() {
        ImportProgress.Snapshot snapshot = progress.snapshot();
        if (snapshot.running()) {
            return snapshot.activity() + (snapshot.total() > 0 ? " (" + snapshot.done() + " of " + snapshot.total() + " releases done)" : "")
                    + ". The service keeps serving while it runs.";
        }
        return catalog.isEmpty() ? EMPTY : null;
    }
}
