package org.codedesk.catalog.source.pcs;

import java.io.InputStream;
import java.util.Objects;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codedesk.catalog.source.OfficialXml;
import org.codedesk.catalog.source.SourceFormatException;

/**
 * Thin StAX cursor shared by the PCS parsers: walks element-only content, reads text and attributes, and turns
 * every XML error or broken rule into a {@link SourceFormatException} carrying the file name and line.
 */
final class StaxCursor implements AutoCloseable {

    private final String fileName;
    private final XMLStreamReader reader;

    private StaxCursor(String fileName, XMLStreamReader reader) {
        this.fileName = fileName;
        this.reader = reader;
    }

    static StaxCursor open(String fileName, InputStream in) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(in, "in");
        try {
            return new StaxCursor(fileName, OfficialXml.open(in));
        } catch (XMLStreamException e) {
            throw malformed(fileName, e);
        }
    }

    /** Moves to the document element and checks its name. */
    void root(String name) {
        try {
            while (reader.hasNext() && reader.next() != XMLStreamConstants.START_ELEMENT) {
                // prolog: declaration, comments, whitespace
            }
        } catch (XMLStreamException e) {
            throw malformed(fileName, e);
        }
        if (!reader.isStartElement()) {
            throw fail("no root element");
        }
        if (!reader.getLocalName().equals(name)) {
            throw fail("expected root <" + name + "> but found <" + reader.getLocalName() + ">");
        }
    }

    /**
     * Advances to the next child element of the current parent. Returns false once the parent's end tag is
     * reached; rejects non-blank text, since these elements hold only elements.
     */
    boolean nextChild() {
        try {
            int event = reader.nextTag();
            return event == XMLStreamConstants.START_ELEMENT;
        } catch (XMLStreamException e) {
            throw malformed(fileName, e);
        }
    }

    /** After the root end tag: only comments and whitespace may follow. */
    void end() {
        try {
            while (reader.hasNext()) {
                reader.next();
            }
        } catch (XMLStreamException e) {
            throw malformed(fileName, e);
        }
    }

    /** Reads the text of a text-only element, leaving the cursor on its end tag; trimmed, never blank. */
    String text() {
        String element = reader.getLocalName();
        int line = line();
        String text;
        try {
            text = reader.getElementText().strip();
        } catch (XMLStreamException e) {
            throw malformed(fileName, e);
        }
        if (text.isEmpty()) {
            throw fail(line, "empty <" + element + ">");
        }
        return text;
    }

    /**
     * Reads mixed content such as {@code <see>Resection, Uterus<codes>0UT9</codes></see>}: the element's own text
     * (trimmed, may be empty) and at most one text-only child among {@code allowedChildren}. Leaves the cursor on
     * the element's end tag.
     */
    MixedText mixed(Set<String> allowedChildren) {
        String element = reader.getLocalName();
        StringBuilder own = new StringBuilder();
        String childName = null;
        String childText = null;
        try {
            while (true) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        own.append(reader.getText());
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (childName != null) {
                            throw fail("<" + element + "> has more than one child element");
                        }
                        if (!allowedChildren.contains(reader.getLocalName())) {
                            throw unexpected(element);
                        }
                        childName = reader.getLocalName();
                        childText = text();
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        return new MixedText(own.toString().strip(), childName, childText);
                    }
                    default -> {
                        // comments and processing instructions carry no data
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(fileName, e);
        }
    }

    record MixedText(String text, String childName, String childText) {
    }

    /** Skips the current element and all its content, leaving the cursor on its end tag. */
    void skip() {
        try {
            int depth = 1;
            while (depth > 0) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(fileName, e);
        }
    }

    String name() {
        return reader.getLocalName();
    }

    String attribute(String name) {
        String value = reader.getAttributeValue(null, name);
        if (value == null) {
            throw fail("<" + reader.getLocalName() + "> lacks attribute " + name);
        }
        return value.strip();
    }

    int intAttribute(String name) {
        String value = attribute(name);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw fail("<" + reader.getLocalName() + "> attribute " + name + "=\"" + value + "\" is not a number");
        }
    }

    int line() {
        Location location = reader.getLocation();
        return location == null ? 0 : Math.max(location.getLineNumber(), 0);
    }

    SourceFormatException fail(String reason) {
        return fail(line(), reason);
    }

    SourceFormatException fail(int line, String reason) {
        return new SourceFormatException(fileName, line, reason);
    }

    /** An element this format does not define inside {@code parent}: the format changed, so stop. */
    SourceFormatException unexpected(String parent) {
        return fail("unexpected <" + reader.getLocalName() + "> in <" + parent + ">");
    }

    private static SourceFormatException malformed(String fileName, XMLStreamException e) {
        Location location = e.getLocation();
        long line = location == null ? 0 : Math.max(location.getLineNumber(), 0);
        String message = e.getMessage() == null ? "unreadable XML" : e.getMessage();
        // The JDK prefixes messages with "ParseError at [row,col]:[r,c]\nMessage: "; the line is reported apart.
        int cut = message.indexOf("Message: ");
        if (cut >= 0) {
            message = message.substring(cut + "Message: ".length());
        }
        return new SourceFormatException(fileName, line, "malformed XML: " + message.strip(), e);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // nothing left to read; the caller owns the stream
        }
    }
}
