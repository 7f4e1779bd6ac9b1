package org.codedesk.catalog.source.icd10cm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.codedesk.catalog.source.SourceFormatException;

/**
 * Reads the ICD-10-CM codes file ({@code icd10cm_codes_YYYY.txt}): billable codes only, the code (no dot)
 * in the first 8 columns and the long title after it. Returns code to long title in file order.
 */
public final class CodesFileParser {

    public Map<String, String> parse(String fileName, InputStream in) {
        Map<String, String> codes = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, Charset.forName("windows-1252")))) {
            String line;
            long lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                if (line.length() < 9) {
                    throw new SourceFormatException(fileName, lineNumber, "line too short for a code and a title");
                }
                String code = line.substring(0, 8).trim();
                String title = line.substring(8).trim();
                if (code.length() < 3 || !code.chars().allMatch(Character::isLetterOrDigit) || title.isEmpty()) {
                    throw new SourceFormatException(fileName, lineNumber, "expected a code and its title, found '" + line.strip() + "'");
                }
                if (codes.put(code, title) != null) {
                    throw new SourceFormatException(fileName, lineNumber, "code " + code + " appears twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (codes.isEmpty()) {
            throw new SourceFormatException(fileName, 0, "the codes file has no entries");
        }
        return codes;
    }
}
