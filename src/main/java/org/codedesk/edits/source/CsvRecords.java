package org.codedesk.edits.source;

import java.io.InputStream;
import java.io.Reader;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.codedesk.catalog.BoundedLineReader;
import org.codedesk.catalog.OfficialCsv;

/**
 * Reads CSV records (RFC 4180, with Apache Commons CSV: {@link OfficialCsv}) from an official file: fields separated by a delimiter (a comma unless told
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

    private final OfficialCsv csv;
    private final String origin;

    private CsvRecords(Reader reader, String origin, char delimiter) {
        this.csv = OfficialCsv.read(reader, delimiter, BoundedLineReader.MAX_LINE);
        this.origin = origin;
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
        try {
            OfficialCsv.Row row = csv.next();
            return row == null ? null : new Record(row.line(), row.fields());
        } catch (OfficialCsv.Problem p) {
            throw new EditsFileException(origin, p.line(), switch (p.fault()) {
                case UNCLOSED_QUOTE -> "quoted field never closed (truncated file?)";
                case TEXT_AFTER_QUOTE -> "unexpected text after a closing quote";
                case TOO_LONG -> BoundedLineReader.tooLong(BoundedLineReader.MAX_LINE);
            });
        }
    }

    @Override
    public Iterator<Record> iterator() {
        return new Iterator<>() {
            private Record lookahead;

            @Override
            public boolean hasNext() {
                if (lookahead == null) {
                    lookahead = CsvRecords.this.next();
                }
                return lookahead != null;
            }

            @Override
            public Record next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Record r = lookahead;
                lookahead = null;
                return r;
            }
        };
    }
}
