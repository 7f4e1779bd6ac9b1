package org.codedesk.catalog.source.cpt;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.source.SourceFormatException;
import org.codedesk.catalog.source.TextLines;

/**
 * Reads a licensed CPT descriptor file in CodeDesk's documented format (docs/data-import.md): UTF-8 text,
 * one code per line, {@code code<TAB>descriptor} or {@code code,descriptor} (a descriptor containing commas
 * is double-quoted, CSV style). An optional first line {@code code<sep>descriptor} is a header. Codes are
 * five characters, {@link CodeSystem#CPT_CODE}: 5 digits (Category I), 4 digits + F (Category II), T (Category III),
 * M (MAAA) or U (PLA).
 */
public final class CptDescriptorParser {

    public List<CptDescriptor> parse(String fileName, InputStream in) {
        List<CptDescriptor> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        TextLines.read(fileName, in, StandardCharsets.UTF_8, (number, text) -> {
            String line = number == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text;
            if (line.isBlank() || (number == 1 && line.toLowerCase().startsWith("code"))) {
                return;
            }
            int tab = line.indexOf('\t');
            int separator = tab >= 0 ? tab : line.indexOf(',');
            if (separator < 0) {
                throw new SourceFormatException(fileName, number, "expected 'code<TAB>descriptor' or 'code,descriptor'");
            }
            String code = line.substring(0, separator).trim().toUpperCase();
            String descriptor = unquote(line.substring(separator + 1).trim());
            if (!CodeSystem.isCptCode(code)) {
                throw new SourceFormatException(fileName, number, "'" + code + "' is not a CPT code");
            }
            if (descriptor.isEmpty()) {
                throw new SourceFormatException(fileName, number, "descriptor of " + code + " is empty");
            }
            if (!seen.add(code)) {
                throw new SourceFormatException(fileName, number, "code " + code + " appears twice");
            }
            result.add(new CptDescriptor(code, descriptor));
        });
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
