package org.codedesk.edits.source;

import java.io.InputStream;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.codedesk.catalog.BoundedLineReader;

/**
 * Reads a CMS/CDC General Equivalence Mappings file, diagnosis ({@code 2018_I10gem.txt}, {@code 2018_I9gem.txt})
 * or procedure ({@code gem_pcsi9.txt}, {@code gem_i9pcs.txt}), and hands each mapping to a sink.
 *
 * <p>Layout: one mapping per line, three fields separated by spaces: source code, target code, and five flag
 * digits {@code abcde} — a approximate, b no map, c combination (each 0 or 1), d scenario, e choice list (0-9).
 * Lines end with CRLF or LF; blank lines are ignored. There is no header.
 *
 * <p>Contract: rows reach the sink in file order; an {@link EditsFileException} names the line of a row with other
 * than three fields or malformed flags, or reports an empty file. The stream is not closed.
 */
public final class GemFileParser {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{1,7}");
    private static final Pattern FLAGS = Pattern.compile("[01]{3}\\d{2}");

    private GemFileParser() {
    }

    public static void parse(InputStream in, String origin, Consumer<GemRow> sink) {
        BoundedLineReader reader = SourceText.lines(in, origin);
        long lineNumber = 0;
        long rows = 0;
        for (String line; (line = reader.readLine()) != null; ) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            sink.accept(row(origin, lineNumber, WHITESPACE.split(trimmed)));
            rows++;
        }
        if (rows == 0) {
            throw new EditsFileException(origin, 0, "no mappings in the file");
        }
    }

    private static GemRow row(String origin, long line, String[] fields) {
        if (fields.length != 3) {
            throw new EditsFileException(origin, line,
                    "expected source, target and flags, found " + fields.length + " fields");
        }
        for (int i = 0; i < 2; i++) {
            if (!CODE.matcher(fields[i]).matches()) {
                throw new EditsFileException(origin, line, (i == 0 ? "source" : "target") + ": '" + fields[i]
                        + "' is not a code");
            }
        }
        String flags = fields[2];
        if (!FLAGS.matcher(flags).matches()) {
            throw new EditsFileException(origin, line, "flags: expected five digits abcde with a, b, c 0 or 1, found '"
                    + flags + "'");
        }
        return new GemRow(fields[0], fields[1], flags.charAt(0) == '1', flags.charAt(1) == '1',
                flags.charAt(2) == '1', flags.charAt(3) - '0', flags.charAt(4) - '0');
    }
}
