package org.codedesk.catalog.source.icd10cm;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.codedesk.catalog.source.icd10cm.TabularAddendaEntry.Action;
import org.codedesk.catalog.source.icd10cm.TabularAddendaEntry.Context;
import org.codedesk.catalog.source.icd10cm.TabularAddendaEntry.Subject;
import org.codedesk.catalog.source.icd10cm.TabularAddendaReport.Cause;
import org.codedesk.catalog.source.icd10cm.TabularAddendaReport.Skipped;

/**
 * Applies one tabular addenda to the tabular of the release before it, giving the next release's tabular:
 * the FY2017 XML plus the FY2018 addenda gives the FY2018 tabular, and so on.
 *
 * <p>What each entry does:
 * <ul>
 *   <li>codes: "Add" inserts the code under its parent (the longest existing code it starts with; a category goes
 *       into the section the addenda prints it under) in book order: after the sibling the addenda printed last,
 *       else before the next sibling it prints, else in code order; "Delete" removes the code with everything
 *       below it, their notes and 7th characters; "Revise" changes the title;</li>
 *   <li>sections: added, retitled (a new range renames the section: "Hypertensive diseases (I10-I16)" becomes
 *       "(I10-I1A)", id I10-I1A) or deleted when empty; a chapter the tabular lacks ("Chapter 22" in FY2021) is
 *       created with its title, and a chapter title revised;</li>
 *   <li>notes and inclusion terms: matched by text (case, accents, spacing and a leading comma ignored) within
 *       the group of their owner (the code, else section, else chapter above them) and kind; "Add" puts a note
 *       after the note the addenda printed before it in the same group, else after the last item of its lead-in,
 *       else in alphabetical place (inclusion terms, Includes, Excludes) or last; "Revise" changes the text, or
 *       moves the note when the kind changes (Excludes1 to Excludes2); an item printed under a lead-in becomes
 *       that lead-in's item;</li>
 *   <li>7th-character definitions: added, revised or deleted on the code above them;</li>
 *   <li>"No Change" lines are context: they are checked, not applied.</li>
 * </ul>
 * An entry that cannot be applied is reported in {@link TabularAddendaReport#skipped()} with its file, page, line
 * and reason, and never stops the others. Every node title, note and 7th character added or revised carries the
 * release label as its {@code since}; everything else keeps its own. Sequences and orders are renumbered; a note is a
 * lead-in in the result when at least one item follows it (see {@link InstructionalNote}).
 *
 * <p>Limit: the tabular model names a note's owner by code, so a section and a category with the same id (section
 * T07 and code T07) share their notes; they are kept on the category. Stateless and thread-safe; the input
 * {@link Tabular} is not modified.
 */
public final class TabularAddendaApplier {

    /** The next release's tabular and what was done to make it. */
    public record Result(Tabular tabular, TabularAddendaReport report) {
    }

    /**
     * @param previous the tabular the addenda was written against (the FY2017 XML, or a result of this method)
     * @param entries  the addenda's entries, in printed order ({@link TabularAddendaParser#parse})
     * @param release  the label of the release the addenda makes, e.g. "FY2018" or "FY2022-04"; it becomes the
     *                 result's {@code version} and the {@code since} of what the addenda adds or revises
     */
    public Result apply(Tabular previous, List<TabularAddendaEntry> entries, String release) {
        Book book = Book.of(previous);
        Run run = new Run(book, entries, release);
        run.applyAll();
        return new Result(book.toTabular(release), new TabularAddendaReport(release, run.applied, run.skipped));
    }

    // --- the mutable copy of the tabular an addenda is applied to --------------------------------------------

    private static final class Node {
        final TabularNode.Kind kind;
        String code;
        String description;
        boolean placeholder;
        String since;
        Node parent;
        final List<Node> children = new ArrayList<>();
        Map<NoteKind, List<Note>> notes = new LinkedHashMap<>();
        final List<Seventh> sevenths = new ArrayList<>();

        Node(TabularNode.Kind kind, String code, String description, boolean placeholder, String since) {
            this.kind = kind;
            this.code = code;
            this.description = description;
            this.placeholder = placeholder;
            this.since = since;
        }

        /** The notes of a kind, created empty in the canonical place ({@link NoteKind} order) when missing. */
        List<Note> group(NoteKind kind) {
            List<Note> group = notes.get(kind);
            if (group == null) {
                group = new ArrayList<>();
                Map<NoteKind, List<Note>> reordered = new LinkedHashMap<>();
                boolean placed = false;
                for (Map.Entry<NoteKind, List<Note>> e : notes.entrySet()) {
                    if (!placed && e.getKey().ordinal() > kind.ordinal()) {
                        reordered.put(kind, group);
                        placed = true;
                    }
                    reordered.put(e.getKey(), e.getValue());
                }
                if (!placed) {
                    reordered.put(kind, group);
                }
                notes = reordered;
            }
            return group;
        }

        String label() {
            return switch (kind) {
                case CHAPTER -> "chapter " + code;
                case SECTION -> "section " + code;
                case DIAG -> code;
            };
        }
    }

    private static final class Note {
        final NoteKind kind;
        String text;
        String since;
        Note leadIn;

        Note(NoteKind kind, String text, String since) {
            this.kind = kind;
            this.text = text;
            this.since = since;
        }
    }

    private static final class Seventh {
        final String character;
        String meaning;
        String since;

        Seventh(String character, String meaning, String since) {
            this.character = character;
            this.meaning = meaning;
            this.since = since;
        }
    }

    private static final class Book {
        final List<Node> chapters = new ArrayList<>();
        final Map<String, Node> chaptersByNumber = new HashMap<>();
        final Map<String, Node> sectionsById = new HashMap<>();
        /** Codes without their dot, so that "A04.71" finds its parent "A04.7" by prefix. */
        final Map<String, Node> diagsByKey = new HashMap<>();

        static Book of(Tabular tabular) {
            Book book = new Book();
            for (TabularNode n : tabular.nodes()) {
                Node node = new Node(n.kind(), n.code(), n.description(), n.placeholder(), n.since());
                Node parent = switch (n.kind()) {
                    case CHAPTER -> null;
                    case SECTION -> book.chaptersByNumber.get(n.parent());
                    case DIAG -> key(n.code()).length() == 3 ? book.sectionsById.get(n.parent()) : book.diag(n.parent());
                };
                if (n.kind() == TabularNode.Kind.CHAPTER) {
                    book.chapters.add(node);
                } else if (parent == null) {
                    throw new IllegalArgumentException(n.code() + ": parent " + n.parent() + " is not in the tabular");
                } else {
                    node.parent = parent;
                    parent.children.add(node);
                }
                book.index(node);
            }
            for (InstructionalNote n : tabular.notes()) {
                Node owner = book.owner(n.owner());
                if (owner == null) {
                    throw new IllegalArgumentException("note of " + n.owner() + ", which is not in the tabular");
                }
                List<Note> group = owner.group(n.kind());
                Note note = new Note(n.kind(), n.text(), n.since());
                if (n.isItem() && n.leadInSequence() <= group.size()) {
                    note.leadIn = group.get(n.leadInSequence() - 1);
                }
                group.add(note);
            }
            for (SeventhCharacter s : tabular.seventhCharacters()) {
                Node owner = book.owner(s.owner());
                if (owner == null) {
                    throw new IllegalArgumentException("7th character of " + s.owner() + ", which is not in the tabular");
                }
                owner.sevenths.add(new Seventh(s.character(), s.meaning(), s.since()));
            }
            return book;
        }

        Node diag(String code) {
            return code == null ? null : diagsByKey.get(key(code));
        }

        /** The node a note's owner names: a code wins over a section of the same id, then section, then chapter. */
        Node owner(String code) {
            Node diag = diag(code);
            if (diag != null) {
                return diag;
            }
            Node section = sectionsById.get(code);
            return section != null ? section : chaptersByNumber.get(code);
        }

        void index(Node node) {
            switch (node.kind) {
                case CHAPTER -> chaptersByNumber.put(node.code, node);
                case SECTION -> sectionsById.put(node.code, node);
                case DIAG -> diagsByKey.put(key(node.code), node);
            }
        }

        void unindex(Node node) {
            switch (node.kind) {
                case CHAPTER -> chaptersByNumber.remove(node.code);
                case SECTION -> sectionsById.remove(node.code);
                case DIAG -> diagsByKey.remove(key(node.code));
            }
            node.children.forEach(this::unindex);
        }

        Tabular toTabular(String release) {
            List<TabularNode> nodes = new ArrayList<>();
            List<InstructionalNote> notes = new ArrayList<>();
            List<SeventhCharacter> sevenths = new ArrayList<>();
            for (Node chapter : chapters) {
                emit(chapter, nodes, notes, sevenths);
            }
            return new Tabular(release, List.copyOf(nodes), List.copyOf(notes), List.copyOf(sevenths));
        }

        private static void emit(Node node, List<TabularNode> nodes, List<InstructionalNote> notes, List<SeventhCharacter> sevenths) {
            nodes.add(new TabularNode(node.kind, node.code, node.description, node.parent == null ? null : node.parent.code,
                    nodes.size() + 1, node.placeholder, node.since));
            for (Map.Entry<NoteKind, List<Note>> e : node.notes.entrySet()) {
                List<Note> group = e.getValue();
                for (int i = 0; i < group.size(); i++) {
                    Note note = group.get(i);
                    int leadIn = note.leadIn == null ? 0 : group.indexOf(note.leadIn) + 1;
                    boolean hasItems = false;
                    for (Note other : group) {
                        hasItems |= other.leadIn == note;
                    }
                    notes.add(new InstructionalNote(node.code, note.kind, note.text, i + 1, hasItems, leadIn, note.since));
                }
            }
            for (Seventh s : node.sevenths) {
                sevenths.add(new SeventhCharacter(node.code, s.character, s.meaning, s.since));
            }
            for (Node child : node.children) {
                emit(child, nodes, notes, sevenths);
            }
        }
    }

    /** A code without its dot, upper case: the key codes are compared by. */
    static String key(String code) {
        return code.replace(".", "").toUpperCase(Locale.ROOT);
    }

    /**
     * The text a note is matched by: accents folded, lower case, without spaces, without the comma or colon
     * a note may start with and the period it may end with, with typographic dashes and quotes made plain.
     */
    static String textKey(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[\\u2010-\\u2015]", "-")
                .replaceAll("[\\u2018\\u2019\\u2032]", "'")
                .replaceAll("[\\u201c\\u201d]", "\"")
                .replaceAll("\\s+", "");
        int start = 0;
        while (start < s.length() && (s.charAt(start) == ',' || s.charAt(start) == ':')) {
            start++;
        }
        int end = s.length();
        while (end > start && s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(start, end);
    }

    private static String looseKey(String text) {
        return textKey(text.replaceAll("(?i)\\b(the|a|an)\\b", " ").replaceAll("[,;:.]", " "));
    }

    // --- one application --------------------------------------------------------------------------------------

    private static final class Run {
        final Book book;
        final List<TabularAddendaEntry> entries;
        final String release;
        final List<TabularAddendaEntry> applied = new ArrayList<>();
        final List<Skipped> skipped = new ArrayList<>();
        Node currentChapter;
        Node currentSection;
        Node lastSection;
        Node lastCode;
        Note lastNote;
        List<Note> lastNoteGroup;
        /** Codes this addenda deleted, with everything below them: later lines about them are already done. */
        final Set<String> deleted = new HashSet<>();

        Run(Book book, List<TabularAddendaEntry> entries, String release) {
            this.book = book;
            this.entries = entries;
            this.release = release;
        }

        void applyAll() {
            for (int i = 0; i < entries.size(); i++) {
                TabularAddendaEntry entry = entries.get(i);
                try {
                    String problem = applyOne(entry, i);
                    if (problem == null) {
                        applied.add(entry);
                    }
                } catch (RuntimeException e) {
                    skip(entry, Cause.FAILED, entry.describe() + ": " + e);
                }
            }
        }

        /** Applies one entry; returns null when applied, else the reason it was skipped (already recorded). */
        private String applyOne(TabularAddendaEntry e, int index) {
            if (e.action() == Action.REVISE_FROM || (e.action() == Action.REVISE_TO && e.revisedFrom() == null)) {
                return skip(e, Cause.UNPAIRED_REVISION, e.action().label() + " without its pair: " + e.describe());
            }
            return switch (e.subject()) {
                case CHAPTER -> chapter(e, index);
                case CHAPTER_TITLE -> chapterTitle(e);
                case SECTION -> section(e);
                case CODE -> code(e, index);
                case NOTE_HEADER -> e.text().isEmpty() ? null : note(e);
                case INCLUSION_TERM, NOTE_ITEM, LEAD_IN -> note(e);
                case SEVENTH_CHARACTER -> seventh(e);
                case BLOCK_LIST -> skip(e, Cause.NOT_MODELLED, "a chapter's list of blocks is not kept: " + e.describe());
                case UNKNOWN -> skip(e, Cause.UNRECOGNISED, "line not recognised: " + e.text());
            };
        }

        private String skip(TabularAddendaEntry e, Cause cause, String reason) {
            skipped.add(new Skipped(e, cause, reason));
            return reason;
        }

        // --- chapters and sections ---

        private String chapter(TabularAddendaEntry e, int index) {
            Node chapter = book.chaptersByNumber.get(e.code());
            if (chapter == null) {
                if (e.action() == Action.DELETE) {
                    return skip(e, Cause.NOT_FOUND, "Delete: chapter " + e.code() + " not found");
                }
                // "Chapter 22" is printed as context in FY2021 though the FY2017 tabular has 21 chapters.
                TabularAddendaEntry next = index + 1 < entries.size() ? entries.get(index + 1) : null;
                String title = next != null && next.subject() == Subject.CHAPTER_TITLE ? next.text() : e.text();
                chapter = new Node(TabularNode.Kind.CHAPTER, e.code(), title, false, release);
                int at = 0;
                while (at < book.chapters.size() && chapterNumber(book.chapters.get(at)) < Integer.parseInt(e.code())) {
                    at++;
                }
                book.chapters.add(at, chapter);
                book.index(chapter);
            } else if (e.action() == Action.DELETE) {
                return skip(e, Cause.NOT_MODELLED, "Delete of a whole chapter is not applied: " + e.describe());
            }
            currentChapter = chapter;
            currentSection = null;
            lastSection = null;
            lastCode = null;
            return null;
        }

        private static int chapterNumber(Node chapter) {
            try {
                return Integer.parseInt(chapter.code);
            } catch (NumberFormatException ex) {
                return Integer.MAX_VALUE;
            }
        }

        private String chapterTitle(TabularAddendaEntry e) {
            Node chapter = e.code() == null ? currentChapter : book.chaptersByNumber.get(e.code());
            if (chapter == null) {
                return skip(e, Cause.NO_CONTEXT, e.describe() + ": chapter not found");
            }
            if (e.action() == Action.REVISE_TO || (e.action() == Action.ADD && !e.text().equals(chapter.description))) {
                chapter.description = e.text();
                chapter.since = release;
            }
            return null;
        }

        private String section(TabularAddendaEntry e) {
            String id = e.code();
            Node chapter = chapterOf(e);
            switch (e.action()) {
                case REVISE_TO -> {
                    TabularAddendaEntry from = e.revisedFrom();
                    Node section = findSection(from.code(), from.text());
                    if (section == null) {
                        Node already = findSection(id, e.text());
                        if (already != null && textKey(already.description).equals(textKey(e.text()))) {
                            enterSection(already);
                            return skip(e, Cause.ALREADY_PRESENT, "Revise: section " + id + " already reads " + e.text());
                        }
                        return skip(e, Cause.NOT_FOUND, "Revise: section " + from.code() + " not found (" + from.text() + ")");
                    }
                    book.sectionsById.remove(section.code);
                    section.code = id;
                    section.description = e.text();
                    section.since = release;
                    book.index(section);
                    enterSection(section);
                    return null;
                }
                case ADD -> {
                    Node existing = book.sectionsById.get(id);
                    if (existing != null) {
                        enterSection(existing);
                        return skip(e, Cause.ALREADY_PRESENT, "Add: section " + id + " already present");
                    }
                    if (chapter == null) {
                        return skip(e, Cause.NO_CONTEXT, "Add: section " + id + " outside any chapter");
                    }
                    Node section = new Node(TabularNode.Kind.SECTION, id, e.text(), false, release);
                    section.parent = chapter;
                    // after the section printed last in this chapter, else in range order
                    int at = lastSection != null && lastSection.parent == chapter ? chapter.children.indexOf(lastSection) + 1 : -1;
                    if (at <= 0) {
                        at = 0;
                        while (at < chapter.children.size() && chapter.children.get(at).code.compareTo(id) < 0) {
                            at++;
                        }
                    }
                    chapter.children.add(at, section);
                    book.index(section);
                    enterSection(section);
                    return null;
                }
                case DELETE -> {
                    Node section = findSection(id, e.text());
                    if (section == null) {
                        return skip(e, Cause.NOT_FOUND, "Delete: section " + id + " not found");
                    }
                    if (!section.children.isEmpty()) {
                        enterSection(section);
                        return skip(e, Cause.NOT_MODELLED, "Delete: section " + id + " still holds " + section.children.size() + " codes");
                    }
                    section.parent.children.remove(section);
                    book.unindex(section);
                    currentSection = null;
                    return null;
                }
                default -> {
                    Node section = findSection(id, e.text());
                    if (section == null) {
                        currentSection = null;
                        return skip(e, Cause.NOT_FOUND, "No Change: section " + id + " not found (" + e.text() + ")");
                    }
                    enterSection(section);
                    return null;
                }
            }
        }

        private void enterSection(Node section) {
            currentSection = section;
            lastSection = section;
            currentChapter = section.parent;
            lastCode = null;
        }

        /** By id, else by title (without its range) within the current chapter. */
        private Node findSection(String id, String title) {
            Node section = id == null ? null : book.sectionsById.get(id);
            if (section != null || currentChapter == null) {
                return section;
            }
            String wanted = textKey(withoutRange(title));
            for (Node child : currentChapter.children) {
                if (child.kind == TabularNode.Kind.SECTION && textKey(withoutRange(child.description)).equals(wanted)) {
                    return child;
                }
            }
            return null;
        }

        private static String withoutRange(String title) {
            return title.replaceAll("\\([^()]*\\)\\s*$", "");
        }

        private Node chapterOf(TabularAddendaEntry e) {
            Node chapter = e.context().chapter() == null ? null : book.chaptersByNumber.get(e.context().chapter());
            return chapter != null ? chapter : currentChapter;
        }

        // --- codes ---

        private String code(TabularAddendaEntry e, int index) {
            String code = e.code();
            Node node = book.diag(code);
            switch (e.action()) {
                case ADD -> {
                    if (node != null) {
                        lastCode = node;
                        return skip(e, Cause.ALREADY_PRESENT, "Add: " + code + " already present");
                    }
                    Node parent = parentFor(code, e);
                    if (parent == null) {
                        return skip(e, Cause.NO_CONTEXT, "Add: no parent for " + code + " (section "
                                + e.context().section() + " not found)");
                    }
                    node = new Node(TabularNode.Kind.DIAG, code, e.text(), code.endsWith("X"), release);
                    node.parent = parent;
                    parent.children.add(position(parent, node, index), node);
                    book.index(node);
                    lastCode = node;
                    return null;
                }
                case DELETE -> {
                    if (node == null) {
                        // The addenda list the codes below a deleted code too (S63.13 then S63.131...).
                        return deleted.contains(key(code)) ? null : skip(e, Cause.NOT_FOUND, "Delete: " + code + " not found");
                    }
                    List<Node> siblings = node.parent.children;
                    int at = siblings.indexOf(node);
                    siblings.remove(at);
                    book.unindex(node);
                    markDeleted(node);
                    lastCode = at > 0 ? siblings.get(at - 1) : node.parent;
                    return null;
                }
                case REVISE_TO -> {
                    TabularAddendaEntry from = e.revisedFrom();
                    if (from.subject() != Subject.CODE || !key(from.code()).equals(key(code))) {
                        return skip(e, Cause.NOT_MODELLED, "Revise from " + from.describe() + " to another code " + code);
                    }
                    if (node == null) {
                        return skip(e, Cause.NOT_FOUND, "Revise: " + code + " not found");
                    }
                    node.description = e.text();
                    node.since = release;
                    lastCode = node;
                    return null;
                }
                default -> {
                    if (node == null) {
                        return skip(e, Cause.NOT_FOUND, "No Change: " + code + " not found");
                    }
                    lastCode = node;
                    return null;
                }
            }
        }

        private void markDeleted(Node node) {
            deleted.add(key(node.code));
            node.children.forEach(this::markDeleted);
        }

        /** The longest existing code the new code starts with; a category's parent is its section. */
        private Node parentFor(String code, TabularAddendaEntry e) {
            String key = key(code);
            for (int length = key.length() - 1; length >= 3; length--) {
                Node candidate = book.diagsByKey.get(key.substring(0, length));
                if (candidate != null) {
                    return candidate;
                }
            }
            if (key.length() == 3 || book.diagsByKey.get(key.substring(0, 3)) == null) {
                Node section = e.context().section() == null ? null : book.sectionsById.get(e.context().section());
                return section != null ? section : currentSection;
            }
            return null;
        }

        /**
         * Where a new child goes among its parent's children. The addenda print codes in book order but leave unchanged
         * siblings out, so the place is bounded by the sibling printed last before the new code (or whose codes were)
         * and the next sibling printed after it (up to the next section). Within those bounds: a code ending with a
         * digit goes in code order (A41.54 after the unprinted A41.53); a code ending with a letter goes right before
         * the next printed sibling (S06.1XA before S06.1X9), else in code order after the last printed one (C81.0A
         * after C81.09), else, when no sibling is printed, after the letter siblings before it (G40.C after G40.B,
         * before G40.4). The book has no single rule for letters (J4A comes between J44 and J45, R10.A after R10.9):
         * these rules put all but 6 of the codes added from FY2018 to FY2026 where the FY2026 order file has them.
         */
        private int position(Node parent, Node node, int index) {
            List<Node> children = parent.children;
            Node anchor = lastCode;
            while (anchor != null && anchor.parent != parent) {
                anchor = anchor.parent;
            }
            int low = anchor == null ? 0 : children.indexOf(anchor) + 1;
            int high = -1;
            for (int j = index + 1; j < entries.size() && high < 0; j++) {
                TabularAddendaEntry next = entries.get(j);
                if (next.subject() == Subject.SECTION || next.subject() == Subject.CHAPTER) {
                    break;
                }
                if (next.subject() == Subject.CODE) {
                    Node sibling = book.diag(next.code());
                    while (sibling != null && sibling.parent != parent) {
                        sibling = sibling.parent;
                    }
                    int before = sibling == null ? -1 : children.indexOf(sibling);
                    if (before >= low) {
                        high = before;
                    } else if (before >= 0) {
                        break;
                    }
                }
            }
            String code = node.code;
            if (!endsWithLetter(code)) {
                return Math.min(codeOrder(children, low, code), high < 0 ? children.size() : high);
            }
            if (high >= 0) {
                return high;
            }
            if (anchor != null) {
                return codeOrder(children, low, code);
            }
            int at = 0;
            for (int i = 0; i < children.size(); i++) {
                if (endsWithLetter(children.get(i).code) && children.get(i).code.compareTo(code) < 0) {
                    at = i + 1;
                }
            }
            return at > 0 ? at : codeOrder(children, 0, code);
        }

        /** From {@code from}, past the siblings whose codes sort before {@code code}. */
        private static int codeOrder(List<Node> children, int from, String code) {
            int at = from;
            while (at < children.size() && children.get(at).code.compareTo(code) < 0) {
                at++;
            }
            return at;
        }

        private static boolean endsWithLetter(String code) {
            return Character.isLetter(code.charAt(code.length() - 1));
        }

        // --- notes ---

        /** The node a note entry belongs to: the code above it, else its section, else its chapter. */
        private Node ownerOf(TabularAddendaEntry e) {
            Context c = e.context();
            if (c.code() != null) {
                return book.diag(c.code());
            }
            if (c.section() != null) {
                Node section = book.sectionsById.get(c.section());
                return section != null ? section : currentSection;
            }
            return chapterOf(e);
        }

        private String where(Node owner, NoteKind kind) {
            return owner.label() + " " + kind.label();
        }

        private String note(TabularAddendaEntry e) {
            Node owner = ownerOf(e);
            if (owner == null && e.action() == Action.DELETE && e.context().code() != null && deleted.contains(key(e.context().code()))) {
                return null; // the note went with its code
            }
            if (owner == null) {
                return skip(e, Cause.NO_CONTEXT, e.action().label() + ": " + (e.context().code() != null
                        ? e.context().code() : "section " + e.context().section()) + " not found for " + e.describe());
            }
            NoteKind kind = e.noteKind();
            switch (e.action()) {
                case ADD -> {
                    List<Note> group = owner.group(kind);
                    Note existing = find(group, e.text());
                    if (existing != null) {
                        remember(existing, group);
                        return skip(e, Cause.ALREADY_PRESENT, "Add: text already under " + where(owner, kind) + ": " + e.text());
                    }
                    insert(owner, kind, e.text(), e.context().leadIn());
                    return null;
                }
                case DELETE -> {
                    List<Note> group = owner.notes.get(kind);
                    Note found = group == null ? null : find(group, e.text());
                    if (found == null) {
                        return skip(e, Cause.NOT_FOUND, "Delete: text not found under " + where(owner, kind) + ": " + e.text());
                    }
                    remove(owner, group, found);
                    return null;
                }
                case REVISE_TO -> {
                    TabularAddendaEntry from = e.revisedFrom();
                    if (from.noteKind() == null) {
                        return skip(e, Cause.NOT_MODELLED, "Revise from " + from.describe() + " to a note");
                    }
                    List<Note> fromGroup = owner.notes.get(from.noteKind());
                    Note found = fromGroup == null ? null : find(fromGroup, from.text());
                    if (found == null) {
                        List<Note> toGroup = owner.notes.get(kind);
                        Note revised = toGroup == null ? null : find(toGroup, e.text());
                        if (revised != null) {
                            remember(revised, toGroup);
                            return skip(e, Cause.ALREADY_PRESENT, "Revise: already reads " + e.text() + " under " + where(owner, kind));
                        }
                        return skip(e, Cause.NOT_FOUND, "Revise: text not found under " + where(owner, from.noteKind()) + ": " + from.text());
                    }
                    if (from.noteKind() == kind) {
                        found.text = e.text();
                        found.since = release;
                        if (!LeadInRule.opensItems(found.text)) {
                            // "bacterial:" revised to "bacterial meningoencephalitis (G04.2)" no longer has items
                            fromGroup.forEach(n -> n.leadIn = n.leadIn == found ? null : n.leadIn);
                        }
                        remember(found, fromGroup);
                    } else {
                        remove(owner, fromGroup, found);
                        insert(owner, kind, e.text(), e.context().leadIn());
                    }
                    return null;
                }
                default -> {
                    List<Note> group = owner.notes.get(kind);
                    Note found = group == null ? null : find(group, e.text());
                    if (found == null) {
                        return skip(e, Cause.NOT_FOUND, "No Change: text not found under " + where(owner, kind) + ": " + e.text());
                    }
                    remember(found, group);
                    return null;
                }
            }
        }

        private void remember(Note note, List<Note> group) {
            lastNote = note;
            lastNoteGroup = group;
        }

        /**
         * The note of the group with this text; failing that, the only note that reads the same without articles
         * and punctuation (the XML has "code to identify presence of:" where the book prints "the presence of").
         */
        private static Note find(List<Note> group, String text) {
            String wanted = textKey(text);
            for (Note note : group) {
                if (textKey(note.text).equals(wanted)) {
                    return note;
                }
            }
            String loose = looseKey(text);
            Note match = null;
            for (Note note : group) {
                if (looseKey(note.text).equals(loose)) {
                    if (match != null) {
                        return null;
                    }
                    match = note;
                }
            }
            return match;
        }

        private void insert(Node owner, NoteKind kind, String text, String leadInText) {
            List<Note> group = owner.group(kind);
            Note note = new Note(kind, text, release);
            note.leadIn = leadInText == null ? null : find(group, leadInText);
            Note anchor = lastNoteGroup == group && group.contains(lastNote) ? lastNote : null;
            int at;
            if (anchor != null) {
                boolean sameBlock = note.leadIn != null && (anchor == note.leadIn || anchor.leadIn == note.leadIn);
                at = sameBlock ? group.indexOf(anchor) + 1 : endOfBlock(group, anchor);
            } else if (note.leadIn != null) {
                at = endOfBlock(group, note.leadIn);
            } else if (LeadInRule.isAlphabetical(kind)) {
                String sortKey = LeadInRule.sortKey(text);
                at = group.size();
                for (int i = 0; i < group.size(); i++) {
                    Note other = group.get(i);
                    if (other.leadIn == null && LeadInRule.sortKey(other.text).compareTo(sortKey) > 0) {
                        at = i;
                        break;
                    }
                }
            } else {
                at = group.size();
            }
            group.add(at, note);
            remember(note, group);
        }

        /** The index after the lead-in block {@code note} belongs to (the note itself when it is standalone). */
        private static int endOfBlock(List<Note> group, Note note) {
            Note head = note.leadIn != null ? note.leadIn : note;
            int at = group.indexOf(head) + 1;
            while (at < group.size() && group.get(at).leadIn == head) {
                at++;
            }
            return Math.max(at, group.indexOf(note) + 1);
        }

        private void remove(Node owner, List<Note> group, Note note) {
            int at = group.indexOf(note);
            group.remove(at);
            for (Note other : group) {
                if (other.leadIn == note) {
                    other.leadIn = null;
                }
            }
            if (group.isEmpty()) {
                owner.notes.remove(note.kind);
                lastNote = null;
                lastNoteGroup = null;
            } else {
                remember(group.get(Math.max(0, at - 1)), group);
            }
        }

        // --- 7th characters ---

        private String seventh(TabularAddendaEntry e) {
            Node owner = ownerOf(e);
            if (owner == null) {
                return skip(e, Cause.NO_CONTEXT, e.action().label() + ": " + e.context().code() + " not found for 7th character " + e.code());
            }
            Seventh existing = null;
            String wanted = e.action() == Action.REVISE_TO ? e.revisedFrom().code() : e.code();
            for (Seventh s : owner.sevenths) {
                if (s.character.equals(wanted)) {
                    existing = s;
                }
            }
            switch (e.action()) {
                case ADD -> {
                    if (existing != null) {
                        return skip(e, Cause.ALREADY_PRESENT, "Add: 7th character " + e.code() + " already defined at " + owner.label());
                    }
                    owner.sevenths.add(new Seventh(e.code(), e.text(), release));
                    return null;
                }
                case DELETE -> {
                    if (existing == null) {
                        return skip(e, Cause.NOT_FOUND, "Delete: 7th character " + e.code() + " not found at " + owner.label());
                    }
                    owner.sevenths.remove(existing);
                    return null;
                }
                case REVISE_TO -> {
                    if (existing == null) {
                        return skip(e, Cause.NOT_FOUND, "Revise: 7th character " + wanted + " not found at " + owner.label());
                    }
                    owner.sevenths.set(owner.sevenths.indexOf(existing), new Seventh(e.code(), e.text(), release));
                    return null;
                }
                default -> {
                    return existing == null
                            ? skip(e, Cause.NOT_FOUND, "No Change: 7th character " + e.code() + " not found at " + owner.label())
                            : null;
                }
            }
        }
    }
}
