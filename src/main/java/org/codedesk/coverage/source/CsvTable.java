package org.codedesk.coverage.source;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.codedesk.catalog.OfficialCsv;

/**
 * A CSV file of the Medicare Coverage Database download (RFC 4180: quoted fields may hold commas, quotes and line
 * breaks; read with {@link OfficialCsv}), read into rows whose fields are found by their header name (case ignored). A record longer than
 * {@link #MAX_RECORD} characters is a {@link CoverageFileException}.
 */
public final class CsvTable {

    /**
     * The longest record read: the download's long texts (an article's paragraphs, in HTML) run to some hundred thousand
     * characters; a record past this is a damaged file, refused before it fills the memory.
     */
    static final int MAX_RECORD = 4 * 1024 * 1024;

    private final String origin;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<List<String>> rows = new ArrayList<>();

    private CsvTable(String origin) {
        this.origin = origin;
    }

    public static CsvTable read(InputStream in, String origin, String... required) {
        CsvTable table = new CsvTable(origin);
        List<List<String>> records = records(in, origin);
        if (records.isEmpty()) {
            throw new CoverageFileException(origin, 0, "empty file");
        }
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            table.columns.put(header.get(i).trim().replace("\uFEFF", "").toLowerCase(Locale.ROOT), i);
        }
        for (String name : required) {
            if (!table.columns.containsKey(name)) {
                throw new CoverageFileException(origin, 1, "no column " + name + " in the header: not the Medicare Coverage Database layout");
            }
        }
        table.rows.addAll(records.subList(1, records.size()).stream().filter(r -> !(r.size() == 1 && r.get(0).isBlank())).toList());
        return table;
    }

    public int size() {
        return rows.size();
    }

    /** The field of row {@code index} (0-based, after the header) under {@code column}; "" when absent. */
    public String get(int index, String column) {
        Integer at = columns.get(column);
        List<String> row = rows.get(index);
        return at == null || at >= row.size() ? "" : row.get(at).trim();
    }

    public String origin() {
        return origin;
    }

    private static List<List<String>> records(InputStream in, String origin) {
        List<List<String>> records = new ArrayList<>();
        try {
            for (OfficialCsv.Row row : OfficialCsv.read(new InputStreamReader(in, StandardCharsets.UTF_8), ',', MAX_RECORD)) {
                records.add(row.fields());
            }
        } catch (OfficialCsv.Problem p) {
            throw new CoverageFileException(origin, p.line(), switch (p.fault()) {
                case TOO_LONG -> String.format("record longer than %,d characters: not the Medicare Coverage Database layout (a file"
                        + " without line breaks, or an unclosed quote)", MAX_RECORD);
                case UNCLOSED_QUOTE -> "quoted field never closed (truncated file?)";
                case TEXT_AFTER_QUOTE -> "unexpected text after a closing quote";
            });
        }
        return records;
    }
}
