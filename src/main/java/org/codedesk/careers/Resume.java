package org.codedesk.careers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks a résumé by its content, not its name: a PDF starts with "%PDF-"; a Word (DOCX) file is a zip holding
 * word/document.xml. At most {@value #MAX_BYTES} bytes.
 */
final class Resume {

    static final int MAX_BYTES = 5 * 1024 * 1024;

    private Resume() { }

    /** The content type the bytes really are, or empty (with the reason thrown) when they are neither PDF nor DOCX. */
    static String typeOf(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("Attach your résumé (PDF or Word .docx).");
        }
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException(Applications.RESUME_TOO_LARGE);
        }
        if (bytes.length > 5 && new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")) {
            return "application/pdf";
        }
        if (isDocx(bytes).orElse(false)) {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        throw new IllegalArgumentException("The résumé must be a PDF or a Word (.docx) file; this file is neither, whatever its name says.");
    }

    private static Optional<Boolean> isDocx(byte[] bytes) {
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            return Optional.of(false);
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("word/document.xml")) {
                    return Optional.of(true);
                }
            }
            return Optional.of(false);
        } catch (IOException e) {
            return Optional.of(false);
        }
    }
}
