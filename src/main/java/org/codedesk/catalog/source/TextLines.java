package org.codedesk.catalog.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;

/** Reads an official text file line by line with 1-based line numbers, so every error can name its line. */
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

    public static void read(InputStream in, Charset charset, Handler handler) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset))) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                handler.line(++number, line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
