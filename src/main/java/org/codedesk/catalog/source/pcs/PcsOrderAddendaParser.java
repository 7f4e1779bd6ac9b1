package org.codedesk.catalog.source.pcs;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codedesk.catalog.source.SourceFormatException;
import org.codedesk.catalog.source.TextLines;
import org.codedesk.catalog.source.icd10cm.AddendaEntry;

/**
 * Reads the ICD-10-PCS order-file addenda ({@code order_addenda_YYYY.txt}). Unlike the ICD-10-CM one it has no
 * billable column: the action fills columns 1-13, the code 14-20, the short title 22-81 and the long title
 * from 83; a 7-character code is a valid (billable) code, a 3-character one a table header. The summary after
 * the entries ("156 additions"...) is checked against what was read, which catches a truncated file.
 */
public final class PcsOrderAddendaParser {

    private static final Pattern ENTRY = Pattern.compile("(Add:|Delete:|Revise from:|Revise to:)\\s+([0-9A-HJ-NP-Z]{3,7})\\s(.*)");
    private static final Pattern SUMMARY = Pattern.compile("\\s*(\\d+) (additions|deletions|revisions)\\s*");

    public List<AddendaEntry> parse(String fileName, InputStream in) {
        List<AddendaEntry> entries = new ArrayList<>();
        int[] stated = new int[3];
        long[] lastLine = {0};
        TextLines.read(fileName, in, TextLines.WINDOWS_1252, (number, line) -> {
            lastLine[0] = number;
            Matcher entry = ENTRY.matcher(line);
            Matcher summary = SUMMARY.matcher(line);
            if (entry.matches()) {
                if (line.length() < 83) {
                    throw new SourceFormatException(fileName, number, "entry is " + line.length() + " characters long; titles missing (truncated?)");
                }
                String action = entry.group(1).substring(0, entry.group(1).length() - 1);
                String code = entry.group(2);
                entries.add(new AddendaEntry(action, code.length() == 7, code, line.substring(21, 81).trim(), line.substring(82).trim()));
            } else if (summary.matches()) {
                stated[switch (summary.group(2)) { case "additions" -> 0; case "deletions" -> 1; default -> 2; }] += Integer.parseInt(summary.group(1));
            } else if (entries.isEmpty() && !line.isBlank()) {
                throw new SourceFormatException(fileName, number, "expected an Add, Delete or Revise line, found '" + line.strip() + "'");
            }
        });
        long adds = entries.stream().filter(e -> e.action().equals("Add")).count();
        long deletes = entries.stream().filter(e -> e.action().equals("Delete")).count();
        long revisions = entries.stream().filter(e -> e.action().equals("Revise to")).count();
        if (adds != stated[0] || deletes != stated[1] || revisions != stated[2]) {
            throw new SourceFormatException(fileName, lastLine[0], "the summary states " + stated[0] + " additions, " + stated[1]
                    + " deletions and " + stated[2] + " revisions, but the file lists " + adds + ", " + deletes + " and " + revisions);
        }
        return entries;
    }
}
