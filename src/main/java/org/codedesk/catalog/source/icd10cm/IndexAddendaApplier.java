package org.codedesk.catalog.source.icd10cm;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codedesk.catalog.source.icd10cm.IndexAddendaEntry.Cell;
import org.codedesk.catalog.source.icd10cm.IndexAddendaEntry.Printed;
import org.codedesk.catalog.source.icd10cm.TabularAddendaEntry.Action;
import org.codedesk.catalog.source.icd10cm.TabularAddendaReport.Cause;

/**
 * Applies the entries of one index addenda to an {@link IndexFile} (the index of the year before) and gives the index
 * of the addenda's release. Each entry's place is the path of the lines above it with fewer dashes ("No Change" lines
 * included); a term is found under its parent by its title with its nonessential modifiers, compared on letters and
 * digits only (the PDFs break words with hyphens), else by its title without them.
 * <ul>
 *   <li>Add: a new term under the parent, with its code, cross-references and (tables) cells, in alphabetical place;</li>
 *   <li>Delete: the term and its subterms leave the index (the lines after it may still name them as their parent);</li>
 *   <li>Revise from/to: the term found by its old line takes the new line's title, code and cross-references;</li>
 *   <li>a table row's cells: an added or revised cell takes its new code, a deleted one a dash;</li>
 *   <li>a "Note: ..." line is a note of the term printed above it with as many dashes: filed under that term as the XML
 *   files notes (a subterm without a code, first), never the parent of the lines after it.</li>
 * </ul>
 * An entry that cannot be applied (its term or its parent is not there, an Add already made, a revision without its
 * other half) is reported in the {@link IndexAddendaReport} and skipped; the rest of the addenda still applies.
 * Not thread-safe per call; instances hold no state.
 */
public final class IndexAddendaApplier {

    /**
     * Changes when what the applier makes of the same addenda changes (2: notes of the index under their term); part of
     * the fingerprint of the releases whose indexes it rebuilds, so that an import rebuilds them again.
     */
    public static final int REVISION = 2;

    private static final Pattern NEMOD = Pattern.compile("^(.*?\\S)\\s*((?:\\([^()]*\\)\\s*)+)$");
    /** Columns printed in the addenda: the code columns, without the term's. */
    private static final int PRINTED_COLUMNS = 6;

    /** The index after the addenda, and what was applied and skipped. */
    public record Result(IndexFile index, IndexAddendaReport report) {
    }

    public Result apply(IndexFile index, List<IndexAddendaEntry> entries, String release) {
        Tree tree = new Tree(index);
        int offset = index.headings().isEmpty() ? 0 : index.headings().size() - PRINTED_COLUMNS;
        List<IndexAddendaReport.Skipped> skipped = new ArrayList<>();
        int applied = 0;
        List<Node> stack = new ArrayList<>();
        for (IndexAddendaEntry e : entries) {
            int level = e.level();
            if (isNote(e.term().title())) {
                applied += note(tree, stack, e, offset, skipped) ? 1 : 0;
                continue;
            }
            while (stack.size() > level) {
                stack.remove(stack.size() - 1);
            }
            Node parent = level == 0 ? tree.root : level - 1 < stack.size() ? stack.get(level - 1) : null;
            while (stack.size() < level) {
                stack.add(null);
            }
            if (parent == null) {
                skipped.add(new IndexAddendaReport.Skipped(e, Cause.NO_CONTEXT, "the term above it was not found"));
                stack.add(null);
                continue;
            }
            try {
                Outcome outcome = apply(tree, parent, e, offset);
                stack.add(outcome.node());
                if (outcome.cause() != null) {
                    skipped.add(new IndexAddendaReport.Skipped(e, outcome.cause(), outcome.reason() + " under "
                            + (parent == tree.root ? "the index" : parent.path())));
                } else if (outcome.changed()) {
                    applied++;
                }
            } catch (RuntimeException ex) {
                skipped.add(new IndexAddendaReport.Skipped(e, Cause.FAILED, String.valueOf(ex.getMessage())));
                stack.add(null);
            }
        }
        return new Result(tree.toFile(), new IndexAddendaReport(release, index.kind(), applied, skipped));
    }

    /**
     * A note of the index ("Note: heart failure stages A, B, C, and D are based on ..."): the addenda print it among the
     * subterms of the term it belongs to, with that term's dashes ("- heart (acute) ... I50.9", "- - following cardiac
     * surgery", "- Note: heart failure stages ...", "- - stage A Z91.89"), so it belongs to the term printed above it with
     * as many dashes (or, if there is none, to the term it would be a subterm of). It is filed as the index XML files its
     * notes: a subterm of its term without a code, before the term's other subterms; and it is no term: the lines after it
     * stay under its term ("stage A" is "Failure > heart > stage A", not a subterm of the note). Whether it changed anything.
     */
    private static boolean note(Tree tree, List<Node> stack, IndexAddendaEntry e, int offset,
                                List<IndexAddendaReport.Skipped> skipped) {
        int level = e.level();
        Node owner = level < stack.size() ? stack.get(level) : null;
        int keep = level + 1;
        if (owner == null) {
            owner = level == 0 ? null : level - 1 < stack.size() ? stack.get(level - 1) : null;
            keep = level;
        }
        if (owner == null) {
            skipped.add(new IndexAddendaReport.Skipped(e, Cause.NO_CONTEXT, "the term the note belongs to was not found"));
            return false;
        }
        while (stack.size() > keep) {
            stack.remove(stack.size() - 1);
        }
        try {
            Outcome outcome = apply(tree, owner, e, offset);
            if (outcome.cause() != null) {
                skipped.add(new IndexAddendaReport.Skipped(e, outcome.cause(), outcome.reason() + " under " + owner.path()));
                return false;
            }
            return outcome.changed();
        } catch (RuntimeException ex) {
            skipped.add(new IndexAddendaReport.Skipped(e, Cause.FAILED, String.valueOf(ex.getMessage())));
            return false;
        }
    }

    /** A note of the index, printed (and filed by the index XML) as a line of its own: "Note: the following terms ...". */
    static boolean isNote(String title) {
        return title != null && title.regionMatches(true, 0, "Note:", 0, 5);
    }

    /** What one entry did: the term the lines below it hang from (null if none), whether it changed anything, or why not. */
    private record Outcome(Node node, boolean changed, Cause cause, String reason) {
        static Outcome done(Node node, boolean changed) {
            return new Outcome(node, changed, null, null);
        }

        static Outcome skip(Node node, Cause cause, String reason) {
            return new Outcome(node, false, cause, reason);
        }
    }

    private static Outcome apply(Tree tree, Node parent, IndexAddendaEntry e, int offset) {
        Printed p = e.term();
        switch (e.action()) {
            case NO_CHANGE -> {
                Node node = parent.find(p);
                if (node == null) {
                    return Outcome.skip(null, Cause.NOT_FOUND, "no such term");
                }
                return Outcome.done(node, setCells(node, e.cells(), offset));
            }
            case ADD -> {
                Node existing = parent.findExact(p);
                if (existing != null) {
                    return Outcome.skip(existing, Cause.ALREADY_PRESENT, "the term is already there");
                }
                Node node = new Node();
                node.set(p);
                setCells(node, e.cells(), offset);
                parent.insert(node);
                return Outcome.done(node, true);
            }
            case DELETE -> {
                Node node = parent.find(p);
                if (node == null) {
                    return Outcome.skip(null, Cause.NOT_FOUND, "no such term");
                }
                parent.remove(node);
                return Outcome.done(node, true);
            }
            case REVISE_TO -> {
                if (e.revisedFrom() == null) {
                    return Outcome.skip(parent.find(p), Cause.UNPAIRED_REVISION, "\"Revise to\" without its \"Revise from\"");
                }
                Node node = parent.find(e.revisedFrom());
                if (node == null) {
                    Node done = parent.findExact(p);
                    return done != null ? Outcome.skip(done, Cause.ALREADY_PRESENT, "the revision is already made")
                            : Outcome.skip(null, Cause.NOT_FOUND, "no such term");
                }
                parent.revise(node, p);
                setCells(node, e.cells(), offset);
                return Outcome.done(node, true);
            }
            default -> {
                return Outcome.skip(parent.find(p), Cause.UNPAIRED_REVISION, "\"Revise from\" without its \"Revise to\"");
            }
        }
    }

    /** Sets the cells an entry changes; whether any changed. */
    private static boolean setCells(Node node, List<Cell> cells, int offset) {
        boolean changed = false;
        for (Cell c : cells) {
            if (c.action() == Action.NO_CHANGE) {
                continue;
            }
            int column = c.column() + offset;
            String value = c.action() == Action.DELETE ? null : c.to();
            if (!node.cells.containsKey(column) || !Objects.equals(node.cells.get(column), value)) {
                node.cells.put(column, value);
                changed = true;
            }
        }
        return changed;
    }

    /** Letters and digits only, lower case, accents dropped: how printed titles are compared. */
    static String key(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** A term of the index being changed. */
    private static final class Node {
        String letter;
        String title;
        String nemod;
        String code;
        String manifestation;
        String see;
        String seeAlso;
        String seeCategory;
        String subcategory;
        final Map<Integer, String> cells = new TreeMap<>();
        Node parent;
        final List<Node> children = new ArrayList<>();
        String fullKey;
        String titleKey;
        String sortKey;
        /** For the root only: its children by key, as the index has some 14,000 main terms. */
        Map<String, List<Node>> byFull;
        Map<String, List<Node>> byTitle;

        void keys() {
            titleKey = key(title);
            sortKey = sortKey(title);
            fullKey = key(nemod == null ? title : title + nemod);
        }

        /** The printed line's content: a title split into title and trailing nonessential modifiers. */
        void set(Printed p) {
            Matcher m = NEMOD.matcher(p.title());
            if (m.matches()) {
                title = m.group(1).strip();
                nemod = m.group(2).strip();
            } else {
                title = p.title();
                nemod = null;
            }
            code = p.code();
            manifestation = p.manifestation();
            see = p.see();
            seeAlso = p.seeAlso();
            seeCategory = p.seeCategory();
            subcategory = null;
            keys();
        }

        String path() {
            List<String> titles = new ArrayList<>();
            for (Node n = this; n != null && n.title != null; n = n.parent) {
                titles.add(0, n.title);
            }
            return String.join(IndexFile.PATH_SEPARATOR, titles);
        }

        Node findExact(Printed p) {
            List<Node> matches = candidates(key(p.title()), true);
            return best(matches, p);
        }

        Node find(Printed p) {
            Node exact = findExact(p);
            if (exact != null) {
                return exact;
            }
            Matcher m = NEMOD.matcher(p.title());
            String bare = m.matches() ? m.group(1) : p.title();
            return best(candidates(key(bare), false), p);
        }

        private List<Node> candidates(String key, boolean full) {
            if (byFull != null) {
                return (full ? byFull : byTitle).getOrDefault(key, List.of());
            }
            List<Node> result = new ArrayList<>();
            for (Node c : children) {
                if ((full ? c.fullKey : c.titleKey).equals(key)) {
                    result.add(c);
                }
            }
            return result;
        }

        /** Of several terms with the title, the one with the printed code, else the first. */
        private static Node best(List<Node> matches, Printed p) {
            if (matches.isEmpty()) {
                return null;
            }
            for (Node n : matches) {
                if (p.code() != null && key(p.code()).equals(key(n.code))) {
                    return n;
                }
            }
            return matches.get(0);
        }

        void insert(Node child) {
            child.parent = this;
            int at = children.size();
            boolean note = isNote(child.title);
            for (int i = 0; i < children.size(); i++) {
                // notes come first, as the index XML files them; the terms in alphabetical place after them
                boolean before = note ? !isNote(children.get(i).title) || children.get(i).sortKey.compareTo(child.sortKey) > 0
                        : !isNote(children.get(i).title) && children.get(i).sortKey.compareTo(child.sortKey) > 0;
                if (before) {
                    at = i;
                    break;
                }
            }
            children.add(at, child);
            if (byFull != null) {
                byFull.computeIfAbsent(child.fullKey, k -> new ArrayList<>()).add(child);
                byTitle.computeIfAbsent(child.titleKey, k -> new ArrayList<>()).add(child);
            }
        }

        void remove(Node child) {
            children.remove(child);
            if (byFull != null) {
                byFull.getOrDefault(child.fullKey, new ArrayList<>()).remove(child);
                byTitle.getOrDefault(child.titleKey, new ArrayList<>()).remove(child);
            }
        }

        /** The term takes the new line; it keeps its place among its siblings. */
        void revise(Node child, Printed p) {
            if (byFull != null) {
                byFull.getOrDefault(child.fullKey, new ArrayList<>()).remove(child);
                byTitle.getOrDefault(child.titleKey, new ArrayList<>()).remove(child);
            }
            child.set(p);
            if (byFull != null) {
                byFull.computeIfAbsent(child.fullKey, k -> new ArrayList<>()).add(child);
                byTitle.computeIfAbsent(child.titleKey, k -> new ArrayList<>()).add(child);
            }
        }

        private static String sortKey(String title) {
            return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", "");
        }
    }

    /** The index as a tree of terms, and back. */
    private static final class Tree {
        final IndexFile source;
        final Node root = new Node();

        Tree(IndexFile file) {
            this.source = file;
            Map<Integer, Node> byId = new HashMap<>();
            root.byFull = new HashMap<>();
            root.byTitle = new HashMap<>();
            for (IndexTerm t : file.terms()) {
                Node n = new Node();
                n.letter = t.letter();
                n.title = t.title();
                n.nemod = t.nonessentialModifiers();
                n.code = t.code();
                n.manifestation = t.manifestationCode();
                n.see = t.see();
                n.seeAlso = t.seeAlso();
                n.seeCategory = t.seeCategory();
                n.subcategory = t.subcategory();
                t.cells().forEach(c -> n.cells.put(c.column(), c.code()));
                n.keys();
                Node parent = t.parentId() == 0 ? root : byId.get(t.parentId());
                n.parent = parent;
                parent.children.add(n);
                if (parent == root) {
                    root.byFull.computeIfAbsent(n.fullKey, k -> new ArrayList<>()).add(n);
                    root.byTitle.computeIfAbsent(n.titleKey, k -> new ArrayList<>()).add(n);
                }
                byId.put(t.id(), n);
            }
        }

        IndexFile toFile() {
            List<IndexTerm> terms = new ArrayList<>();
            for (Node main : root.children) {
                add(terms, main, 0, 0, main.letter != null ? main.letter : letterOf(main.title));
            }
            return new IndexFile(source.kind(), source.version(), source.title(), source.headings(), terms);
        }

        private void add(List<IndexTerm> terms, Node n, int parentId, int level, String letter) {
            int id = terms.size() + 1;
            terms.add(null);
            List<IndexCell> cells = new ArrayList<>();
            n.cells.forEach((col, code) -> cells.add(new IndexCell(col,
                    col >= 1 && col <= source.headings().size() ? source.headings().get(col - 1) : "column " + col, code)));
            terms.set(id - 1, new IndexTerm(id, parentId, level, letter, n.title, n.nemod, n.code, n.manifestation, n.see,
                    n.seeAlso, n.seeCategory, n.subcategory, cells));
            for (Node c : n.children) {
                add(terms, c, id, level + 1, letter);
            }
        }

        private static String letterOf(String title) {
            for (char ch : title.toCharArray()) {
                if (Character.isLetter(ch)) {
                    return String.valueOf(Character.toUpperCase(ch));
                }
                if (Character.isDigit(ch)) {
                    return "#";
                }
            }
            return "#";
        }
    }
}
