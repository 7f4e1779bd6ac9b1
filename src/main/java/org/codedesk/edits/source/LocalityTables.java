package org.codedesk.edits.source;

import java.util.List;

/** Row rules shared by the GPCI and locality/county files, which CMS lays out the same way. */
final class LocalityTables {

    private LocalityTables() {
    }

    /**
     * A footnote ("*Work GPCI reflects a 1.5 floor...", "MAC Assignments as of ...") has text in its first cell only,
     * and that text is not a contractor number.
     */
    static boolean isFootnote(List<String> cells) {
        return !FieldValues.isDigits(cells.get(0)) && FieldValues.allBlank(cells.subList(1, cells.size()));
    }

    static String required(String origin, long line, String column, String text) {
        if (text.isEmpty()) {
            throw new EditsFileException(origin, line, column + ": value missing");
        }
        return text;
    }
}
