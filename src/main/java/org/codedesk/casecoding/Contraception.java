package org.codedesk.casecoding;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The contraceptive management a visit is for (category Z30), read from the assessment and plan: a method prescribed for
 * the first time (the index's "Contraception > initial prescription": pills Z30.011, emergency Z30.012, injectable Z30.013,
 * vaginal ring Z30.015, patch Z30.016, implant Z30.017) or continued, refilled or renewed (surveillance: pills Z30.41,
 * injectable Z30.42, ring Z30.44, patch Z30.45, implant Z30.46). A list of options counseled names no method prescribed.
 */
final class Contraception {

    record Found(String code, NoteFacts.Found evidence, String why) { }

    private record Method(Pattern words, String initial, String surveillance, String name) { }

    private static final Pattern CONTRACEPTION = Pattern.compile("\\b(contracepti\\w*|birth control|ocps?|cocs?|pops?|depo-?provera|dmpa|nexplanon"
            + "|nuvaring|plan b)\\b");
    private static final Pattern FIRST = Pattern.compile("\\b(first prescription|initial prescription|prescribed|start|starts|started|starting"
            + "|quick start|begin|initiate[d]?|new prescription|given today)\\b");
    private static final Pattern CONTINUED = Pattern.compile("\\b(continue[sd]?|refill(ed|s)?|renew(ed|al)?|repeat|next (injection|shot|dose)"
            + "|surveillance|doing well on|satisfied with)\\b");
    /** Methods, the more particular first (a "progestin-only pill" is a pill; "levonorgestrel 1.5 mg" after sex is emergency). */
    private static final List<Method> METHODS = List.of(
            new Method(Pattern.compile("\\b(emergency contracepti\\w*|plan b|ulipristal|ella|postcoital)\\b"), "Z30.012", null, "emergency contraception"),
            new Method(Pattern.compile("\\b(depo-?provera|dmpa|depo|medroxyprogesterone (acetate )?(injection|150)|injectable)\\b"), "Z30.013", "Z30.42",
                    "injectable contraceptive"),
            new Method(Pattern.compile("\\b(vaginal ring|nuvaring|annovera|ring)\\b"), "Z30.015", "Z30.44", "vaginal ring"),
            new Method(Pattern.compile("\\b(transdermal|patch|xulane|twirla)\\b"), "Z30.016", "Z30.45", "transdermal patch"),
            new Method(Pattern.compile("\\b(nexplanon|implant|implantable rod|etonogestrel implant)\\b"), "Z30.017", "Z30.46", "subdermal implant"),
            new Method(Pattern.compile("\\b(ocps?|cocs?|pops?|pills?|oral contraceptives?|minipill|norethindrone|ethinyl estradiol|drospirenone"
                    + "|norgestimate|levonorgestrel)\\b"), "Z30.011", "Z30.41", "contraceptive pills"));
    private static final Pattern OPTIONS = Pattern.compile("\\b(options|counsel\\w*|discussed|reviewed|vs\\.?|versus|considering|incl\\.?|including)\\b");
    private static final Pattern DEVICE_IN_PLACE = Pattern.compile("(?i)\\b(iud|intrauterine device|mirena|paragard|kyleena|liletta)\\b[^.\\n]{0,30}"
            + "\\b(in place|present|placed (in )?(19|20)\\d\\d|strings? (seen|visible))\\b|\\b(has|with) (an? )?(iud|intrauterine device)\\b");

    private Contraception() { }

    /** The contraception code of the visit, or empty when the assessment and plan prescribe or continue no method. */
    static Optional<Found> of(NoteFacts facts) {
        String text = facts.note().text().toLowerCase(Locale.ROOT);
        for (NoteFacts.Found f : facts.all(CONTRACEPTION, Set.of(NoteSections.CONCLUSION))) {
            // the item of the assessment the word begins ("2. Contraception - desires OCP; progestin-only pill ... prescribed"), sentence by
            // sentence: "counseled on options incl. IUD, implant, DMPA, pill" prescribes nothing, "Prefers the pill: ..., first prescription" does
            int to = text.indexOf('\n', f.end());
            for (String sentence : text.substring(f.start(), to < 0 ? text.length() : to).split("(?<=[a-z)])\\.\\s+")) {
                Optional<Found> found = inSentence(sentence, f);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Found> inSentence(String sentence, NoteFacts.Found f) {
        boolean first = FIRST.matcher(sentence).find();
        boolean continued = CONTINUED.matcher(sentence).find();
        if (!first && !continued) {
            return Optional.empty();
        }
        long methodsNamed = METHODS.stream().filter(x -> x.words().matcher(sentence).find()).count();
        if (methodsNamed > 2 && OPTIONS.matcher(sentence).find()) {
            return Optional.empty(); // the options counseled, not a method prescribed
        }
        for (Method method : METHODS) {
            if (method.words().matcher(sentence).find()) {
                String code = first && !continued || method.surveillance() == null ? method.initial() : method.surveillance();
                return Optional.of(new Found(code, f, (code.startsWith("Z30.0") ? "encounter for the initial prescription of "
                        : "surveillance of ") + method.name() + " (Z30, contraceptive management)"));
            }
        }
        return Optional.empty();
    }

    /** An intrauterine device the note says is in place (Z97.5), not one named among the options. */
    static boolean deviceInPlace(String text) {
        return DEVICE_IN_PLACE.matcher(text.toLowerCase(Locale.ROOT)).find();
    }
}
