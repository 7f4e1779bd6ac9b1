package org.codedesk.catalog;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV records (RFC 4180, read by Apache Commons CSV) of an official file, for every module that reads one: fields
 * separated by a delimiter, quoted fields that may hold the delimiter, doubled quotes and line breaks, records ended by
 * CRLF, LF or CR. Each {@link Row} carries the 1-based physical line it starts on. Line breaks inside quoted fields come
 * back as {@code \n}; fields are returned as written (not trimmed); a blank line is a record of one empty field; a final
 * line break starts no record. A quote opens a quoted field only at the start of a field (elsewhere it is text).
 *
 * <p>What breaks the format is a {@link Problem} with the line the record starts on: a quote never closed, text after a
 * closing quote, or a record longer than the bound given, found while reading (with at most a few kilobytes read
 * ahead), so a file without line breaks or with an unclosed quote is refused before it fills the memory. Single use;
 * the reader is not closed.
 */
public final class OfficialCsv implements Iterable<OfficialCsv.Row> {

    /** One record: the physical line it starts on and its fields. */
    public record Row(long line, List<String> fields) {
        public Row {
            fields = List.copyOf(fields);
        }
    }

    /** How a record breaks the format. */
    public enum Fault { UNCLOSED_QUOTE, TEXT_AFTER_QUOTE, TOO_LONG }

    /** A record that breaks the format; the readers of each module turn it into their own error with the file's name. */
    public static final class Problem extends RuntimeException {
        private final long line;
        private final Fault fault;

        Problem(long line, Fault fault, String detail) {
            super("line " + line + ": " + fault + (detail == null ? "" : " (" + detail + ")"));
            this.line = line;
            this.fault = fault;
        }

        public long line() {
            return line;
        }

        public Fault fault() {
            return fault;
        }
    }

    /** What Commons CSV's reader may hold beyond the record it is reading (its buffer). */
    private static final int READ_AHEAD = 8192;

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Bounded input;

    private OfficialCsv(Reader reader, char delimiter, int maxRecord) {
        this.input = new Bounded(reader, maxRecord);
        try {
            this.parser = CSVParser.builder().setReader(input).setFormat(CSVFormat.RFC4180.builder().setDelimiter(delimiter)
                    .setIgnoreEmptyLines(false).get()).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.records = parser.iterator();
    }

    /** Records of already decoded text, at most {@code maxRecord} characters each. */
    public static OfficialCsv read(Reader reader, char delimiter, int maxRecord) {
        return new OfficialCsv(reader, delimiter, maxRecord);
    }

    /** The next record, or null at the end of the input. */
    public Row next() {
        long start = parser.getCurrentLineNumber() + 1;
        input.recordStartsOn(start);
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            List<String> fields = new ArrayList<>(record.size());
            record.forEach(field -> fields.add(field.indexOf('\r') < 0 ? field : field.replace("\r\n", "\n").replace('\r', '\n')));
            return new Row(start, fields);
        } catch (UncheckedIOException e) {
            String message = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            if (message.contains("EOF reached before encapsulated token finished")) {
                throw new Problem(start, Fault.UNCLOSED_QUOTE, null);
            }
            if (message.contains("Invalid character between encapsulated token and delimiter")) {
                throw new Problem(start, Fault.TEXT_AFTER_QUOTE, null);
            }
            throw e;
        } catch (IllegalStateException e) {
            // Commons CSV's iterator wraps what the reader throws
            if (e.getCause() instanceof Problem problem) {
                throw problem;
            }
            throw e;
        }
    }

    @Override
    public Iterator<Row> iterator() {
        return new Iterator<>() {
            private Row lookahead;

            @Override
            public boolean hasNext() {
                if (lookahead == null) {
                    lookahead = OfficialCsv.this.next();
                }
                return lookahead != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row row = lookahead;
                lookahead = null;
                return row;
            }
        };
    }

    /**
     * The input as the parser reads it, counting characters and physical lines, so that a record past the bound is
     * refused while it is being read: it knows where each line it passed began, and the parser says on which line the
     * record it reads began.
     */
    private static final class Bounded extends Reader {

        private final Reader in;
        private final int maxRecord;
        /** (line, offset of its first character) of the lines read since the record being read began. */
        private final Deque<long[]> lineStarts = new ArrayDeque<>();
        private long offset;
        private long line = 1;
        private boolean afterCr;
        private long recordLine = 1;
        private long recordOffset;

        Bounded(Reader in, int maxRecord) {
            this.in = in;
            this.maxRecord = maxRecord;
            lineStarts.add(new long[] {1, 0});
        }

        void recordStartsOn(long startLine) {
            recordLine = startLine;
            while (lineStarts.size() > 1 && lineStarts.peekFirst()[0] < startLine) {
                lineStarts.removeFirst();
            }
            long[] first = lineStarts.peekFirst();
            recordOffset = first[0] == startLine ? first[1] : Math.max(0, offset - READ_AHEAD);
        }

        @Override
        public int read(char[] buffer, int from, int length) throws IOException {
            int n = in.read(buffer, from, length);
            for (int i = from; i < from + Math.max(n, 0); i++) {
                char c = buffer[i];
                offset++;
                if (c == '\n' && afterCr) {
                    lineStarts.peekLast()[1] = offset; // CRLF: the line begins after the LF
                } else if (c == '\n' || c == '\r') {
                    line++;
                    lineStarts.addLast(new long[] {line, offset});
                }
                afterCr = c == '\r';
            }
            // only lines within the parser's read-ahead can be where its next record starts
            while (lineStarts.size() > 1 && lineStarts.peekFirst()[1] < offset - 2L * READ_AHEAD) {
                lineStarts.removeFirst();
            }
            if (offset - recordOffset > (long) maxRecord + READ_AHEAD) {
                throw new Problem(recordLine, Fault.TOO_LONG, null);
            }
            return n;
        }

        @Override
        public void close() {
            // the caller owns the reader
        }
    }
}
