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

    /**
     * What identifies a set of files for "has this release changed?": the SHA-256 of their sorted SHA-256s, so the same
     * files found in another order or folder give the same fingerprint.
     */
    static String fingerprint(java.util.Collection<? extends ImportFile> files) {
        String joined = String.join("\n", files.stream().map(ImportFile::sha256).sorted().toList());
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(joined.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
