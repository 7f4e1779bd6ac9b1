package org.codedesk.catalog.plain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.codedesk.catalog.CodePage;
import org.codedesk.catalog.CodePage.Attribute;
import org.codedesk.catalog.PlainLanguage.Sentence;

/**
 * HCPCS Level II in plain words, from the record: the long descriptor with its abbreviations spelled out, what kind of item
 * or service it is (BETOS and type of service), how Medicare prices it (pricing indicator) and covers it (coverage code),
 * and whether it is still in use (termination date). Modifiers get their descriptor and what a modifier is.
 */
final class HcpcsExplainer {

    /** Coverage codes of the record layout, in plain words (the layout's: C carrier judgment, D special instructions...). */
    static final Map<String, String> COVERAGE = Map.of(
            "C", "the local Medicare claims office decides if it is covered",
            "D", "special Medicare coverage rules apply to it",
            "I", "Medicare does not pay for it under this code",
            "M", "Medicare does not cover it",
            "S", "Medicare does not cover it, by law");

    private HcpcsExplainer() {
    }

    static List<Sentence> explain(CodePage page) {
        List<Sentence> out = new ArrayList<>();
        String descriptor = page.longDescription() == null ? page.shortDescription() : page.longDescription();
        boolean modifier = page.key().length() == 2;
        if (descriptor != null) {
            out.add(new Sentence(Phrases.sentence((modifier ? "This modifier means: " : "This code means: ")
                    + Abbreviations.spellOut(Phrases.clause(descriptor))), "longDescription", descriptor));
        }
        if (modifier) {
            out.add(new Sentence("A modifier is added to a code to tell more about the service.", "code", page.key()));
        }
        // BETOS "undefined codes" and "exceptions/unclassified" say nothing of the kind of service: no sentence
        attribute(page, "BETOS").filter(a -> !a.meaning().toLowerCase(java.util.Locale.ROOT).matches(".*(undefined|unclassified).*"))
                .ifPresent(a -> out.add(new Sentence(Phrases.sentence("Kind of service: "
                + Abbreviations.spellOut(kind(a.meaning()))), "hcpcs:betos", a.value())));
        Set<String> types = new LinkedHashSet<>();
        page.attributes().stream().filter(a -> a.label().startsWith("Type of service") && a.meaning() != null)
                .forEach(a -> types.add(Phrases.lower(withoutObsoleteNote(a.meaning()))));
        if (!types.isEmpty()) {
            // spelled out as one text, so that an initialism is explained once ("DME" in two types of service)
            out.add(new Sentence(Phrases.sentence("Medicare type of service: " + Abbreviations.spellOut(Phrases.list(new ArrayList<>(types)))),
                    "hcpcs:typeOfService",
                    String.join(", ", page.attributes().stream().filter(a -> a.label().startsWith("Type of service")).map(Attribute::value).toList())));
        }
        attribute(page, "Pricing indicator 1").ifPresent(a -> out.add(new Sentence(Phrases.sentence("How Medicare sets the price: "
                + Abbreviations.spellOut(lowerFirst(Phrases.clause(a.meaning())))), "hcpcs:pricingIndicator", a.value())));
        attribute(page, "Coverage code").filter(a -> COVERAGE.containsKey(a.value().trim()))
                .ifPresent(a -> out.add(new Sentence(Phrases.sentence("Coverage: " + COVERAGE.get(a.value().trim())), "hcpcs:coverageCode", a.value())));
        attribute(page, "Termination date").ifPresent(a -> out.add(new Sentence(Phrases.sentence("This code was ended: its last day of use was "
                + (a.meaning() == null ? a.value() : a.meaning())), "hcpcs:terminationDate", a.value())));
        return out;
    }

    /** The attribute whose label starts with the name, when it has a meaning (a coded value) or a date. */
    private static Optional<Attribute> attribute(CodePage page, String label) {
        return page.attributes().stream().filter(a -> a.label().startsWith(label) && a.value() != null && !a.value().isBlank()
                && (a.meaning() != null || label.startsWith("Coverage"))).findFirst();
    }

    /** "Drugs - other" → "drugs (other)"; "Standard imaging - chest" → "standard imaging (chest)". */
    private static String kind(String betos) {
        int dash = betos.indexOf(" - ");
        return dash < 0 ? Phrases.lower(betos)
                : Phrases.lower(betos.substring(0, dash)) + " (" + Phrases.lower(betos.substring(dash + 3)) + ")";
    }

    private static String withoutObsoleteNote(String meaning) {
        return meaning.replaceAll("\\s*\\((obsolete|discontinued)[^)]*\\)", "");
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() || (text.length() > 1 && Character.isUpperCase(text.charAt(1))) ? text
                : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
