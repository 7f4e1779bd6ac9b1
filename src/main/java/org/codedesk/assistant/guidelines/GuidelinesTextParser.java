package org.codedesk.assistant.guidelines;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the text of the ICD-10-CM Official Guidelines into sections by their heading markers: "Section I.",
 * "A.", "1.", "a.", "1)", "(a)", each one level deeper, giving paths like I.C.1.d.1. The table of contents (lines
 * ending in dot leaders and a page number, and everything before the body's "Section I.") and page footers are
 * dropped. Pure; thread-safe.
 */
public final class GuidelinesTextParser {

    private static final Pattern[] LEVELS = {
            Pattern.compile("^Section (I{1,3}|IV)\\.\\s+(.+)$"),
            Pattern.compile("^([A-Z])\\.\\s+(\\S.+)$"),
            Pattern.compile("^(\\d{1,2})\\.\\s+(\\S.+)$"),
            Pattern.compile("^([a-z])\\.\\s+(\\S.+)$"),
            Pattern.compile("^(\\d{1,2})\\)\\s+(\\S.+)$"),
            Pattern.compile("^\\(([a-z])\\)\\s+(\\S.+)$")};
    private static final Pattern FOOTER = Pattern.compile("^(Page \\d+ of \\d+|ICD-10-CM Official Guidelines for Coding and Reporting\\s*)$");
    private static final Pattern TOC_LINE = Pattern.compile("\\.{4,}\\s*\\d+\\s*$");

    private GuidelinesTextParser() {
    }

    public static List<GuidelineSection> parse(String text) {
        String[] lines = text.replace("\r", "").split("\n");
        int start = bodyStart(lines);
        String[] path = new String[LEVELS.length];
        List<GuidelineSection> sections = new ArrayList<>();
        String id = null;
        String title = null;
        StringBuilder body = new StringBuilder();
        for (int i = start; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || FOOTER.matcher(line).matches() || TOC_LINE.matcher(line).find()) {
                continue;
            }
            int level = -1;
            Matcher heading = null;
            for (int l = 0; l < LEVELS.length && level < 0; l++) {
                Matcher m = LEVELS[l].matcher(line);
                // a deeper marker only counts below its parent level (a sentence rarely starts "a. ")
                if (m.matches() && (l == 0 || path[l - 1] != null)) {
                    level = l;
                    heading = m;
                }
            }
            if (level < 0) {
                body.append(body.length() == 0 ? "" : " ").append(line);
                continue;
            }
            if (id != null) {
                sections.add(new GuidelineSection(id, title, body.toString().trim()));
            }
            path[level] = heading.group(1);
            for (int l = level + 1; l < path.length; l++) {
                path[l] = null;
            }
            id = String.join(".", java.util.Arrays.stream(path, 0, level + 1).toList());
            title = heading.group(2).trim();
            body.setLength(0);
        }
        if (id != null) {
            sections.add(new GuidelineSection(id, title, body.toString().trim()));
        }
        return sections;
    }

    /** The body begins at the first "Section I." line that is not a table-of-contents line (dot leaders, page number). */
    private static int bodyStart(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].trim().startsWith("Section I.") && !TOC_LINE.matcher(lines[i]).find()) {
                return i;
            }
        }
        return 0;
    }
}
