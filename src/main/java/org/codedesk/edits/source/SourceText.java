package org.codedesk.edits.source;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.codedesk.catalog.BoundedLineReader;

/**
 * Opens an official text file as characters. CMS files are Windows-1252 (they carry 0x92 apostrophes and 0xA9/0xAE
 * signs in their notices); a file that starts with a UTF-8 byte order mark was re-saved as UTF-8 (Excel's "CSV
 * UTF-8"), so it is decoded as UTF-8 without the mark. The stream is not closed here: the caller owns it.
 */
final class SourceText {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private SourceText() {
    }

    /** The file's lines, each at most {@link BoundedLineReader#MAX_LINE} characters (a longer one is an EditsFileException). */
    static BoundedLineReader lines(InputStream in, String origin) {
        return new BoundedLineReader(reader(in), BoundedLineReader.MAX_LINE, (line, reason) -> new EditsFileException(origin, line, reason));
    }

    static BufferedReader reader(InputStream in) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(in);
            buffered.mark(3);
            byte[] head = buffered.readNBytes(3);
            boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                    && (head[2] & 0xFF) == 0xBF;
            if (!bom) {
                buffered.reset();
            }
            return new BufferedReader(new InputStreamReader(buffered, bom ? StandardCharsets.UTF_8 : WINDOWS_1252),
                    1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
