package org.codedesk.casecoding;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * More operations a note names, built to complete ICD-10-PCS codes as {@link NamedProcedures} does: a paracentesis or
 * thoracentesis (drainage of the peritoneal or pleural cavity, diagnostic X only when nothing was drained to treat), an
 * electrical cardioversion (restoration of cardiac rhythm), an endarterectomy (extirpation of matter from the artery named,
 * open), a hysterectomy (resection of the uterus, and of the cervix when total; supracervical is qualifier L) with the
 * tubes and ovaries removed with it, by the approach written.
 */
final class BedsideAndPelvicProcedures {

    private static final Pattern PARACENTESIS = Pattern.compile("\\b(paracentesis|abdominal tap)\\b");
    private static final Pattern THORACENTESIS = Pattern.compile("\\b(thoracentesis|pleural tap)\\b");
    /** Drained to treat: a therapeutic or large-volume tap, or litres removed ("4.0 L ... removed"). */
    private static final Pattern THERAPEUTIC = Pattern.compile("\\b(therapeutic|large[- ]volume|lvp|\\d+(\\.\\d+)? ?(l|liters?|litres?|ml|cc) (of \\w+ (\\w+ )?)?"
            + "(fluid )?(were |was )?(removed|drained)|removed \\d)");
    private static final Pattern CARDIOVERSION = Pattern.compile("\\b((electrical|electric|dc|direct[- ]current|synchronized|synchronised)"
            + "( electrical| dc)? cardioversion|dccv|cardioverted|defibrillat(ed|ion))\\b");
    private static final Pattern CHEMICAL = Pattern.compile("\\b(chemical|pharmacologic\\w*|medical|amiodarone|ibutilide|procainamide|flecainide)\\b");
    private static final Pattern PLANNED = Pattern.compile("\\b(plan(ned|s)?|consider\\w*|schedul\\w*|outpatient|prior|previous|history|hx|candidate"
            + "|referr?\\w*|if)\\b");
    private static final Pattern ENDARTERECTOMY = Pattern.compile("\\b(carotid endarterectomy|endarterectomy|cea)\\b");
    private static final Pattern HYSTERECTOMY = Pattern.compile("\\b(hysterectomy|tlh|tah|tvh|lavh|lsh)\\b");
    private static final Pattern TUBES_AND_OVARIES = Pattern.compile("\\b((bilateral |right |left |b/l |bilat )?(salpingo-?oophorectomy|salpingectomy|oophorectomy"
            + "|adnexectomy)|bso|rso|lso)\\b");

    private BedsideAndPelvicProcedures() { }

    static void build(NoteFacts facts, Predicate<String> release, List<NamedProcedures.Built> codes, List<String> questions) {
        done(facts, PARACENTESIS).ifPresent(f -> {
            boolean diagnosticOnly = !THERAPEUTIC.matcher(facts.sentenceOf(f)).find() && facts.sentenceOf(f).contains("diagnostic");
            NamedProcedures.add(codes, release, "0W9G3Z" + (diagnosticOnly ? "X" : "Z"), f, "drainage of the peritoneal cavity, percutaneous"
                    + (diagnosticOnly ? ", diagnostic" : ""));
        });
        done(facts, THORACENTESIS).ifPresent(f -> {
            String side = NamedProcedures.side(sideLetters(facts.sentenceOf(f)));
            boolean diagnosticOnly = !THERAPEUTIC.matcher(facts.sentenceOf(f)).find() && facts.sentenceOf(f).contains("diagnostic");
            if (side.equals("right") || side.equals("left")) {
                NamedProcedures.add(codes, release, "0W9" + (side.equals("right") ? "9" : "B") + "3Z" + (diagnosticOnly ? "X" : "Z"), f,
                        "drainage of the " + side + " pleural cavity, percutaneous" + (diagnosticOnly ? ", diagnostic" : ""));
            } else {
                questions.add("Thoracentesis: the note does not say which side (0W993- right, 0W9B3- left): ask.");
            }
        });
        done(facts, CARDIOVERSION).filter(f -> !CHEMICAL.matcher(facts.around(f, 20)).find())
                .ifPresent(f -> NamedProcedures.add(codes, release, "5A2204Z", f, "restoration of cardiac rhythm (electrical cardioversion), single"));
        done(facts, ENDARTERECTOMY).ifPresent(f -> endarterectomy(facts, release, codes, questions, f));
        NamedProcedures.performed(facts, HYSTERECTOMY).ifPresent(f -> hysterectomy(facts, release, codes, f));
    }

    /** "L carotid", "R thoracentesis": a lone L or R before a word is the side, not the litres of "1.2 L removed". */
    private static String sideLetters(String sentence) {
        return sentence.replaceAll("(?<![\\d.]\\s?)\\bl\\b(?=\\s+[a-z]{3,})", "left").replaceAll("(?<![\\d.]\\s?)\\br\\b(?=\\s+[a-z]{3,})", "right");
    }

    /** Done in this stay: under a procedure heading, or in the hospital course, not planned, prior or negated. */
    private static Optional<NoteFacts.Found> done(NoteFacts facts, Pattern operation) {
        Optional<NoteFacts.Found> named = NamedProcedures.performed(facts, operation);
        if (named.isPresent()) {
            return named;
        }
        return facts.all(operation, java.util.Set.of(NoteSections.TREATED)).stream()
                .filter(f -> !PLANNED.matcher(facts.around(f, 30)).find() && !NamedProcedures.NOT_DONE.matcher(facts.around(f, 30)).find()).findFirst();
    }

    /** Extirpation of matter from the artery named (03C carotid arteries, 04C lower limb arteries), open. */
    private static void endarterectomy(NoteFacts facts, Predicate<String> release, List<NamedProcedures.Built> codes, List<String> questions,
                                       NoteFacts.Found f) {
        String sentence = facts.sentenceOf(f);
        String side = NamedProcedures.side(sideLetters(sentence));
        if (!side.equals("right") && !side.equals("left")) {
            questions.add("Endarterectomy: the note does not say which side: ask.");
            return;
        }
        boolean right = side.equals("right");
        String bodyPart = null;
        String artery = null;
        if (sentence.matches("(?s).*\\b(carotid|cea|ica|cca)\\b.*")) {
            boolean internal = sentence.matches("(?s).*\\b(internal carotid|ica)\\b.*");
            boolean common = sentence.matches("(?s).*\\b(common carotid|cca)\\b.*");
            boolean external = sentence.matches("(?s).*\\bexternal carotid\\b.*");
            if (internal ^ common ^ external && !(internal && common)) {
                bodyPart = "03C" + (internal ? (right ? "K" : "L") : common ? (right ? "H" : "J") : (right ? "M" : "N"));
                artery = (internal ? "internal" : common ? "common" : "external") + " carotid";
            } else {
                questions.add("Carotid endarterectomy: the note does not say which carotid artery the plaque was removed from (03CK-/03CL- internal,"
                        + " 03CH-/03CJ- common): ask.");
                return;
            }
        } else {
            for (var e : NamedProcedures.LOWER_ARTERIES.entrySet()) {
                if (sentence.matches("(?s).*\\b" + e.getKey() + "\\b.*")) {
                    bodyPart = "04C" + e.getValue()[right ? 0 : 1];
                    artery = e.getKey();
                    break;
                }
            }
        }
        if (bodyPart != null) {
            NamedProcedures.add(codes, release, bodyPart + "0ZZ", f, "extirpation of matter (endarterectomy) from the " + side + " " + artery + " artery, open");
        }
    }

    /**
     * Hysterectomy: resection of the uterus (0UT9), and of the cervix (0UTC) when total (supracervical: qualifier L, no cervix);
     * laparoscopic or robotic 4, laparoscopic-assisted vaginal F (the cervix via the vagina, 7), vaginal 7, else open 0; the tubes
     * and ovaries removed with it by side (not when "preserved", "left in situ", "spared").
     */
    private static void hysterectomy(NoteFacts facts, Predicate<String> release, List<NamedProcedures.Built> codes, NoteFacts.Found f) {
        String sentence = facts.sentenceOf(f);
        String approach = sentence.matches("(?s).*\\b(lavh|laparoscopic[- ]assisted vaginal|laparoscopically assisted vaginal)\\b.*") ? "F"
                : sentence.matches("(?s).*\\b(laparoscopic|robotic|robot-assisted|tlh|lsh|davinci|da vinci)\\b.*") ? "4"
                : sentence.matches("(?s).*\\b(vaginal|tvh)\\b.*") ? "7" : "0";
        boolean supracervical = sentence.matches("(?s).*\\b(supracervical|subtotal|lsh)\\b.*");
        NamedProcedures.add(codes, release, "0UT9" + approach + "Z" + (supracervical ? "L" : "Z"), f, "resection of the uterus"
                + (supracervical ? ", supracervical" : ""));
        if (!supracervical) {
            NamedProcedures.add(codes, release, "0UTC" + (approach.equals("F") ? "7" : approach) + "ZZ", f, "resection of the cervix (total hysterectomy)");
        }
        java.util.regex.Matcher m = TUBES_AND_OVARIES.matcher(sentence);
        while (m.find()) {
            String what = m.group(1);
            String after = sentence.substring(m.end(), Math.min(sentence.length(), m.end() + 25));
            boolean bilateral = what.matches("(?s)(bilateral|b/l|bilat|bso).*");
            String side = bilateral ? "both" : what.matches("(?s)(right|rso).*") ? "right" : what.matches("(?s)(left|lso).*") ? "left" : "both";
            boolean tubes = what.matches("(?s).*(salping|adnex|bso|rso|lso).*");
            boolean ovaries = what.matches("(?s).*(oophor|adnex|bso|rso|lso).*") && !after.matches("(?s)^\\W*(\\w+\\W+)?(preserved|spared|left in situ).*");
            if (tubes) {
                NamedProcedures.add(codes, release, "0UT" + (side.equals("right") ? "5" : side.equals("left") ? "6" : "7") + approach + "ZZ", f,
                        "resection of the " + (side.equals("both") ? "bilateral fallopian tubes" : side + " fallopian tube"));
            }
            if (ovaries) {
                NamedProcedures.add(codes, release, "0UT" + (side.equals("right") ? "0" : side.equals("left") ? "1" : "2") + approach + "ZZ", f,
                        "resection of the " + (side.equals("both") ? "bilateral ovaries" : side + " ovary"));
            }
        }
    }
}
