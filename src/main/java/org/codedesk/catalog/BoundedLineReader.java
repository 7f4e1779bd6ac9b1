package org.codedesk.catalog;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Reads an official text file line by line, refusing a line longer than a bound. The published files' lines are short
 * (the longest, an HCPCS record, is a few hundred characters), so a much longer one means a file without line breaks or
 * not text at all; it is refused with its line number as soon as it passes the bound, before it can fill the memory the
 * way {@link java.io.BufferedReader#readLine()} would (a 1 GB file on one line). Lines end at LF, CR LF or CR, as with
 * {@code BufferedReader}. Each module's parsers raise their own exception (naming the file) through {@link FormatError}.
 * Not thread-safe; the reader is not closed here.
 */
public final class BoundedLineReader {

    /** The bound for the line-oriented official files: far above any real line, far below what could hurt the heap. */
    public static final int MAX_LINE = 65_536;

    /** Builds the reading module's own format exception (file, line, reason) for a line that is too long. */
    @FunctionalInterface
    public interface FormatError {
        RuntimeException at(long line, String reason);
    }

    private final Reader reader;
    private final int maxLength;
    private final FormatError error;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;
    private long number;
    private boolean afterCr;

    public BoundedLineReader(Reader reader, int maxLength, FormatError error) {
        this.reader = reader;
        this.maxLength = maxLength;
        this.error = error;
    }

    /** The next line without its terminator, or null at the end of the input. */
    public String readLine() {
        line.setLength(0);
        boolean started = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!started) {
                    return null;
                }
                number++;
                return line.toString();
            }
            char c = buffer[position++];
            if (afterCr) {
                afterCr = false;
                if (c == '\n') {
                    continue; // the LF of a CR LF
                }
            }
            started = true;
            if (c == '\n' || c == '\r') {
                afterCr = c == '\r';
                number++;
                return line.toString();
            }
            if (line.length() == maxLength) {
                throw error.at(number + 1, tooLong(maxLength));
            }
            line.append(c);
        }
    }

    /** The 1-based number of the line last returned (0 before the first). */
    public long lineNumber() {
        return number;
    }

    /** The reason given for a line or record over {@code maxLength} characters. */
    public static String tooLong(int maxLength) {
        return String.format("line longer than %,d characters: not the published format (a file without line breaks, or not a text file)",
                maxLength);
    }

    private boolean fill() {
        try {
            int n = reader.read(buffer, 0, buffer.length);
            while (n == 0) {
                n = reader.read(buffer, 0, buffer.length);
            }
            if (n < 0) {
                return false;
            }
            position = 0;
            limit = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
