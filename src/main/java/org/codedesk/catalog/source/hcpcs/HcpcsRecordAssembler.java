package org.codedesk.catalog.source.hcpcs;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.codedesk.catalog.source.SourceFormatException;

/**
 * Groups first-line and continuation records into {@link HcpcsEntry} values and validates them. Shared by the text
 * and spreadsheet parsers so both apply the same rules and produce identical entries.
 */
final class HcpcsRecordAssembler {

    /** Fields holding yyyyMMdd dates. */
    static final Set<String> DATE_KEYS = Set.of(
            "ascEffectiveDate", "mogEffectiveDate", "codeAddedDate", "actionEffectiveDate", "terminationDate");

    // STRICT + uuuu rejects 20250230 and 00000000 instead of silently adjusting them.
    private static final DateTimeFormatter YYYYMMDD =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern PROCEDURE_CODE = Pattern.compile("[A-Z0-9]{5}");
    private static final Pattern MODIFIER_CODE = Pattern.compile("[A-Z0-9]{2}");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /**
     * One physical record (text line or sheet row), before grouping.
     *
     * @param line             1-based line or row number, for error messages
     * @param recordId         '3', '4', '7' or '8'
     * @param code             procedure code or modifier, trimmed
     * @param sequence         sequence number (orders the description pieces)
     * @param descriptionPiece this record's part of the long description
     * @param shortDescription short description (first lines only)
     * @param fields           detail fields by key, trimmed, blanks omitted (first lines only)
     */
    record RawRecord(long line, char recordId, String code, int sequence, String descriptionPiece,
                     String shortDescription, Map<String, String> fields) {
    }

    private final String fileName;
    private final List<HcpcsEntry> entries = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private Pending pending;

    HcpcsRecordAssembler(String fileName) {
        this.fileName = fileName;
    }

    void add(RawRecord r) {
        switch (r.recordId()) {
            case '3', '7' -> startEntry(r);
            case '4', '8' -> continueEntry(r);
            default -> throw error(r.line(), "unknown record id '" + r.recordId() + "'");
        }
    }

    List<HcpcsEntry> finish(long lastLine) {
        flush();
        if (entries.isEmpty()) {
            throw error(lastLine, "no HCPCS records found");
        }
        return List.copyOf(entries);
    }

    private void startEntry(RawRecord r) {
        boolean modifier = r.recordId() == '7';
        checkCode(r, modifier);
        // Modifier and procedure codes have different lengths, so one set cannot confuse them.
        if (!seen.add(r.code())) {
            throw error(r.line(), "duplicate first line for code " + r.code());
        }
        Map<String, String> fields = r.fields();
        for (String key : DATE_KEYS) {
            String value = fields.get(key);
            if (value != null) {
                parseDate(r.line(), key, value);
            }
        }
        require(r, "codeAddedDate");
        require(r, "actionCode");
        String units = fields.get("anesthesiaBaseUnits");
        if (units != null && !DIGITS.matcher(units).matches()) {
            throw error(r.line(), "anesthesia base units '" + units + "' is not a number");
        }
        flush();
        pending = new Pending(r, modifier);
    }

    private void continueEntry(RawRecord r) {
        boolean modifier = r.recordId() == '8';
        checkCode(r, modifier);
        if (pending == null || pending.modifier != modifier || !pending.first.code().equals(r.code())) {
            throw error(r.line(), "continuation record for " + (modifier ? "modifier " : "code ") + r.code()
                    + " without a first line");
        }
        if (r.sequence() <= pending.first.sequence()) {
            throw error(r.line(), "continuation sequence number " + r.sequence()
                    + " is not after the first line's " + pending.first.sequence());
        }
        if (pending.pieces.putIfAbsent(r.sequence(), r.descriptionPiece()) != null) {
            throw error(r.line(), "duplicate sequence number " + r.sequence() + " for " + r.code());
        }
    }

    private void flush() {
        if (pending == null) {
            return;
        }
        RawRecord first = pending.first;
        String description = pending.pieces.values().stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" "));
        if (description.isEmpty()) {
            throw error(first.line(), "no long description for " + first.code());
        }
        Map<String, String> fields = first.fields();
        entries.add(new HcpcsEntry(
                first.code(),
                pending.modifier,
                description,
                first.shortDescription() == null ? "" : first.shortDescription().trim(),
                date(first, "codeAddedDate"),
                date(first, "actionEffectiveDate"),
                date(first, "terminationDate"),
                fields.get("actionCode"),
                new LinkedHashMap<>(fields)));
        pending = null;
    }

    private void checkCode(RawRecord r, boolean modifier) {
        Pattern pattern = modifier ? MODIFIER_CODE : PROCEDURE_CODE;
        if (r.code() == null || !pattern.matcher(r.code()).matches()) {
            throw error(r.line(), "invalid " + (modifier ? "modifier" : "procedure code") + " '" + r.code() + "'");
        }
    }

    private void require(RawRecord r, String key) {
        if (r.fields().get(key) == null) {
            throw error(r.line(), HcpcsFieldMeanings.label(key).toLowerCase() + " is missing for " + r.code());
        }
    }

    private LocalDate date(RawRecord r, String key) {
        String value = r.fields().get(key);
        return value == null ? null : parseDate(r.line(), key, value);
    }

    private LocalDate parseDate(long line, String key, String value) {
        try {
            return LocalDate.parse(value, YYYYMMDD);
        } catch (DateTimeParseException e) {
            throw new SourceFormatException(fileName, line,
                    "bad " + HcpcsFieldMeanings.label(key).toLowerCase() + " '" + value + "', expected yyyyMMdd", e);
        }
    }

    private SourceFormatException error(long line, String reason) {
        return new SourceFormatException(fileName, line, reason);
    }

    /** The entry being assembled: its first line and the description pieces by sequence number. */
    private static final class Pending {
        final RawRecord first;
        final boolean modifier;
        final TreeMap<Integer, String> pieces = new TreeMap<>();

        Pending(RawRecord first, boolean modifier) {
            this.first = first;
            this.modifier = modifier;
            pieces.put(first.sequence(), first.descriptionPiece());
        }
    }
}
