package org.codedesk.catalog.source.icd10cm;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.codedesk.catalog.source.SourceFormatException;
import org.codedesk.catalog.source.icd10cm.TabularAddendaEntry.Action;
import org.codedesk.catalog.source.icd10cm.TabularAddendaEntry.Context;
import org.codedesk.catalog.source.icd10cm.TabularAddendaEntry.Location;
import org.codedesk.catalog.source.icd10cm.TabularAddendaEntry.Subject;

/**
 * Reads a CDC ICD-10-CM tabular addenda PDF ({@code icd10cm_tabular_addenda_YYYY.pdf} and its variants, FY2018
 * onwards) into {@link TabularAddendaEntry}s, in the order printed.
 *
 * <p>Each line has the action in a left column (8 pt italic: "No Change", "Add", "Delete", "Revise from",
 * "Revise to") and the content indented as in the book. A line without an action continues the line above (a
 * wrapped title or note); lines printed at 16 pt or more are page titles. What a line is comes from its font
 * and its x position (PDFBox text positions), never from the plain text alone:
 * <ul>
 *   <li>bold: "Chapter n"; the chapter's title on the next line; a code and its title; a note header
 *       ("Excludes1:", "Code first", "Use Additional"...) alone or followed by the group's first note; else a
 *       section title ending with its range "(A00-A09)";</li>
 *   <li>regular: under a header, and indented more than it, a note of that header; without a header, an
 *       inclusion term of the code above, or a 7th-character note ("The appropriate 7th character is to be
 *       added...") whose more indented lines "A initial encounter" are 7th-character definitions; under a
 *       chapter before its first section, a line of the chapter's list of blocks.</li>
 * </ul>
 * A note ending with ':' is a lead-in: the lines indented more than it are its items, and so are the lines at
 * its own indentation that {@link LeadInRule#continuesItems} keeps with it (the addenda print the items of a
 * lead-in inside an Excludes list at the lead-in's indentation). Codes nest by their characters (A04.71 sits
 * under A04.7), headers under the deepest code printed to their left, within {@value #SAME_LEVEL} points.
 *
 * <p>A line the parser cannot place becomes an {@link Subject#UNKNOWN} entry rather than an error, so one odd
 * line never loses a year's changes; a file that is not a PDF, or has no action line at all, is rejected with
 * {@link SourceFormatException}. Stateless and thread-safe; a PDF (the addenda are under 1 MB) is read into memory once.
 */
public final class TabularAddendaParser {

    /** Points within which two lines are at the same indentation. */
    static final float SAME_LEVEL = 6f;
    /** The action column ends before this x (points); content starts at about 90. */
    private static final float ACTION_COLUMN_END = 80f;
    /** Page titles ("ICD-10-CM TABULAR LIST of DISEASES and INJURIES", "2018 Addenda") are 18 pt. */
    private static final float TITLE_SIZE = 16f;
    /** Content is 9-10 pt (chapters 14 pt); smaller content was typeset in the action's 8 pt font by mistake. */
    private static final float CONTENT_MIN_SIZE = 8.5f;

    private static final Pattern CHAPTER = Pattern.compile("Chapter\\s+(\\d{1,2})");
    /** A category: letter, then a digit in 2nd or 3rd place (A04, C7A, QA0), so that "HIV" is no code. */
    private static final String CATEGORY = "[A-Z](?:[0-9][0-9A-Z]|[A-Z][0-9])";
    private static final Pattern CODE_LINE = Pattern.compile("(" + CATEGORY + "(?:\\.[0-9A-Z]{1,4})?)\\s+(\\S.*)");
    private static final Pattern RANGE_AT_END =
            Pattern.compile("\\(\\s*(" + CATEGORY + ")(?:\\s*-\\s*(" + CATEGORY + "))?\\s*\\)\\s*$");
    private static final Pattern HEADER = Pattern.compile(
            "(?i)(?:(excludes\\s*1|excludes\\s*2|includes|notes?)\\s*(?::\\s*(.*)|$)"
                    + "|(code\\s+first|code\\s+also|use\\s+additional)(?=$|[\\s,:])\\s*(.*))");
    private static final Pattern SEVENTH_NOTE =
            Pattern.compile("(?i)(the appropriate 7th character|one of the following 7th character).*");
    private static final Pattern SEVENTH_DEFINITION = Pattern.compile("([0-9A-Z])\\s+(\\S.*)");
    private static final Pattern BLOCK_LINE = Pattern.compile(
            "(?i)this chapter contains the following blocks.*|" + CATEGORY + "(?:-" + CATEGORY + ")?\\s+\\S.*");

    /**
     * Reads the addenda.
     *
     * @param fileName the file's name, used in {@link TabularAddendaEntry.Location} and in errors
     * @param in       the PDF; read to its end, not closed
     * @return the entries in the order printed, never empty
     * @throws SourceFormatException when the stream is not a PDF or holds no addenda line
     */
    public List<TabularAddendaEntry> parse(String fileName, InputStream in) {
        List<Line> lines = PdfLines.read(fileName, in);
        List<TabularAddendaEntry> entries = parseLines(fileName, lines);
        if (entries.isEmpty()) {
            throw new SourceFormatException(fileName, 0, "no \"No Change\", \"Add\", \"Delete\" or \"Revise\" line: "
                    + "not an ICD-10-CM tabular addenda");
        }
        return entries;
    }

    /**
     * One printed line: its action ({@code null} for a continuation line) and where and how its content starts.
     *
     * @param x        of the content's first character, in points from the left edge
     * @param fontSize of the content's first character, in points
     * @param bold     whether the content's first character is in a bold font
     */
    record Line(int page, int line, Action action, float x, float fontSize, boolean bold, String text) {
    }

    /** The entries of already positioned lines (the PDF-independent half of {@link #parse}). */
    static List<TabularAddendaEntry> parseLines(String fileName, List<Line> lines) {
        List<Line> joined = joinContinuations(lines);
        List<TabularAddendaEntry> entries = new ArrayList<>();
        State state = new State();
        for (int i = 0; i < joined.size(); i++) {
            Line line = joined.get(i);
            if (line.action() == Action.REVISE_FROM && i + 1 < joined.size() && joined.get(i + 1).action() == Action.REVISE_TO) {
                // Both halves of a revision sit at the same place: the "to" line is read in the state before "from".
                State before = state.copy();
                TabularAddendaEntry from = classify(fileName, line, state);
                Line to = joined.get(++i);
                if (to.fontSize() < CONTENT_MIN_SIZE) {
                    to = new Line(to.page(), to.line(), to.action(), line.x(), line.fontSize(), line.bold(), to.text());
                }
                state = before;
                TabularAddendaEntry revised = classify(fileName, to, state);
                entries.add(new TabularAddendaEntry(revised.action(), revised.subject(), revised.code(), revised.noteKind(),
                        revised.text(), revised.context(), revised.location(), from));
            } else {
                entries.add(classify(fileName, line, state));
            }
        }
        return entries;
    }

    /** Appends each line without an action to the line above; drops page titles and lines before the first action. */
    private static List<Line> joinContinuations(List<Line> lines) {
        List<Line> joined = new ArrayList<>();
        for (Line line : lines) {
            if (line.fontSize() >= TITLE_SIZE || line.text().isBlank()) {
                continue;
            }
            if (line.action() != null) {
                joined.add(new Line(line.page(), line.line(), line.action(), line.x(), line.fontSize(), line.bold(),
                        normalise(line.text())));
            } else if (!joined.isEmpty()) {
                Line last = joined.remove(joined.size() - 1);
                String text = last.text().endsWith("-") ? last.text() + normalise(line.text())
                        : last.text() + " " + normalise(line.text());
                joined.add(new Line(last.page(), last.line(), last.action(), last.x(), last.fontSize(), last.bold(), text));
            }
        }
        return joined;
    }

    private static String normalise(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    /** A code printed to the left of what follows, and its indentation. */
    private record Level(String code, float x) {
    }

    /** An open note header or lead-in: its kind, indentation, text and the last item read under it. */
    private record Open(NoteKind kind, float x, String text, String lastItem) {
    }

    /** Where the reading is in the book. */
    private static final class State {
        String chapter;
        String section;
        boolean expectChapterTitle;
        boolean inBlockList;
        Deque<Level> codes = new ArrayDeque<>();
        Open header;
        Open leadIn;
        Float seventhNoteX;

        State copy() {
            State c = new State();
            c.chapter = chapter;
            c.section = section;
            c.expectChapterTitle = expectChapterTitle;
            c.inBlockList = inBlockList;
            c.codes = new ArrayDeque<>(codes);
            c.header = header;
            c.leadIn = leadIn;
            c.seventhNoteX = seventhNoteX;
            return c;
        }

        String code() {
            return codes.isEmpty() ? null : codes.peek().code();
        }

        void closeNotes() {
            header = null;
            leadIn = null;
            seventhNoteX = null;
        }

        /** Drops the codes printed at or right of {@code x}: they cannot hold a line starting at x. */
        void popCodesFrom(float x) {
            while (!codes.isEmpty() && codes.peek().x() >= x - SAME_LEVEL) {
                codes.pop();
            }
        }

        Context context(NoteKind kind, String leadInText) {
            return new Context(chapter, section, code(), kind, leadInText);
        }
    }

    private static TabularAddendaEntry classify(String fileName, Line line, State s) {
        Location at = new Location(fileName, line.page(), line.line());
        String text = line.text();
        Matcher m;
        if (line.bold()) {
            if ((m = CHAPTER.matcher(text)).matches()) {
                s.chapter = m.group(1);
                s.section = null;
                s.codes.clear();
                s.closeNotes();
                s.expectChapterTitle = true;
                s.inBlockList = false;
                return entry(line, Subject.CHAPTER, m.group(1), null, text, s.context(null, null), at);
            }
            if (s.expectChapterTitle && RANGE_AT_END.matcher(text).find()) {
                s.expectChapterTitle = line.action() == Action.REVISE_FROM;
                return entry(line, Subject.CHAPTER_TITLE, s.chapter, null, text, s.context(null, null), at);
            }
            s.expectChapterTitle = false;
            if ((m = CODE_LINE.matcher(text)).matches() && !HEADER.matcher(text).matches()) {
                String code = m.group(1);
                while (!s.codes.isEmpty() && !isAncestor(s.codes.peek().code(), code)) {
                    s.codes.pop();
                }
                Context context = s.context(null, null);
                s.codes.push(new Level(code, line.x()));
                s.closeNotes();
                s.inBlockList = false;
                return entry(line, Subject.CODE, code, null, m.group(2).strip(), context, at);
            }
            if ((m = HEADER.matcher(text)).matches()) {
                NoteKind kind = headerKind(m.group(1) != null ? m.group(1) : m.group(3));
                String rest = m.group(1) != null ? m.group(2) : m.group(4);
                String note = noteText(kind, rest == null ? "" : rest);
                s.popCodesFrom(line.x());
                s.closeNotes();
                s.inBlockList = false;
                s.header = new Open(kind, line.x(), null, null);
                if (LeadInRule.opensItems(note)) {
                    s.leadIn = new Open(kind, line.x(), note, null);
                }
                return entry(line, Subject.NOTE_HEADER, null, kind, note, s.context(kind, null), at);
            }
            if ((m = RANGE_AT_END.matcher(text)).find()) {
                s.section = m.group(2) == null ? m.group(1) : m.group(1) + "-" + m.group(2);
                s.codes.clear();
                s.closeNotes();
                s.inBlockList = false;
                return entry(line, Subject.SECTION, s.section, null, text, s.context(null, null), at);
            }
            return entry(line, Subject.UNKNOWN, null, null, text, s.context(null, null), at);
        }
        s.expectChapterTitle = false;
        if (s.seventhNoteX != null && line.x() > s.seventhNoteX + SAME_LEVEL && (m = SEVENTH_DEFINITION.matcher(text)).matches()) {
            return entry(line, Subject.SEVENTH_CHARACTER, m.group(1), null, m.group(2), s.context(null, null), at);
        }
        s.seventhNoteX = null;
        if (s.chapter != null && s.section == null && s.codes.isEmpty() && s.header == null
                && (s.inBlockList || BLOCK_LINE.matcher(text).matches())) {
            s.inBlockList = true;
            return entry(line, Subject.BLOCK_LIST, null, null, text, s.context(null, null), at);
        }
        return classifyNote(line, text, s, at);
    }

    /** A regular line that is neither a 7th-character definition nor a block: a note or inclusion term. */
    private static TabularAddendaEntry classifyNote(Line line, String text, State s, Location at) {
        float x = line.x();
        Open leadIn = s.leadIn;
        boolean item = false;
        if (leadIn != null) {
            boolean headerLeadIn = s.header != null && leadIn.x() == s.header.x();
            if (x > leadIn.x() + SAME_LEVEL) {
                item = true;
            } else if (!headerLeadIn && Math.abs(x - leadIn.x()) <= SAME_LEVEL
                    && LeadInRule.continuesItems(leadIn.kind(), leadIn.text(), leadIn.lastItem(), text)) {
                item = true;
            } else {
                s.leadIn = null;
            }
        }
        if (!item && s.header != null && x <= s.header.x() + SAME_LEVEL) {
            s.header = null;
            s.leadIn = null;
        }
        if (!item && s.header == null) {
            s.popCodesFrom(x);
        }
        if (s.chapter == null && s.codes.isEmpty()) {
            return entry(line, Subject.UNKNOWN, null, null, text, s.context(null, null), at);
        }
        if (item) {
            s.leadIn = new Open(leadIn.kind(), leadIn.x(), leadIn.text(), text);
            Subject subject = leadIn.kind() == NoteKind.INCLUSION_TERM ? Subject.INCLUSION_TERM : Subject.NOTE_ITEM;
            return entry(line, subject, null, leadIn.kind(), text, s.context(leadIn.kind(), leadIn.text()), at);
        }
        NoteKind kind;
        Subject subject;
        if (s.header != null) {
            kind = s.header.kind();
            subject = Subject.NOTE_ITEM;
        } else if (SEVENTH_NOTE.matcher(text).matches()) {
            s.seventhNoteX = x;
            return entry(line, Subject.NOTE_ITEM, null, NoteKind.SEVENTH_CHARACTER_NOTE, text,
                    s.context(NoteKind.SEVENTH_CHARACTER_NOTE, null), at);
        } else {
            kind = NoteKind.INCLUSION_TERM;
            subject = Subject.INCLUSION_TERM;
        }
        if (LeadInRule.opensItems(text)) {
            s.leadIn = new Open(kind, x, text, null);
            subject = Subject.LEAD_IN;
        }
        return entry(line, subject, null, kind, text, s.context(kind, null), at);
    }

    private static TabularAddendaEntry entry(Line line, Subject subject, String code, NoteKind kind, String text,
                                             Context context, Location at) {
        return new TabularAddendaEntry(line.action(), subject, code, kind, text, context, at, null);
    }

    /** Whether {@code ancestor} is a code above {@code code} in the hierarchy (A04 and A04.7 above A04.71). */
    static boolean isAncestor(String ancestor, String code) {
        String a = ancestor.replace(".", "");
        String c = code.replace(".", "");
        return c.length() > a.length() && c.startsWith(a);
    }

    private static NoteKind headerKind(String label) {
        String l = label.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        return switch (l) {
            case "excludes1" -> NoteKind.EXCLUDES1;
            case "excludes2" -> NoteKind.EXCLUDES2;
            case "includes" -> NoteKind.INCLUDES;
            case "codefirst" -> NoteKind.CODE_FIRST;
            case "codealso" -> NoteKind.CODE_ALSO;
            case "useadditional" -> NoteKind.USE_ADDITIONAL_CODE;
            default -> NoteKind.NOTES;
        };
    }

    /**
     * The note as the tabular XML writes it after the header: "Code first, if applicable:" keeps its comma
     * (", if applicable:"), "Use Additional code to identify:" keeps "code" ("code to identify:").
     */
    static String noteText(NoteKind kind, String rest) {
        String text = rest.strip();
        if ((kind == NoteKind.CODE_FIRST || kind == NoteKind.CODE_ALSO) && text.startsWith(",")) {
            return ", " + text.substring(1).strip();
        }
        if (text.startsWith(":")) {
            return text.substring(1).strip();
        }
        return text;
    }

    /** Collects the printed lines of a PDF with PDFBox, each with the position and font of its content. */
    private static final class PdfLines extends PDFTextStripper {

        private final List<Line> lines = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private final List<TextPosition> positions = new ArrayList<>();
        private int page;
        private int lineOnPage;

        static List<Line> read(String fileName, InputStream in) {
            return PdfText.strip(fileName, in, PdfLines::new).lines;
        }

        @Override
        protected void startPage(PDPage pdPage) {
            page = getCurrentPageNo();
            lineOnPage = 0;
            text.setLength(0);
            positions.clear();
        }

        @Override
        protected void endPage(PDPage pdPage) {
            flush();
        }

        @Override
        protected void writeString(String string, List<TextPosition> textPositions) {
            boolean aligned = string.length() == textPositions.size();
            for (int i = 0; i < string.length(); i++) {
                text.append(string.charAt(i));
                positions.add(textPositions.isEmpty() ? null : textPositions.get(aligned ? i : 0));
            }
        }

        @Override
        protected void writeWordSeparator() {
            text.append(' ');
            positions.add(null);
        }

        @Override
        protected void writeLineSeparator() {
            flush();
        }

        private void flush() {
            String string = text.toString();
            List<TextPosition> chars = new ArrayList<>(positions);
            text.setLength(0);
            positions.clear();
            int start = firstVisible(string, 0);
            if (start < 0) {
                return;
            }
            lineOnPage++;
            Action action = null;
            int content = start;
            TextPosition first = chars.get(start);
            if (first != null && first.getXDirAdj() < ACTION_COLUMN_END) {
                for (Action candidate : List.of(Action.NO_CHANGE, Action.REVISE_FROM, Action.REVISE_TO, Action.DELETE, Action.ADD)) {
                    if (string.startsWith(candidate.label(), start)) {
                        action = candidate;
                        content = firstVisible(string, start + candidate.label().length());
                        break;
                    }
                }
            }
            if (content < 0) {
                return; // an action with nothing after it
            }
            TextPosition at = chars.get(content);
            for (int i = content; at == null && i < chars.size(); i++) {
                at = chars.get(i);
            }
            if (at == null) {
                return;
            }
            lines.add(new Line(page, lineOnPage, action, at.getXDirAdj(), at.getFontSizeInPt(), PdfText.bold(at.getFont()),
                    string.substring(content)));
        }

        private static int firstVisible(String s, int from) {
            for (int i = from; i < s.length(); i++) {
                if (!Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '\u00a0') {
                    return i;
                }
            }
            return -1;
        }
    }
}
