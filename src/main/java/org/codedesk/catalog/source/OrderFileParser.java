package org.codedesk.catalog.source;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the fixed-width order file shared by ICD-10-CM and ICD-10-PCS: cols 1-5 order number, 7-13 code,
 * 15 billable flag, 17-76 short title, 78-end long title. Pure function of the stream; every malformed
 * line is rejected with its line number rather than skipped, so a truncated file never imports.
 */
public final class OrderFileParser {

    public List<OrderFileEntry> parse(String fileName, InputStream in) {
        List<OrderFileEntry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        TextLines.read(fileName, in, TextLines.WINDOWS_1252, (number, line) -> {
            if (line.isBlank()) {
                return;
            }
            OrderFileEntry entry = parseLine(fileName, number, line);
            if (!seen.add(entry.code())) {
                throw new SourceFormatException(fileName, number, "code " + entry.code() + " appears twice");
            }
            entries.add(entry);
        });
        if (entries.isEmpty()) {
            throw new SourceFormatException(fileName, 0, "the order file has no entries");
        }
        return entries;
    }

    static OrderFileEntry parseLine(String fileName, long lineNumber, String line) {
        if (line.length() < 78) {
            throw new SourceFormatException(fileName, lineNumber,
                    "line is " + line.length() + " characters long; an order-file line has at least 78 (truncated?)");
        }
        String order = line.substring(0, 5);
        if (!order.chars().allMatch(Character::isDigit)) {
            throw new SourceFormatException(fileName, lineNumber, "order number '" + order + "' is not 5 digits");
        }
        String code = line.substring(6, 13).trim();
        if (code.isEmpty() || !code.chars().allMatch(Character::isLetterOrDigit)) {
            throw new SourceFormatException(fileName, lineNumber, "code '" + code + "' is not a valid code");
        }
        char flag = line.charAt(14);
        if (flag != '0' && flag != '1') {
            throw new SourceFormatException(fileName, lineNumber, "billable flag must be 0 or 1, found '" + flag + "'");
        }
        String shortTitle = line.substring(16, 76).trim();
        String longTitle = line.substring(77).trim();
        if (longTitle.isEmpty()) {
            throw new SourceFormatException(fileName, lineNumber, "long title is missing");
        }
        return new OrderFileEntry(Integer.parseInt(order), code.toUpperCase(), flag == '1', shortTitle, longTitle);
    }
}
