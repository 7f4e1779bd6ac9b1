package org.codedesk.edits.importing;

import java.time.LocalDate;

import org.codedesk.catalog.ImportFile;
import org.codedesk.edits.Dataset;

/** An official edits file recognised by its name: the dataset and release (version, first day in force) it belongs to. */
record EditsFile(Dataset dataset, String version, LocalDate effectiveFrom, ImportFile file) {

    /** An OPPSCAP file whose year neither its name, nor its zip or folder, nor a PPRRVU file beside it tells. */
    boolean undated() {
        return version == null;
    }

    String extension() {
        String name = file.name();
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
    }

    record Key(Dataset dataset, String version, LocalDate effectiveFrom) {

        String label() {
            return dataset.title() + ", " + version;
        }
    }

    Key key() {
        return new Key(dataset, version, effectiveFrom);
    }
}
