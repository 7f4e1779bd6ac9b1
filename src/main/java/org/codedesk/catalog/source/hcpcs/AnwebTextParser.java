package org.codedesk.catalog.source.hcpcs;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.codedesk.catalog.BoundedLineReader;
import org.codedesk.catalog.source.SourceFormatException;
import org.codedesk.catalog.source.TextLines;

/**
 * Parses the CMS HCPCS Level II alpha-numeric file in its fixed-width text form ({@code HCPCyyyy_ANWEB*.txt}):
 * 320-character records laid out as in the HCPCS contractor record layout, preceded by free-text disclaimer lines.
 * Pure: no I/O besides the given stream, which the caller closes.
 *
 * <p>Disclaimer lines before the first record are skipped. From the first record on, every non-blank line must be a
 * valid record, otherwise a {@link SourceFormatException} names the file and line.
 */
public final class AnwebTextParser {

    /** The files are produced on Windows; a few disclaimer characters (e.g. 0x92) are outside ASCII. */
    public static final Charset CHARSET = Charset.forName("windows-1252");

    static final int RECORD_LENGTH = 320;
    /** A first line must reach the action code (position 293); only the trailing filler may be missing. */
    static final int MIN_FIRST_LINE_LENGTH = 293;
    /** A continuation line carries code, sequence and record id (positions 1-11) before its description. */
    static final int MIN_CONTINUATION_LENGTH = 11;

    /** A field of the record layout: 1-based inclusive positions. */
    private record Field(String key, int start, int end) {
    }

    private static final List<Field> DETAIL_FIELDS = detailFields();

    /** Parses the whole stream; {@code fileName} is used only in error messages. */
    public List<HcpcsEntry> parse(String fileName, InputStream in) {
        HcpcsRecordAssembler assembler = new HcpcsRecordAssembler(fileName);
        BoundedLineReader reader = TextLines.reader(fileName, new InputStreamReader(in, CHARSET));
        long lineNumber = 0;
        boolean inRecords = false;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (!inRecords) {
                // The disclaimer has no fixed length, so recognise the first record by its key fields.
                if (!looksLikeRecord(line)) {
                    continue;
                }
                inRecords = true;
            }
            if (line.isBlank()) {
                continue;
            }
            assembler.add(toRecord(fileName, lineNumber, line));
        }
        return assembler.finish(lineNumber);
    }

    /** True for a line with a numeric sequence number, a known record id and a well-formed code. */
    static boolean looksLikeRecord(String line) {
        if (line.length() < MIN_CONTINUATION_LENGTH || !isDigits(line.substring(5, 10))) {
            return false;
        }
        char id = line.charAt(10);
        String codeArea = line.substring(0, 5);
        return switch (id) {
            case '3', '4' -> codeArea.chars().allMatch(Character::isLetterOrDigit);
            case '7', '8' -> codeArea.startsWith("   ") && codeArea.substring(3).chars().allMatch(Character::isLetterOrDigit);
            default -> false;
        };
    }

    private static HcpcsRecordAssembler.RawRecord toRecord(String fileName, long lineNumber, String line) {
        if (line.length() > RECORD_LENGTH && line.substring(RECORD_LENGTH).isBlank()) {
            line = line.substring(0, RECORD_LENGTH); // January 2026 pads one record with blanks past column 320
        }
        if (line.length() > RECORD_LENGTH) {
            throw new SourceFormatException(fileName, lineNumber,
                    "record is " + line.length() + " characters long, expected at most " + RECORD_LENGTH);
        }
        if (line.length() < MIN_CONTINUATION_LENGTH) {
            throw new SourceFormatException(fileName, lineNumber,
                    "truncated record: " + line.length() + " characters, no record id at position 11");
        }
        String sequence = line.substring(5, 10);
        if (!isDigits(sequence)) {
            throw new SourceFormatException(fileName, lineNumber, "sequence number '" + sequence + "' is not numeric");
        }
        char id = line.charAt(10);
        boolean firstLine = id == '3' || id == '7';
        boolean modifier = id == '7' || id == '8';
        if (!firstLine && !modifier && id != '4') {
            throw new SourceFormatException(fileName, lineNumber, "unknown record id '" + id + "'");
        }
        if (firstLine && line.length() < MIN_FIRST_LINE_LENGTH) {
            throw new SourceFormatException(fileName, lineNumber, "truncated record: " + line.length()
                    + " characters, a first line needs " + MIN_FIRST_LINE_LENGTH + " (through the action code)");
        }
        // Pad so that records whose trailing blanks were stripped read as blank fields.
        String padded = line.length() < RECORD_LENGTH ? String.format("%-" + RECORD_LENGTH + "s", line) : line;
        // Positions 1-3 of a modifier record are filler; the modifier is in positions 4-5.
        String code = modifier ? slice(padded, 4, 5) : slice(padded, 1, 5);
        String description = slice(padded, 12, 91);
        Map<String, String> fields = new LinkedHashMap<>();
        String shortDescription = null;
        if (firstLine) {
            shortDescription = slice(padded, 92, 119);
            for (Field f : DETAIL_FIELDS) {
                String value = slice(padded, f.start(), f.end());
                if (!value.isEmpty()) {
                    fields.put(f.key(), value);
                }
            }
        }
        return new HcpcsRecordAssembler.RawRecord(lineNumber, id, code, Integer.parseInt(sequence), description,
                shortDescription, fields);
    }

    private static String slice(String s, int start, int end) {
        return s.substring(start - 1, end).trim();
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Positions 120-293 of the 2019 record layout; keys as in {@link HcpcsFieldMeanings#keys()}. */
    private static List<Field> detailFields() {
        List<Field> f = new ArrayList<>();
        repeated(f, "pricingIndicator", 120, 2, 4);
        f.add(new Field("multiplePricingIndicator", 128, 128));
        repeated(f, "cimReference", 129, 6, 3);
        repeated(f, "mcmReference", 147, 8, 3);
        f.add(new Field("statute", 171, 180));
        repeated(f, "labCertification", 181, 3, 8);
        repeated(f, "crossReference", 205, 5, 5);
        f.add(new Field("coverageCode", 230, 230));
        f.add(new Field("ascGroup", 231, 232));
        f.add(new Field("ascEffectiveDate", 233, 240));
        f.add(new Field("mogPaymentGroup", 241, 243));
        f.add(new Field("mogPaymentIndicator", 244, 244));
        f.add(new Field("mogEffectiveDate", 245, 252));
        f.add(new Field("procedureNote", 253, 256));
        f.add(new Field("betos", 257, 259));
        // Position 260 is filler.
        repeated(f, "typeOfService", 261, 1, 5);
        f.add(new Field("anesthesiaBaseUnits", 266, 268));
        f.add(new Field("codeAddedDate", 269, 276));
        f.add(new Field("actionEffectiveDate", 277, 284));
        f.add(new Field("terminationDate", 285, 292));
        f.add(new Field("actionCode", 293, 293));
        return List.copyOf(f);
    }

    private static void repeated(List<Field> fields, String base, int start, int width, int count) {
        for (int i = 0; i < count; i++) {
            int from = start + i * width;
            fields.add(new Field(base + (i + 1), from, from + width - 1));
        }
    }
}
