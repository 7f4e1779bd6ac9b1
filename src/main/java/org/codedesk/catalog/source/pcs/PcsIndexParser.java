package org.codedesk.catalog.source.pcs;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.codedesk.catalog.source.SourceFormatException;

/**
 * Reads the official ICD-10-PCS alphabetic index ({@code icd10pcs_index_YYYY.xml}) with StAX into a flat list of
 * {@link PcsIndexTerm}s in document order.
 *
 * <p>Elements handled: {@code letter} (grouping only), {@code mainTerm}, nested {@code term level="n"},
 * {@code title}, {@code code} (full code), {@code codes} (partial code), {@code tab} (table), {@code see} and
 * {@code use} (text optionally followed by a {@code codes} or {@code tab}). A term has at most one of
 * code/codes/tab/see/use. A level attribute that disagrees with the nesting, a code that is not made of PCS
 * characters, an unknown element or malformed XML fails with {@link SourceFormatException}.
 */
public final class PcsIndexParser {

    static final String ROOT = "ICD10PCS.index";

    private static final Pattern PCS_CODE = Pattern.compile("[0-9A-HJ-NP-Z]{3,7}");
    private static final Set<String> REFERENCE_CODES = Set.of("codes", "tab");

    public List<PcsIndexTerm> parse(String fileName, InputStream in) {
        try (StaxCursor xml = StaxCursor.open(fileName, in)) {
            xml.root(ROOT);
            boolean version = false;
            List<PcsIndexTerm> terms = new ArrayList<>();
            while (xml.nextChild()) {
                switch (xml.name()) {
                    case "version" -> {
                        xml.text();
                        version = true;
                    }
                    case "title" -> xml.text();
                    case "letter" -> letter(xml, terms);
                    default -> throw xml.unexpected(ROOT);
                }
            }
            xml.end();
            if (!version) {
                throw xml.fail("no <version>");
            }
            return List.copyOf(terms);
        }
    }

    private static void letter(StaxCursor xml, List<PcsIndexTerm> out) {
        while (xml.nextChild()) {
            switch (xml.name()) {
                case "title" -> xml.text();
                case "mainTerm" -> term(xml, 0, 0, out);
                default -> throw xml.unexpected("letter");
            }
        }
    }

    /** Reads a mainTerm or term and its subterms; the cursor is on its start tag. */
    private static void term(StaxCursor xml, int parentId, int level, List<PcsIndexTerm> out) {
        String element = xml.name();
        int line = xml.line();
        if (level > 0) {
            int declared = xml.intAttribute("level");
            if (declared != level) {
                throw xml.fail("<term level=\"" + declared + "\"> nested at level " + level);
            }
        }
        // Reserve the slot now so the id follows document order even though subterms are read before we finish.
        out.add(null);
        int id = out.size();
        Target target = new Target(xml, element);
        while (xml.nextChild()) {
            switch (xml.name()) {
                case "title" -> {
                    if (target.title != null) {
                        throw xml.fail("<" + element + "> has more than one <title>");
                    }
                    target.title = xml.text();
                }
                case "code" -> target.code(code(xml, 7, 7));
                case "codes" -> target.code(code(xml, 3, 7));
                case "tab" -> target.code(code(xml, 3, 3));
                case "see" -> {
                    StaxCursor.MixedText see = reference(xml);
                    target.reference();
                    target.see = see.text();
                    target.seeCode = see.childText();
                }
                case "use" -> {
                    StaxCursor.MixedText use = reference(xml);
                    target.reference();
                    target.use = use.text();
                    target.useCode = use.childText();
                }
                case "term" -> term(xml, id, level + 1, out);
                default -> throw xml.unexpected(element);
            }
        }
        if (level == 0 && target.title == null) {
            throw xml.fail(line, "<mainTerm> has no <title>");
        }
        out.set(id - 1, new PcsIndexTerm(id, parentId, level, target.title, target.code, target.see, target.seeCode,
            target.use, target.useCode));
    }

    /** What one term points to; the index gives each term a single destination, so a second one is an error. */
    private static final class Target {
        private final StaxCursor xml;
        private final String element;
        private boolean taken;
        String title;
        String code;
        String see;
        String seeCode;
        String use;
        String useCode;

        Target(StaxCursor xml, String element) {
            this.xml = xml;
            this.element = element;
        }

        void code(String value) {
            reference();
            code = value;
        }

        void reference() {
            if (taken) {
                throw xml.fail("<" + element + "> has more than one code or cross-reference");
            }
            taken = true;
        }
    }

    private static String code(StaxCursor xml, int minLength, int maxLength) {
        String element = xml.name();
        String value = xml.text();
        if (!PCS_CODE.matcher(value).matches() || value.length() < minLength || value.length() > maxLength) {
            throw xml.fail("<" + element + ">" + value + "</" + element + "> is not a PCS "
                + (minLength == maxLength ? minLength + "-character" : minLength + " to " + maxLength + "-character")
                + " code");
        }
        return value;
    }

    private static StaxCursor.MixedText reference(StaxCursor xml) {
        String element = xml.name();
        int line = xml.line();
        StaxCursor.MixedText reference = xml.mixed(REFERENCE_CODES);
        if (reference.text().isEmpty()) {
            throw xml.fail(line, "<" + element + "> has no text");
        }
        if (reference.childText() != null && !PCS_CODE.matcher(reference.childText()).matches()) {
            throw xml.fail(line, "<" + element + "> code \"" + reference.childText() + "\" is not a PCS code");
        }
        return reference;
    }
}
