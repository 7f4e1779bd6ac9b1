package org.codedesk.casecoding.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.codedesk.casecoding.CaseCoder;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reads an uploaded note: plain text only, checked by content (valid UTF-8, no control bytes such as a PDF or a
 * Word file has), not by the file's name, and at most {@link CaseCoder#MAX_TEXT} characters.
 */
final class UploadedNote {

    /** Also the answer to an upload over the site's limit, which never reaches {@link #read}. */
    static final String TOO_LARGE = "The file is too large: a note is at most " + String.format("%,d", CaseCoder.MAX_TEXT) + " characters.";

    private UploadedNote() { }

    /** The file's text; empty when no file was chosen. Throws IllegalArgumentException with a message for the user. */
    static Optional<String> read(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return Optional.empty();
        }
        if (file.getSize() > CaseCoder.MAX_TEXT * 4L) {
            throw new IllegalArgumentException(TOO_LARGE);
        }
        try {
            byte[] bytes = file.getBytes();
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
                throw new IllegalArgumentException("The file is not plain text: upload a .txt file (save a Word or PDF note as text first).");
            }
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("The file is not plain text in UTF-8: upload a .txt file (save a Word or PDF note as text first).");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
