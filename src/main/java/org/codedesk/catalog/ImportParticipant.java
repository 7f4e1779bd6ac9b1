package org.codedesk.catalog;

import java.util.List;

/**
 * Another module's importer for official files the catalog does not read itself (NCCI edits, MUE, fee
 * schedule, GEMs...). One {@code import} (command line, admin page, first start) scans the operator's
 * folders once: files the catalog does not recognise are offered here, and each participant imports the
 * ones it recognises after the code sets. Lets those modules depend on the catalog, never the reverse.
 */
public interface ImportParticipant {

    /** Whether this participant reads the file; decided from its name (cheap, no parsing). */
    boolean recognizes(ImportFile file);

    /** Imports the recognised files (never empty); one outcome per release, in words an operator can act on. */
    List<ImportReport.Outcome> importFiles(List<ImportFile> files);
}
