package org.codedesk.catalog.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;

import org.codedesk.catalog.BoundedLineReader;

/**
 * Reads an official text file line by line with 1-based line numbers, so every error can name its line. A line longer
 * than {@link BoundedLineReader#MAX_LINE} characters is a {@link SourceFormatException} (file and line), never a
 * string as long as the file.
 */
public final class TextLines {

    /** CDC and CMS text files are ASCII with the odd Windows-1252 character (curly quotes, the section sign). */
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Receives each line and its number. */
    @FunctionalInterface
    public interface Handler {
        void line(long number, String text);
    }

    private TextLines() {
    }

    /** Reads every line of {@code in}; {@code fileName} names the file in errors. Closes the stream. */
    public static void read(String fileName, InputStream in, Charset charset, Handler handler) {
        try (Reader reader = new InputStreamReader(in, charset)) {
            BoundedLineReader lines = reader(fileName, reader);
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                handler.line(lines.lineNumber(), line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of {@code reader} bounded at {@link BoundedLineReader#MAX_LINE}, a longer one a SourceFormatException naming the file. */
    public static BoundedLineReader reader(String fileName, Reader reader) {
        return new BoundedLineReader(reader, BoundedLineReader.MAX_LINE, (line, reason) -> new SourceFormatException(fileName, line, reason));
    }
}
