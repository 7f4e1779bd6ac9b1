package org.codedesk.catalog;

import java.io.InputStream;

/**
 * A file found by an import (a plain file or a zip member) that the catalog hands to another module's
 * {@link ImportParticipant}. Opened on demand; the caller closes the stream.
 */
public interface ImportFile {

    /** The file's own name, without folders ("MCR_MUE_PractitionerServices_Eff_04-01-2026.csv"). */
    String name();

    /** Where it was found, for messages: a path, or "archive.zip!member". */
    String origin();

    String sha256();

    long size();

    InputStream open();
}
