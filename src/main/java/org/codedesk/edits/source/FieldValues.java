package org.codedesk.edits.source;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Converts the text of one field to a value, or throws an {@link EditsFileException} naming the file, line and
 * column, so no parser lets a raw {@link NumberFormatException} escape.
 */
final class FieldValues {

    /** A HCPCS Level II or CPT code: five letters or digits (99213, 0001U, E0100). */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{5}");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern YYYYMMDD = Pattern.compile("\\d{8}");

    private FieldValues() {
    }

    static boolean isCode(String text) {
        return CODE.matcher(text).matches();
    }

    static String code(String origin, long line, String column, String text) {
        if (!isCode(text)) {
            throw new EditsFileException(origin, line, column + ": '" + text + "' is not a HCPCS/CPT code");
        }
        return text;
    }

    static boolean isDigits(String text) {
        return DIGITS.matcher(text).matches();
    }

    static int integer(String origin, long line, String column, String text) {
        if (!isDigits(text) || text.length() > 9) {
            throw new EditsFileException(origin, line, column + ": '" + text + "' is not a whole number");
        }
        return Integer.parseInt(text);
    }

    static BigDecimal decimal(String origin, long line, String column, String text) {
        if (text.isEmpty()) {
            throw new EditsFileException(origin, line, column + ": value missing");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new EditsFileException(origin, line, column + ": '" + text + "' is not a number");
        }
    }

    /** RVU files leave some numeric cells empty where the value is nil. */
    static BigDecimal decimalOrZero(String origin, long line, String column, String text) {
        return text.isEmpty() ? BigDecimal.ZERO : decimal(origin, line, column, text);
    }

    static LocalDate yyyymmdd(String origin, long line, String column, String text) {
        if (!YYYYMMDD.matcher(text).matches()) {
            throw new EditsFileException(origin, line, column + ": '" + text + "' is not a YYYYMMDD date");
        }
        try {
            return LocalDate.of(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(4, 6)),
                    Integer.parseInt(text.substring(6, 8)));
        } catch (DateTimeException e) {
            throw new EditsFileException(origin, line, column + ": '" + text + "' is not a valid date");
        }
    }

    /**
     * Digits left-padded with zeros to {@code width}: spreadsheets drop leading zeros ("0" for locality 00, "2102"
     * for MAC 02102), and the padded form is what joins files together.
     */
    static String zeroPadded(String origin, long line, String column, String text, int width) {
        if (!isDigits(text) || text.length() > width) {
            throw new EditsFileException(origin, line,
                    column + ": '" + text + "' is not a number of at most " + width + " digits");
        }
        return "0".repeat(width - text.length()) + text;
    }

    /** Rejects a row with fewer cells than the layout (a truncated file) or extra non-blank cells. */
    static void requireColumns(String origin, long line, List<String> fields, int expected) {
        if (fields.size() < expected) {
            throw new EditsFileException(origin, line,
                    "expected " + expected + " columns, found " + fields.size() + " (truncated row?)");
        }
        for (int i = expected; i < fields.size(); i++) {
            if (!fields.get(i).isBlank()) {
                throw new EditsFileException(origin, line,
                        "expected " + expected + " columns, found a value in column " + (i + 1));
            }
        }
    }

    static boolean allBlank(List<String> fields) {
        return fields.stream().allMatch(String::isBlank);
    }

    /** Upper case letters and digits only, so header text compares across spacing and punctuation changes. */
    static String normalised(String header) {
        return header.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }
}
