package org.codedesk.catalog.source.icd10cm;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.codedesk.catalog.source.SourceFormatException;
import org.codedesk.catalog.source.TextLines;

/**
 * Reads the ICD-10-CM codes file ({@code icd10cm_codes_YYYY.txt}): billable codes only, the code (no dot)
 * in the first 8 columns and the long title after it. Returns code to long title in file order.
 */
public final class CodesFileParser {

    public Map<String, String> parse(String fileName, InputStream in) {
        Map<String, String> codes = new LinkedHashMap<>();
        TextLines.read(fileName, in, TextLines.WINDOWS_1252, (number, line) -> {
            if (line.isBlank()) {
                return;
            }
            if (line.length() < 9) {
                throw new SourceFormatException(fileName, number, "line too short for a code and a title");
            }
            String code = line.substring(0, 8).trim();
            String title = line.substring(8).trim();
            if (code.length() < 3 || !code.chars().allMatch(Character::isLetterOrDigit) || title.isEmpty()) {
                throw new SourceFormatException(fileName, number, "expected a code and its title, found '" + line.strip() + "'");
            }
            if (codes.put(code, title) != null) {
                throw new SourceFormatException(fileName, number, "code " + code + " appears twice");
            }
        });
        if (codes.isEmpty()) {
            throw new SourceFormatException(fileName, 0, "the codes file has no entries");
        }
        return codes;
    }
}
