package org.codedesk.edits;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one of CodeDesk's own reference files under {@code edits/} (UTF-8, tab-separated, a header line, '#'
 * comments): the rows after the header, each split into its fields.
 */
final class ReferenceTable {

    private ReferenceTable() {
    }

    static List<String[]> rows(String resource) {
        try (InputStream in = ReferenceTable.class.getResourceAsStream("/edits/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("edits/" + resource + " is missing from the application");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (!header) {
                    rows.add(line.split("\t", -1));
                }
                header = false;
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
