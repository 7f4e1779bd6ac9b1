package org.codedesk.web;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.ImportProgress;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the catalog's state on every page: one sentence on how to import when empty, progress while importing. */
@ControllerAdvice
class CatalogNoticeAdvice {

    static final String EMPTY_NOTICE = "The catalog is empty: import the official code-set files with"
            + " \"java -jar codedesk.jar import <folder>\" (see docs/data-import.md).";

    private final Catalog catalog;
    private final ImportProgress progress;

    CatalogNoticeAdvice(Catalog catalog, ImportProgress progress) {
        this.catalog = catalog;
        this.progress = progress;
    }

    @ModelAttribute("catalogNotice")
    String catalogNotice() {
        ImportProgress.Snapshot snapshot = progress.snapshot();
        if (snapshot.running()) {
            return snapshot.activity() + (snapshot.total() > 0 ? " (" + snapshot.done() + " of " + snapshot.total() + " releases done)" : "")
                    + ". The service keeps serving while it runs.";
        }
        return catalog.isEmpty() ? EMPTY_NOTICE : null;
    }
}
