package org.codedesk.catalog.plain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.codedesk.catalog.CodePage;
import org.codedesk.catalog.CodePage.Attribute;
import org.codedesk.catalog.PlainLanguage.Sentence;

/**
 * HCPCS Level II in plain words, from the record: the long descriptor with its abbreviations spelled out (every word kept,
 * a long one cut into short sentences at its semicolons and commas), what kind of item or service it is (BETOS and type of
 * service), how Medicare prices it (pricing indicator) and covers it (coverage code), and whether it is still in use
 * (termination date). Modifiers get their descriptor and what a modifier is. The coded fields are said in our own short
 * wordings of the record layout's meanings, keyed by the value (a value without one keeps the layout's words).
 */
final class HcpcsExplainer {

    /** Coverage codes of the record layout, in plain words (the layout's: C carrier judgment, D special instructions...). */
    static final Map<String, String> COVERAGE = Map.of(
            "C", "The local Medicare office decides if it is covered",
            "D", "Special Medicare rules say when it is covered",
            "I", "Medicare does not pay for it under this code",
            "M", "Medicare does not cover it",
            "S", "By law, Medicare does not cover it");

    /** Pricing indicators of the record layout in short plain sentences (the layout's meaning in the comment where not obvious). */
    static final Map<String, String> PRICING = Map.ofEntries(
            Map.entry("00", "Part B does not pay for it on its own. It may not be covered, may be part of another service, or may be paid by Part A"),
            Map.entry("11", "Its price is set from national relative values"), // national RVUs
            Map.entry("12", "Its price is set from national anesthesia base units"),
            Map.entry("13", "The local Medicare office sets its price, for example case by case"), // carriers: NOC, individual determination
            Map.entry("21", "Its price is held to a national limit"),
            Map.entry("22", "The local Medicare office sets its price, for example from the price of like items"), // gap-fills, panels
            Map.entry("31", "It is equipment that needs frequent service. Its price has a floor and a ceiling"),
            Map.entry("32", "It is low-cost equipment that is often bought. Its price has a floor and a ceiling"),
            Map.entry("33", "It is oxygen or oxygen equipment. Its price has a floor and a ceiling"),
            Map.entry("34", "It is a supply used with medical equipment. Its price has a floor and a ceiling"),
            Map.entry("35", "It is a surgical dressing. Its price has a floor and a ceiling"),
            Map.entry("36", "It is equipment rented for a capped time. Its price has a floor and a ceiling"),
            Map.entry("37", "It is an ostomy, windpipe or urine supply. Its price has a floor and a ceiling"),
            Map.entry("38", "It is a brace, an artificial limb or body part, or a vision item. Its price has a floor and a ceiling"),
            Map.entry("39", "It is priced as food given by tube or into a vein"), // parenteral and enteral nutrition
            Map.entry("45", "It is priced as equipment made for one patient"),
            Map.entry("46", "The local Medicare office sets its price, for example case by case"), // carrier priced
            Map.entry("51", "It is priced as a drug"),
            Map.entry("52", "It is paid at a reasonable charge"),
            Map.entry("53", "Its price is set by law"), // statute
            Map.entry("54", "It is priced as a vaccine"),
            Map.entry("55", "It is priced as a splint or cast"),
            Map.entry("56", "It is priced as a lens put in the eye in a doctor's office"), // IOLs inserted in a physician's office
            Map.entry("57", "The local Medicare office sets its price"), // other carrier priced
            Map.entry("99", "No price has been set for it"));

    /** Types of service of the record layout as short noun phrases ("P": lump sum purchase of DME, prosthetics, orthotics). */
    static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("0", "whole blood"), Map.entry("1", "medical care"), Map.entry("2", "surgery"), Map.entry("3", "a consultation"),
            Map.entry("4", "an imaging test"), Map.entry("5", "a lab test"), Map.entry("6", "radiation treatment"),
            Map.entry("7", "anesthesia"), Map.entry("8", "help from an assistant at surgery"), Map.entry("9", "another medical item or service"),
            Map.entry("A", "used medical equipment"), Map.entry("B", "a screening mammogram"), Map.entry("C", "a screening mammogram"),
            Map.entry("D", "ambulance care"), Map.entry("E", "food or supplies for feeding by tube or vein"),
            Map.entry("F", "use of a surgery center"), Map.entry("G", "a drug that calms the immune system"),
            Map.entry("H", "hospice care"), Map.entry("I", "equipment bought in parts"), Map.entry("J", "shoes for people with diabetes"),
            Map.entry("K", "a hearing item or service"), Map.entry("L", "a kidney dialysis supply"),
            Map.entry("M", "a monthly dialysis payment"), Map.entry("N", "care of a kidney donor"),
            Map.entry("P", "a one-time purchase of equipment, braces or artificial limbs"), Map.entry("Q", "a vision item or service"),
            Map.entry("R", "rented medical equipment"), Map.entry("S", "a dressing or other medical supply"),
            Map.entry("T", "outpatient mental health care"), Map.entry("U", "occupational therapy"),
            Map.entry("V", "a pneumonia or flu vaccine"), Map.entry("W", "physical therapy"),
            Map.entry("Y", "a second opinion on surgery"), Map.entry("Z", "a third opinion on surgery"));

    /** A descriptor piece longer than this (in words) is cut at its commas. */
    private static final int LONG = 10;

    private HcpcsExplainer() {
    }

    static List<Sentence> explain(CodePage page) {
        List<Sentence> out = new ArrayList<>();
        String descriptor = page.longDescription() == null ? page.shortDescription() : page.longDescription();
        boolean modifier = page.key().length() == 2;
        if (descriptor != null) {
            List<String> pieces = shortSentences(Abbreviations.spellOut(units(Phrases.clause(descriptor))));
            StringBuilder text = new StringBuilder(Phrases.sentence((modifier ? "This modifier means: " : "This code is for: ")
                    + (pieces.isEmpty() ? "" : pieces.get(0))));
            pieces.stream().skip(1).forEach(p -> text.append(' ').append(Phrases.sentence(p)));
            out.add(new Sentence(text.toString(), "longDescription", descriptor));
        }
        if (modifier) {
            out.add(new Sentence("A modifier is added to a code to tell more about the service.", "code", page.key()));
        }
        // BETOS "undefined codes" and "exceptions/unclassified" say nothing of the kind of service: no sentence
        attribute(page, "BETOS").filter(a -> !a.meaning().toLowerCase(Locale.ROOT).matches(".*(undefined|unclassified).*"))
                .ifPresent(a -> out.add(new Sentence(Phrases.sentence("Kind of service: "
                + Abbreviations.spellOut(kind(a.meaning()))), "hcpcs:betos", a.value())));
        Set<String> types = new LinkedHashSet<>();
        page.attributes().stream().filter(a -> a.label().startsWith("Type of service") && a.meaning() != null)
                .forEach(a -> types.add(TYPES.getOrDefault(a.value().trim(), Phrases.lower(withoutObsoleteNote(a.meaning())))));
        if (!types.isEmpty()) {
            // spelled out as one text, so that an initialism is explained once
            out.add(new Sentence(Phrases.sentence("Medicare counts it as " + Abbreviations.spellOut(Phrases.list(new ArrayList<>(types)))),
                    "hcpcs:typeOfService",
                    String.join(", ", page.attributes().stream().filter(a -> a.label().startsWith("Type of service")).map(Attribute::value).toList())));
        }
        attribute(page, "Pricing indicator 1").ifPresent(a -> out.add(new Sentence(Phrases.sentence(PRICING.containsKey(a.value().trim())
                ? PRICING.get(a.value().trim())
                : "How Medicare sets the price: " + Abbreviations.spellOut(lowerFirst(Phrases.clause(a.meaning())))), "hcpcs:pricingIndicator", a.value())));
        attribute(page, "Coverage code").filter(a -> COVERAGE.containsKey(a.value().trim()))
                .ifPresent(a -> out.add(new Sentence(Phrases.sentence(COVERAGE.get(a.value().trim())), "hcpcs:coverageCode", a.value())));
        attribute(page, "Termination date").ifPresent(a -> out.add(new Sentence(Phrases.sentence("This code has ended. Its last day of use was "
                + (a.meaning() == null ? a.value() : a.meaning())), "hcpcs:terminationDate", a.value())));
        return out;
    }

    /**
     * The descriptor as short sentences, every word kept in order: cut at each semicolon, and a piece longer than {@value #LONG}
     * words also at its commas (outside parentheses), between parts of at least three words each (a shorter part means a list
     * is going on: it is never cut); a part that starts with "but", "or", "and", "than", "to", "per", "each", "up" stays with
     * the one before it.
     */
    static List<String> shortSentences(String descriptor) {
        List<String> out = new ArrayList<>();
        for (String piece : splitOutside(descriptor, ';')) {
            String p = piece.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (words(p) <= LONG) {
                out.add(p);
                continue;
            }
            StringBuilder current = new StringBuilder();
            int previous = 0; // words of the part before: a short one means a list is going on ("imaging, supervision, interpretation")
            for (String part : splitOutside(p, ',')) {
                String s = part.strip();
                if (current.length() > 0 && words(current.toString()) >= 3 && previous >= 3 && words(s) >= 3
                        && !s.matches("(?i)(but|or|and|than|to|per|each|up)\\b.*")) {
                    out.add(current.toString());
                    current.setLength(0);
                }
                current.append(current.length() == 0 ? "" : ", ").append(s);
                previous = words(s);
            }
            if (current.length() > 0) {
                // a short tail stays with the sentence before it
                if (words(current.toString()) < 3 && !out.isEmpty()) {
                    out.set(out.size() - 1, out.get(out.size() - 1) + ", " + current);
                } else {
                    out.add(current.toString());
                }
            }
        }
        return out.stream().map(Phrases::clause).filter(s -> !s.isEmpty()).toList();
    }

    /** Square units written "sq. in." or "sq cm": spelled out whole, so that no period is left inside a sentence. */
    static String units(String descriptor) {
        return descriptor.replaceAll("(?i)\\bsq\\.? ?in\\b\\.?", "square inches").replaceAll("(?i)\\bsq\\.? ?cm\\b\\.?", "square centimeters")
                .replaceAll("(?i)\\bsq\\.? ?ft\\b\\.?", "square feet");
    }

    /** The text cut at the separator where it is outside parentheses. */
    private static List<String> splitOutside(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (c == separator && depth == 0) {
                parts.add(text.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(text.substring(from));
        return parts;
    }

    private static int words(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    /** The attribute whose label starts with the name, when it has a meaning (a coded value) or a date. */
    private static Optional<Attribute> attribute(CodePage page, String label) {
        return page.attributes().stream().filter(a -> a.label().startsWith(label) && a.value() != null && !a.value().isBlank()
                && (a.meaning() != null || label.startsWith("Coverage"))).findFirst();
    }

    /** "Drugs - other" → "drugs (other)"; "Standard imaging - chest" → "standard imaging (chest)"; "Other DME" → "other medical equipment". */
    private static String kind(String betos) {
        String b = betos.replace("DME", "medical equipment").replace("CAT/CT/CTA", "computed tomography scans")
                .replace("MRI/MRA", "magnetic resonance scans").replace(" (PTCA)", "").replace("EKG", "heart tracing")
                .replace("TURP", "prostate surgery through the urethra").replace("CABG", "heart bypass surgery")
                .replace("explor/decompr/excis disc", "spinal disc surgery");
        int dash = b.indexOf(" - ");
        return dash < 0 ? Phrases.lower(b)
                : Phrases.lower(b.substring(0, dash)) + " (" + Phrases.lower(b.substring(dash + 3)) + ")";
    }

    private static String withoutObsoleteNote(String meaning) {
        return meaning.replaceAll("\\s*\\((obsolete|discontinued)[^)]*\\)", "");
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() || (text.length() > 1 && Character.isUpperCase(text.charAt(1))) ? text
                : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
