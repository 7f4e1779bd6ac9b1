package org.codedesk.catalog.source.icd10cm;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.codedesk.catalog.source.OfficialXml;
import org.codedesk.catalog.source.SourceFormatException;

/**
 * Reads the ICD-10-CM tabular XML ({@code icd10cm_tabular_YYYY.xml}) with StAX: chapters, sections and
 * nested {@code diag} elements, every note type, 7th-character definitions and the visual impairment table.
 * The introduction (the book's conventions) is skipped. Lead-ins and their items are marked by {@link LeadInRule};
 * every node, note and 7th character carries the file's release ("FY" + its {@code <version>}) as its
 * {@code since}. Not thread-safe; create one per parse.
 */
public final class TabularParser {

    private final List<TabularNode> nodes = new ArrayList<>();
    private final List<InstructionalNote> notes = new ArrayList<>();
    private final List<SeventhCharacter> sevenths = new ArrayList<>();
    private final Set<String> codes = new HashSet<>();
    private String fileName;
    private String release;
    private XMLStreamReader xml;

    public Tabular parse(String fileName, InputStream in) {
        this.fileName = fileName;
        String version = null;
        try {
            xml = OfficialXml.open(in);
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "ICD10CM.tabular" -> { }
                    case "version" -> {
                        version = xml.getElementText().trim();
                        release = releaseOf(version);
                    }
                    case "introduction" -> skipElement();
                    case "chapter" -> readNode(TabularNode.Kind.CHAPTER, null);
                    default -> throw error("unexpected element <" + xml.getLocalName() + "> at top level");
                }
            }
        } catch (XMLStreamException e) {
            throw new SourceFormatException(fileName, line(e), "malformed XML: " + e.getMessage().lines().reduce((a, b) -> b).orElse(""), e);
        }
        if (nodes.stream().noneMatch(n -> n.kind() == TabularNode.Kind.CHAPTER)) {
            throw new SourceFormatException(fileName, 0, "no chapter found: not an ICD-10-CM tabular file");
        }
        return new Tabular(version, List.copyOf(nodes), List.copyOf(notes), List.copyOf(sevenths));
    }

    /** Reads one chapter, section or diag element (the reader is on its start tag) and everything inside. */
    private void readNode(TabularNode.Kind kind, String parent) throws XMLStreamException {
        String element = xml.getLocalName();
        String code = kind == TabularNode.Kind.SECTION ? xml.getAttributeValue(null, "id") : null;
        boolean placeholder = "true".equals(xml.getAttributeValue(null, "placeholder"));
        String description = null;
        int startLine = xml.getLocation().getLineNumber();
        int index = -1;
        Deque<Object[]> pendingNotes = new ArrayDeque<>();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals(element)) {
                break;
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw error("file ends inside <" + element + "> (truncated?)");
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            if (name.equals("name")) {
                code = xml.getElementText().trim();
                continue;
            }
            if (name.equals("desc")) {
                description = xml.getElementText().trim();
                index = register(kind, code, description, parent, placeholder, startLine);
                continue;
            }
            if (index < 0 && !name.equals("sectionIndex")) {
                throw error("<" + element + "> has <" + name + "> before its name and description");
            }
            switch (name) {
                case "sectionIndex" -> skipElement();
                case "section" -> readNode(TabularNode.Kind.SECTION, code);
                case "diag" -> readNode(TabularNode.Kind.DIAG, code);
                case "sevenChrDef" -> readSevenths(code);
                case "visualImpairment" -> notes.add(new InstructionalNote(code, NoteKind.VISUAL_IMPAIRMENT_TABLE,
                        readVisualImpairment(), 1, false, 0, release));
                default -> {
                    Optional<NoteKind> noteKind = NoteKind.ofElement(name);
                    if (noteKind.isEmpty()) {
                        throw error("unknown element <" + name + "> in <" + element + "> " + code);
                    }
                    readNotes(code, noteKind.get());
                }
            }
        }
        if (index < 0) {
            throw new SourceFormatException(fileName, startLine, "<" + element + "> without a name or description");
        }
    }

    private int register(TabularNode.Kind kind, String code, String description, String parent, boolean placeholder, int line) {
        if (code == null || code.isBlank()) {
            throw new SourceFormatException(fileName, line, kind + " without a code");
        }
        if (kind == TabularNode.Kind.DIAG && !code.matches("[A-Z][0-9A-Z][0-9A-Z](\\.[0-9A-Z]{1,4})?")) {
            throw new SourceFormatException(fileName, line, "'" + code + "' is not an ICD-10-CM code");
        }
        if (!codes.add(kind + code)) {
            throw new SourceFormatException(fileName, line, code + " appears twice");
        }
        nodes.add(new TabularNode(kind, code, description, parent, nodes.size() + 1, placeholder, release));
        return nodes.size() - 1;
    }

    /**
     * Reads one note element. Its notes form one group for {@link LeadInRule}; the sequence continues after the
     * notes of an earlier element of the same kind on the same owner (some codes have two {@code useAdditionalCode}).
     */
    private void readNotes(String owner, NoteKind kind) throws XMLStreamException {
        String element = xml.getLocalName();
        int sequence = (int) notes.stream().filter(n -> n.owner().equals(owner) && n.kind() == kind).count();
        List<InstructionalNote> group = new ArrayList<>();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals(element)) {
                notes.addAll(LeadInRule.mark(group));
                return;
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw error("file ends inside <" + element + ">");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (!xml.getLocalName().equals("note")) {
                    throw error("expected <note> in <" + element + ">, found <" + xml.getLocalName() + ">");
                }
                group.add(new InstructionalNote(owner, kind, xml.getElementText().trim(), ++sequence, false, 0, release));
            }
        }
    }

    private void readSevenths(String owner) throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("sevenChrDef")) {
                return;
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw error("file ends inside <sevenChrDef>");
            }
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("note")) {
                // A note inside sevenChrDef is an inclusion term of the extension just before it.
                int last = sevenths.size() - 1;
                if (last < 0 || !sevenths.get(last).owner().equals(owner)) {
                    throw error("<note> in <sevenChrDef> before any <extension>");
                }
                SeventhCharacter previous = sevenths.get(last);
                sevenths.set(last, new SeventhCharacter(owner, previous.character(),
                        previous.meaning() + " (includes: " + xml.getElementText().trim() + ")", release));
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                String character = xml.getAttributeValue(null, "char");
                if (!xml.getLocalName().equals("extension") || character == null || character.length() != 1) {
                    throw error("a 7th-character definition needs <extension char=\"X\">");
                }
                sevenths.add(new SeventhCharacter(owner, character, xml.getElementText().trim(), release));
            }
        }
    }

    /**
     * Flattens the H54 visual impairment grid into one line per category: "Category 1: best corrected
     * acuity less than 6/18 and at least 6/60; ...". The heading row is dropped (its words are in the line).
     */
    private String readVisualImpairment() throws XMLStreamException {
        List<String> lines = new ArrayList<>();
        String category = null;
        String bound = null;
        List<String> ranges = new ArrayList<>();
        String max = null;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw error("file ends inside <visualImpairment>");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "visMax", "visMin" -> bound = xml.getLocalName();
                    case "value" -> {
                        String value = xml.getElementText().trim();
                        if (bound == null) {
                            category = value;
                        } else if (bound.equals("visMax")) {
                            max = value;
                        } else {
                            ranges.add((max == null ? "" : "less than " + max + " and ") + "at least " + value);
                            max = null;
                        }
                    }
                    case "heading" -> xml.getElementText();
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "visMax", "visMin" -> bound = null;
                    case "visCategory" -> {
                        if (category != null) {
                            lines.add("Category " + category + ": " + (ranges.isEmpty() && max != null ? max
                                    : "best corrected visual acuity " + String.join("; or ", ranges)));
                        }
                        category = null;
                        max = null;
                        ranges.clear();
                    }
                    case "visualImpairment" -> {
                        return String.join("\n", lines);
                    }
                    default -> { }
                }
            }
        }
    }

    /** "2017" is the fiscal year's XML: its content is labelled "FY2017", the label releases carry. */
    static String releaseOf(String version) {
        return version != null && version.matches("\\d{4}") ? "FY" + version : version;
    }

    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw error("file ends inside an element (truncated?)");
            }
        }
    }

    private SourceFormatException error(String reason) {
        return new SourceFormatException(fileName, xml.getLocation().getLineNumber(), reason);
    }

    private static long line(XMLStreamException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
    }
}
