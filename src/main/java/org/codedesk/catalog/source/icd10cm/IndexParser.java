package org.codedesk.catalog.source.icd10cm;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codedesk.catalog.source.OfficialXml;
import org.codedesk.catalog.source.SourceFormatException;

/**
 * Reads one of the CDC ICD-10-CM index XML files ({@code ICD10CM.index}: alphabetic index, external-cause
 * index, drug table, neoplasm table) into an {@link IndexFile}, streaming with StAX so the 9 MB alphabetic
 * index never sits in memory as a DOM.
 *
 * <p>The parser is strict on purpose: an element it does not know, a subterm whose level does not follow its
 * parent's, a table cell without a column heading, or broken XML all stop the import with a
 * {@link SourceFormatException} naming the line, rather than silently dropping index entries.
 */
public final class IndexParser {

    private static final String ROOT = "ICD10CM.index";

    public IndexFile parse(IndexKind kind, String fileName, InputStream in) {
        XMLStreamReader reader = null;
        try {
            reader = OfficialXml.open(in);
            return new Run(kind, fileName, reader).document();
        } catch (XMLStreamException e) {
            throw new SourceFormatException(fileName, line(e.getLocation()), "malformed XML: " + e.getMessage(), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release; the original outcome matters more
                }
            }
        }
    }

    private static long line(Location location) {
        return location == null ? 0 : Math.max(0, location.getLineNumber());
    }

    /** State of one parse; the parser itself stays stateless and thread-safe. */
    private static final class Run {

        private final IndexKind kind;
        private final String fileName;
        private final XMLStreamReader r;
        private final List<IndexTerm> terms = new ArrayList<>();
        private List<String> headings = List.of();
        private String letter;

        Run(IndexKind kind, String fileName, XMLStreamReader reader) {
            this.kind = kind;
            this.fileName = fileName;
            this.r = reader;
        }

        IndexFile document() throws XMLStreamException {
            if (r.nextTag() != XMLStreamConstants.START_ELEMENT || !ROOT.equals(r.getLocalName())) {
                throw fail(line(), "root element is not <" + ROOT + ">");
            }
            String version = null;
            String title = null;
            int letters = 0;
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "version" -> version = once(version, "version", text());
                    case "title" -> title = once(title, "title", text());
                    case "indexHeading" -> headings();
                    case "letter" -> {
                        letter();
                        letters++;
                    }
                    default -> throw unexpected();
                }
            }
            if (letters == 0) {
                throw fail(line(), "no <letter> in index");
            }
            // Drain to the end so trailing garbage after the root is reported, not ignored.
            while (r.hasNext()) {
                r.next();
            }
            return new IndexFile(kind, version, title, headings, terms);
        }

        private void headings() throws XMLStreamException {
            long start = line();
            TreeMap<Integer, String> byColumn = new TreeMap<>();
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if (!"head".equals(r.getLocalName())) {
                    throw unexpected();
                }
                long line = line();
                int col = intAttribute("col");
                if (byColumn.put(col, text()) != null) {
                    throw fail(line, "duplicate heading for column " + col);
                }
            }
            // Cells refer to headings by position, so the columns must be 1..n without gaps.
            if (byColumn.isEmpty() || byColumn.firstKey() != 1 || byColumn.lastKey() != byColumn.size()) {
                throw fail(start, "heading columns must run 1.." + byColumn.size() + " but are " + byColumn.keySet());
            }
            headings = List.copyOf(byColumn.values());
        }

        private void letter() throws XMLStreamException {
            if (r.nextTag() != XMLStreamConstants.START_ELEMENT || !"title".equals(r.getLocalName())) {
                throw fail(line(), "<letter> must start with <title>");
            }
            letter = text();
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if (!"mainTerm".equals(r.getLocalName())) {
                    throw unexpected();
                }
                term(0, 0);
            }
        }

        /** Reads a mainTerm or term whose start tag is current, including its subterms, recursively. */
        private void term(int level, int parentId) throws XMLStreamException {
            long start = line();
            int id = terms.size() + 1;
            terms.add(null); // reserve the slot so ids follow document order although subterms finish first
            Title title = null;
            String code = null;
            String manif = null;
            String see = null;
            String seeAlso = null;
            String seeCategory = null;
            String subcategory = null;
            List<IndexCell> cells = new ArrayList<>();
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                switch (name) {
                    case "title" -> {
                        if (title != null) {
                            throw fail(line(), "second <title> in term");
                        }
                        title = title();
                    }
                    case "code" -> code = once(code, name, text());
                    case "manif" -> manif = once(manif, name, text());
                    case "see" -> see = once(see, name, text());
                    case "seeAlso" -> seeAlso = once(seeAlso, name, text());
                    case "seecat" -> seeCategory = once(seeCategory, name, text());
                    case "subcat" -> subcategory = once(subcategory, name, text());
                    case "cell" -> cells.add(cell(cells));
                    case "term" -> {
                        if (title == null) {
                            throw fail(line(), "subterm before the title of its parent");
                        }
                        long line = line();
                        int childLevel = intAttribute("level");
                        if (childLevel != level + 1) {
                            throw fail(line, "term level " + childLevel + " directly under level " + level
                                    + " (expected " + (level + 1) + ")");
                        }
                        term(childLevel, id);
                    }
                    default -> throw unexpected();
                }
            }
            if (title == null) {
                throw fail(start, "term without <title>");
            }
            terms.set(id - 1, new IndexTerm(id, parentId, level, letter, title.plain, title.nemod, code, manif,
                    see, seeAlso, seeCategory, subcategory, cells));
        }

        private record Title(String plain, String nemod) {
        }

        /** A title is mixed content: plain text with at most one {@code <nemod>} anywhere inside it. */
        private Title title() throws XMLStreamException {
            long start = line();
            StringBuilder plain = new StringBuilder();
            String nemod = null;
            while (true) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                            plain.append(r.getText());
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (!"nemod".equals(r.getLocalName())) {
                            throw unexpected();
                        }
                        nemod = once(nemod, "nemod", text());
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        String text = normalise(plain.toString());
                        // One real title consists of a nemod alone, so only a title with neither is empty.
                        if (text.isEmpty() && nemod == null) {
                            throw fail(start, "empty <title>");
                        }
                        return new Title(text, nemod);
                    }
                    case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    }
                    default -> throw fail(line(), "unexpected content in <title>");
                }
            }
        }

        private IndexCell cell(List<IndexCell> earlier) throws XMLStreamException {
            long line = line();
            int col = intAttribute("col");
            if (col < 1 || col > headings.size()) {
                throw fail(line, "cell column " + col + " has no heading"
                        + (headings.isEmpty() ? " (file has no <indexHeading>)" : " (columns 1.." + headings.size() + ")"));
            }
            if (earlier.stream().anyMatch(c -> c.column() == col)) {
                throw fail(line, "second cell for column " + col);
            }
            String value = text();
            // The drug table writes "--" and the neoplasm table "-" for "no code in this column".
            String code = value.chars().allMatch(ch -> ch == '-') ? null : value;
            return new IndexCell(col, headings.get(col - 1), code);
        }

        /** Text of a text-only element, whitespace-normalised; the current event must be its start tag. */
        private String text() throws XMLStreamException {
            String name = r.getLocalName();
            long line = line();
            String text = normalise(r.getElementText());
            if (text.isEmpty()) {
                throw fail(line, "empty <" + name + ">");
            }
            return text;
        }

        private int intAttribute(String attribute) {
            String value = r.getAttributeValue(null, attribute);
            if (value == null) {
                throw fail(line(), "<" + r.getLocalName() + "> without attribute " + attribute);
            }
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw fail(line(), "attribute " + attribute + "=\"" + value + "\" is not a number");
            }
        }

        private String once(String existing, String name, String value) {
            if (existing != null) {
                throw fail(line(), "second <" + name + "> in the same element");
            }
            return value;
        }

        private SourceFormatException unexpected() {
            return fail(line(), "unexpected element <" + r.getLocalName() + ">");
        }

        private long line() {
            return IndexParser.line(r.getLocation());
        }

        private SourceFormatException fail(long line, String reason) {
            return new SourceFormatException(fileName, line, reason);
        }

        private static String normalise(String text) {
            return text.replaceAll("\\s+", " ").strip();
        }
    }
}
