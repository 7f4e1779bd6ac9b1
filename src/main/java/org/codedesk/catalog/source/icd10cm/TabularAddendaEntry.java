package org.codedesk.catalog.source.icd10cm;

/**
 * One entry of a CDC ICD-10-CM tabular addenda (the yearly "Tabular List of Diseases and Injuries Addenda"
 * PDF), read by {@link TabularAddendaParser} and applied by {@link TabularAddendaApplier}.
 *
 * <p>A "Revise from" line and the "Revise to" line after it make one entry: action {@link Action#REVISE_TO},
 * the new content in this entry and the old one in {@link #revisedFrom()}. A lone "Revise from" (or "Revise to")
 * line stays an entry of its own with {@code revisedFrom} null.
 *
 * @param subject     what the line is
 * @param code        for {@link Subject#CODE} the code as printed ("A04.71"); for {@link Subject#SECTION} the
 *                    section's range as the tabular XML names it ("A00-A09", "C7A"); for {@link Subject#CHAPTER}
 *                    and {@link Subject#CHAPTER_TITLE} the chapter number; for {@link Subject#SEVENTH_CHARACTER}
 *                    the character; otherwise null
 * @param noteKind    for notes (header, item, lead-in, inclusion term, 7th-character note) their kind; else null
 * @param text        the line's content, wrapped lines joined: a code's title without the code, a section's or
 *                    chapter's title with its range, a note's text as the tabular XML writes it (without the
 *                    header: "underlying disease, such as:" for "Code first underlying disease, such as:",
 *                    ", if applicable:" for "Code first, if applicable:"); a header alone has ""
 * @param context     where the line sits in the book
 * @param location    file, page and line, for reports
 * @param revisedFrom the "Revise from" half of a revision, else null
 */
public record TabularAddendaEntry(Action action, Subject subject, String code, NoteKind noteKind, String text,
                                  Context context, Location location, TabularAddendaEntry revisedFrom) {

    /** The action printed in the left column. */
    public enum Action {
        NO_CHANGE("No Change"), ADD("Add"), DELETE("Delete"), REVISE_FROM("Revise from"), REVISE_TO("Revise to");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        /** As printed: "No Change", "Revise from"... */
        public String label() {
            return label;
        }
    }

    /** What a line of the addenda is. */
    public enum Subject {
        /** "Chapter 2". */
        CHAPTER,
        /** The chapter's title, "Neoplasms (C00-D49)", on the line after "Chapter 2". */
        CHAPTER_TITLE,
        /** A section (block) title with its range, "Intestinal infectious diseases (A00-A09)". */
        SECTION,
        /** A code and its title. */
        CODE,
        /** "Excludes1:", "Code first", "Use Additional"..., alone or with the group's first note after it. */
        NOTE_HEADER,
        /** A synonym printed under a code, without a header. */
        INCLUSION_TERM,
        /** A note printed under a header. */
        NOTE_ITEM,
        /** A note ending with ':' whose items follow ("code to identify:", "angiostrongyliasis due to:"). */
        LEAD_IN,
        /** A 7th-character definition, "A initial encounter". */
        SEVENTH_CHARACTER,
        /** A line of a chapter's list of blocks ("This chapter contains the following blocks:"). */
        BLOCK_LIST,
        /** A line the parser could not place; the applier skips it. */
        UNKNOWN
    }

    /**
     * Where an entry sits: the chapter number, section range and code above it (each null when none), the
     * kind of the note header it is under and the text of the lead-in it completes (null when none).
     */
    public record Context(String chapter, String section, String code, NoteKind noteKind, String leadIn) {
    }

    /** A 1-based page and line of the addenda file; the line counts the page's non-blank lines. */
    public record Location(String file, int page, int line) {

        @Override
        public String toString() {
            return file + " p." + page + " l." + line;
        }
    }

    /** The entry as a one-line description for reports, e.g. "Add Excludes2: inflammatory polyp of colon (K51.4-)". */
    public String describe() {
        StringBuilder s = new StringBuilder(action.label()).append(' ');
        switch (subject) {
            case CODE, SEVENTH_CHARACTER -> s.append(code).append(' ').append(text);
            case CHAPTER -> s.append(text);
            case NOTE_HEADER -> s.append(noteKind.label()).append(text.isEmpty() ? "" : ": " + text);
            case NOTE_ITEM, LEAD_IN -> s.append(noteKind.label()).append(" item: ").append(text);
            default -> s.append(text);
        }
        return s.toString();
    }
}
