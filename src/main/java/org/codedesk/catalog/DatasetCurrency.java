package org.codedesk.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * Implemented by each module that imports official datasets (catalog, edits, coverage): the {@link Currency} of each
 * of its datasets on a date, so the home page and the import page can list what is in force and what is missing.
 */
public interface DatasetCurrency {

    List<Currency> currency(LocalDate date);
}
