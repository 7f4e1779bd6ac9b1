package org.codedesk.catalog.source.cpt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.codedesk.catalog.source.SourceFormatException;

/**
 * Reads a licensed CPT descriptor file in CodeDesk's documented format (docs/data-import.md): UTF-8 text,
 * one code per line, {@code code<TAB>descriptor} or {@code code,descriptor} (a descriptor containing commas
 * is double-quoted, CSV style). An optional first line {@code code<sep>descriptor} is a header. Codes are
 * five characters: 5 digits (Category I), 4 digits + F (Category II) or 4 digits + T (Category III).
 */
public final class CptDescriptorParser {

    public List<CptDescriptor> parse(String fileName, InputStream in) {
        List<CptDescriptor> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            long lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank() || (lineNumber == 1 && line.toLowerCase().startsWith("code"))) {
                    continue;
                }
                int tab = line.indexOf('\t');
                int separator = tab >= 0 ? tab : line.indexOf(',');
                if (separator < 0) {
                    throw new SourceFormatException(fileName, lineNumber, "expected 'code<TAB>descriptor' or 'code,descriptor'");
                }
                String code = line.substring(0, separator).trim().toUpperCase();
                String descriptor = unquote(line.substring(separator + 1).trim());
                if (!code.matches("[0-9]{5}|[0-9]{4}[FT]")) {
                    throw new SourceFormatException(fileName, lineNumber, "'" + code + "' is not a CPT code");
                }
                if (descriptor.isEmpty()) {
                    throw new SourceFormatException(fileName, lineNumber, "descriptor of " + code + " is empty");
                }
                if (!seen.add(code)) {
                    throw new SourceFormatException(fileName, lineNumber, "code " + code + " appears twice");
                }
                result.add(new CptDescriptor(code, descriptor));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (result.isEmpty()) {
            throw new SourceFormatException(fileName, 0, "no CPT codes found");
        }
        return result;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\"\"", "\"");
        }
        return value;
    }
}
