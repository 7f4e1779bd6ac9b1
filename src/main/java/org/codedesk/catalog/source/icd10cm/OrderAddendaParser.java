package org.codedesk.catalog.source.icd10cm;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.codedesk.catalog.BoundedLineReader;
import org.codedesk.catalog.source.SourceFormatException;
import org.codedesk.catalog.source.TextLines;

/**
 * Reads a CMS order-file addenda ({@code icd10cm_order_addenda_YYYY.txt}) into {@link AddendaEntry}s.
 *
 * <p>Each entry line is an order-file record whose leading order number is replaced by the action, in fixed
 * columns (0-based): action in 0-12 ("Revise from: " fills all 13), billable flag at 13, code at 15-21
 * padded with blanks, short description at 23-82 (60 wide), long description from 84 to the end. A blank
 * line ends the entries; the summary after it ("N additions", ...) is checked against the entries read, which
 * catches a truncated or hand-edited file. Some official zips (FY2024's, re-issued in February 2024) ship an
 * addenda that is only a summary comparing the file with itself: it starts with a summary heading and lists no
 * entries, which is read as no changes when its counts say so.
 */
public final class OrderAddendaParser {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int ACTION_END = 13;
    private static final int FLAG = 13;
    private static final int CODE_START = 15;
    private static final int CODE_END = 22;
    private static final int SHORT_START = 23;
    private static final int SHORT_END = 83;
    private static final int LONG_START = 84;
    private static final Pattern CODE = Pattern.compile("[A-Z](?:[0-9][0-9A-Z]|[A-Z][0-9])[0-9A-Z]{0,4}"); // QA0.. since FY2026
    private static final Pattern SUMMARY_HEADING = Pattern.compile("\\s*(Headers|Codes)\\s*");
    private static final Pattern SUMMARY_COUNT = Pattern.compile("\\s*(\\d+) (additions|deletions|revisions)\\s*");

    public List<AddendaEntry> parse(String fileName, InputStream in) {
        List<AddendaEntry> entries = new ArrayList<>();
        int[] summary = new int[3]; // additions, deletions, revisions as stated by the file
        boolean hasSummary = false;
        boolean inSummary = false;
        long lineNumber = 0;
        long summaryLine = 0;
        try (InputStreamReader text = new InputStreamReader(in, WINDOWS_1252)) {
            BoundedLineReader reader = TextLines.reader(fileName, text);
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    inSummary = inSummary || !entries.isEmpty();
                    continue;
                }
                if (!inSummary && entries.isEmpty() && SUMMARY_HEADING.matcher(line).matches()) {
                    inSummary = true; // a summary-only file: no entries before the report
                }
                if (!inSummary) {
                    AddendaEntry entry = entry(fileName, lineNumber, line);
                    checkRevisionPair(fileName, lineNumber, entries, entry);
                    entries.add(entry);
                    continue;
                }
                Matcher m = SUMMARY_COUNT.matcher(line);
                if (m.matches()) {
                    int index = switch (m.group(2)) {
                        case "additions" -> 0;
                        case "deletions" -> 1;
                        default -> 2;
                    };
                    summary[index] += Integer.parseInt(m.group(1));
                    hasSummary = true;
                    summaryLine = lineNumber;
                }
                // Other summary lines (headings, file totals, "of which" breakdowns) carry nothing to check.
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + fileName, e);
        }
        if (!entries.isEmpty() && entries.get(entries.size() - 1).action().equals(AddendaEntry.REVISE_FROM)) {
            throw new SourceFormatException(fileName, lineNumber, "file ends after \"Revise from\" without \"Revise to\"");
        }
        if (hasSummary) {
            checkSummary(fileName, summaryLine, entries, summary);
        }
        return entries;
    }

    private static AddendaEntry entry(String fileName, long lineNumber, String line) {
        if (line.length() <= LONG_START) {
            throw new SourceFormatException(fileName, lineNumber, "line too short for the order-file layout");
        }
        String action = switch (line.substring(0, ACTION_END).strip()) {
            case "Add:" -> AddendaEntry.ADD;
            case "Delete:" -> AddendaEntry.DELETE;
            case "Revise from:" -> AddendaEntry.REVISE_FROM;
            case "Revise to:" -> AddendaEntry.REVISE_TO;
            default -> throw new SourceFormatException(fileName, lineNumber,
                    "unknown action \"" + line.substring(0, ACTION_END).strip() + "\"");
        };
        char flag = line.charAt(FLAG);
        if (flag != '0' && flag != '1') {
            throw new SourceFormatException(fileName, lineNumber, "billable flag \"" + flag + "\" is not 0 or 1");
        }
        // The separators must be blank, otherwise the columns have shifted and every field would be wrong.
        if (line.charAt(CODE_START - 1) != ' ' || line.charAt(CODE_END) != ' ' || line.charAt(LONG_START - 1) != ' ') {
            throw new SourceFormatException(fileName, lineNumber, "columns are not where the order-file layout puts them");
        }
        String code = line.substring(CODE_START, CODE_END).strip();
        if (!CODE.matcher(code).matches()) {
            throw new SourceFormatException(fileName, lineNumber, "code \"" + code + "\" is not an ICD-10-CM code");
        }
        String shortDescription = line.substring(SHORT_START, SHORT_END).strip();
        String longDescription = line.substring(LONG_START).strip();
        if (shortDescription.isEmpty() || longDescription.isEmpty()) {
            throw new SourceFormatException(fileName, lineNumber, "missing description for " + code);
        }
        return new AddendaEntry(action, flag == '1', code, shortDescription, longDescription);
    }

    /** "Revise from" and "Revise to" come in adjacent pairs for the same code. */
    private static void checkRevisionPair(String fileName, long lineNumber, List<AddendaEntry> earlier, AddendaEntry entry) {
        AddendaEntry previous = earlier.isEmpty() ? null : earlier.get(earlier.size() - 1);
        boolean afterFrom = previous != null && previous.action().equals(AddendaEntry.REVISE_FROM);
        boolean isTo = entry.action().equals(AddendaEntry.REVISE_TO);
        if (afterFrom && !(isTo && previous.code().equals(entry.code()))) {
            throw new SourceFormatException(fileName, lineNumber, "\"Revise from\" " + previous.code()
                    + " is not followed by \"Revise to\" for the same code");
        }
        if (isTo && !afterFrom) {
            throw new SourceFormatException(fileName, lineNumber, "\"Revise to\" " + entry.code() + " without \"Revise from\"");
        }
    }

    private static void checkSummary(String fileName, long line, List<AddendaEntry> entries, int[] stated) {
        long adds = entries.stream().filter(e -> e.action().equals(AddendaEntry.ADD)).count();
        long deletes = entries.stream().filter(e -> e.action().equals(AddendaEntry.DELETE)).count();
        long revisions = entries.stream().filter(e -> e.action().equals(AddendaEntry.REVISE_TO)).count();
        if (adds != stated[0] || deletes != stated[1] || revisions != stated[2]) {
            throw new SourceFormatException(fileName, line, "summary states " + stated[0] + " additions, " + stated[1]
                    + " deletions, " + stated[2] + " revisions but the file lists " + adds + ", " + deletes
                    + " and " + revisions);
        }
    }
}
