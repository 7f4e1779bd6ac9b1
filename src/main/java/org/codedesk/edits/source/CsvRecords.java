package org.codedesk.edits.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.codedesk.catalog.BoundedLineReader;

/**
 * Reads CSV records (RFC 4180) from an official file: fields separated by a delimiter (a comma unless told
 * otherwise), quoted fields that may hold the delimiter, doubled quotes and line breaks (the MUE header cell is
 * {@code "HCPCS/\nCPT Code"}), records ended by CRLF, LF or CR.
 *
 * <p>Each {@link Record} carries the 1-based physical line on which it starts, for error messages. Bytes are
 * decoded as Windows-1252, or as UTF-8 when the file starts with a UTF-8 byte order mark (which is dropped).
 * Line breaks inside quoted fields come back as {@code \n}. Fields are returned as written (not trimmed). A blank
 * line is a record of one empty field; a final line break does not start another record. An unterminated quote,
 * text after a closing quote or a record longer than {@link BoundedLineReader#MAX_LINE} characters is an
 * {@link EditsFileException}. Single use; the stream is not closed.
 */
public final class CsvRecords implements Iterable<CsvRecords.Record> {

    /** One CSV record: the physical line it starts on and its fields. */
    public record Record(long line, List<String> fields) {

        public Record {
            fields = List.copyOf(fields);
        }

        /** The field at {@code index}, or "" past the end of a short record. */
        public String field(int index) {
            return index < fields.size() ? fields.get(index) : "";
        }

        public int size() {
            return fields.size();
        }

        /** True when every field is empty or white space (a spacer row such as {@code ,,,,}). */
        public boolean isBlank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    private static final int EOF = -1;

    private final Reader reader;
    private final String origin;
    private final char delimiter;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    /** Physical line of the next character to read. */
    private long line = 1;
    /** Characters read for the record being read, bounded so that a file without line breaks is refused, not held whole. */
    private int recordLength;
    private Record lookahead;

    private CsvRecords(Reader reader, String origin, char delimiter) {
        this.reader = reader;
        this.origin = origin;
        this.delimiter = delimiter;
    }

    /** Comma-separated records from {@code in}; {@code origin} names the file in error messages. */
    public static CsvRecords of(InputStream in, String origin) {
        return of(in, origin, ',');
    }

    public static CsvRecords of(InputStream in, String origin, char delimiter) {
        return new CsvRecords(SourceText.reader(in), origin, delimiter);
    }

    /** Records from already decoded text. */
    public static CsvRecords of(Reader reader, String origin, char delimiter) {
        return new CsvRecords(reader, origin, delimiter);
    }

    /** The next record, or null at the end of the input. */
    public Record next() {
        if (lookahead != null) {
            Record r = lookahead;
            lookahead = null;
            return r;
        }
        return read();
    }

    @Override
    public Iterator<Record> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (lookahead == null) {
                    lookahead = read();
                }
                return lookahead != null;
            }

            @Override
            public Record next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return CsvRecords.this.next();
            }
        };
    }

    private Record read() {
        int c = nextChar();
        if (c == EOF) {
            return null;
        }
        long start = line;
        recordLength = 0;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            // A quote opens a quoted field only at the start of a field; elsewhere it is kept as text, as Excel does.
            if (c == '"' && field.length() == 0) {
                readQuoted(field, start);
                c = nextChar();
                if (c != delimiter && c != '\r' && c != '\n' && c != EOF) {
                    throw new EditsFileException(origin, line, "unexpected text after a closing quote");
                }
                continue;
            }
            if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                c = nextCharOf(start);
                continue;
            }
            if (c == EOF || c == '\n' || c == '\r') {
                if (c == '\r' && peekChar() == '\n') {
                    nextChar();
                }
                if (c != EOF) {
                    line++;
                }
                fields.add(field.toString());
                return new Record(start, fields);
            }
            field.append((char) c);
            c = nextCharOf(start);
        }
    }

    /** Reads a quoted field after its opening quote, up to and including the closing quote. */
    private void readQuoted(StringBuilder field, long start) {
        while (true) {
            int c = nextCharOf(start);
            if (c == EOF) {
                throw new EditsFileException(origin, start, "quoted field never closed (truncated file?)");
            }
            if (c == '"') {
                if (peekChar() == '"') {
                    nextChar();
                    field.append('"');
                    continue;
                }
                return;
            }
            if (c == '\r' || c == '\n') {
                if (c == '\r' && peekChar() == '\n') {
                    nextChar();
                }
                line++;
                field.append('\n');
                continue;
            }
            field.append((char) c);
        }
    }

    /** The next character of the record that starts on line {@code start}, counted against {@link BoundedLineReader#MAX_LINE}. */
    private int nextCharOf(long start) {
        if (++recordLength > BoundedLineReader.MAX_LINE) {
            throw new EditsFileException(origin, start, BoundedLineReader.tooLong(BoundedLineReader.MAX_LINE));
        }
        return nextChar();
    }

    private int nextChar() {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position++];
    }

    private int peekChar() {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    private boolean fill() {
        try {
            int n = reader.read(buffer, 0, buffer.length);
            if (n <= 0) {
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
