package org.codedesk.catalog.source.pcs;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.codedesk.catalog.source.SourceFormatException;

/**
 * Reads the official ICD-10-PCS definitions file ({@code icd10pcs_definitions_YYYY.xml}) with StAX into one
 * {@link PcsDefinition} per defined value, in file order.
 *
 * <p>The trailing {@code <deviceAggregation>} block (how specific devices roll up to a general device value) is
 * not definitions and is skipped. Any other unknown element, a missing title or malformed XML fails with
 * {@link SourceFormatException}.
 */
public final class PcsDefinitionsParser {

    static final String ROOT = "ICD10PCS.definitions";

    public List<PcsDefinition> parse(String fileName, InputStream in) {
        try (StaxCursor xml = StaxCursor.open(fileName, in)) {
            xml.root(ROOT);
            boolean version = false;
            List<PcsDefinition> definitions = new ArrayList<>();
            while (xml.nextChild()) {
                switch (xml.name()) {
                    case "version" -> {
                        xml.text();
                        version = true;
                    }
                    case "title" -> xml.text();
                    case "section" -> section(xml, definitions);
                    case "deviceAggregation" -> xml.skip();
                    default -> throw xml.unexpected(ROOT);
                }
            }
            xml.end();
            if (!version) {
                throw xml.fail("no <version>");
            }
            return List.copyOf(definitions);
        }
    }

    private static void section(StaxCursor xml, List<PcsDefinition> out) {
        int line = xml.line();
        String code = xml.attribute("code");
        if (code.length() != 1) {
            throw xml.fail("section code \"" + code + "\" is not one character");
        }
        String title = null;
        while (xml.nextChild()) {
            switch (xml.name()) {
                case "title" -> title = xml.text();
                case "axis" -> {
                    if (title == null) {
                        throw xml.fail("<axis> before the section <title>");
                    }
                    axis(xml, code, title, out);
                }
                default -> throw xml.unexpected("section");
            }
        }
        if (title == null) {
            throw xml.fail(line, "section " + code + " has no <title>");
        }
    }

    private static void axis(StaxCursor xml, String sectionCode, String sectionTitle, List<PcsDefinition> out) {
        int line = xml.line();
        int position = xml.intAttribute("pos");
        if (position < 1 || position > 7) {
            throw xml.fail("axis pos=\"" + position + "\" outside 1..7");
        }
        String title = null;
        while (xml.nextChild()) {
            switch (xml.name()) {
                case "title" -> title = xml.text();
                case "terms" -> {
                    if (title == null) {
                        throw xml.fail("<terms> before the axis <title>");
                    }
                    terms(xml, sectionCode, sectionTitle, position, title, out);
                }
                default -> throw xml.unexpected("axis");
            }
        }
        if (title == null) {
            throw xml.fail(line, "axis " + position + " of section " + sectionCode + " has no <title>");
        }
    }

    private static void terms(StaxCursor xml, String sectionCode, String sectionTitle, int position,
                              String axisTitle, List<PcsDefinition> out) {
        int line = xml.line();
        List<String> names = new ArrayList<>(1);
        String definition = null;
        String explanation = null;
        List<String> includes = new ArrayList<>();
        while (xml.nextChild()) {
            switch (xml.name()) {
                case "title" -> names.add(xml.text());
                case "definition" -> definition = single(xml, definition, "definition");
                case "explanation" -> explanation = single(xml, explanation, "explanation");
                case "includes" -> includes.add(xml.text());
                default -> throw xml.unexpected("terms");
            }
        }
        if (names.isEmpty()) {
            throw xml.fail(line, "<terms> has no <title>");
        }
        for (String name : names) {
            out.add(new PcsDefinition(sectionCode, sectionTitle, position, axisTitle, name, definition, explanation,
                includes));
        }
    }

    private static String single(StaxCursor xml, String previous, String element) {
        if (previous != null) {
            throw xml.fail("<terms> has more than one <" + element + ">");
        }
        return xml.text();
    }
}
