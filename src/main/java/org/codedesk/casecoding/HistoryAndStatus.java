package org.codedesk.casecoding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codedesk.casecoding.dictionary.IndexDictionary;
import org.codedesk.casecoding.text.Stems;

/**
 * Personal history and status codes (I.C.21.c.3, c.4: history and status codes may be reported with any encounter, since
 * a past condition, an absent limb or organ, or an implant can alter the care given) found the way a coder finds them:
 * what the note writes after "history of", "h/o", "s/p", "status post" or lists under the past medical and surgical
 * history is looked up under the index's "History, personal (of)", "Status (post)", "Presence (of)", "Absence (of) ...
 * acquired" and "Transplant" (a "hx of DVT" is Z86.718, "s/p R BKA" Z89.511, "s/p L TKA" Z96.652). A few words US
 * clinicians write are read as the index words ("CABG" as the index's aortocoronary bypass, "cancer" as malignant
 * neoplasm). A header is completed with the side written. History codes of vague kind ("other diseases", "unspecified")
 * are found only when the provider assesses them; tobacco history is the companions' rule.
 */
final class HistoryAndStatus {

    /** A phrase to look up, and whether it was written after "s/p" (an operation or an event: not a personal history). */
    record Item(NoteFacts.Found words, boolean statusPost) { }

    /** A history or status code found, with the words it rests on. */
    record Finding(String code, NoteFacts.Found evidence, String route) { }

    private static final Pattern TRIGGER = Pattern.compile("\\b(personal history of|remote history of|history of|hx of|hx(?=\\s)|h/o|s/p|status post"
            + "|remote|prior|previous)\\s+");
    private static final Pattern PAST_HISTORY_HEADING = Pattern.compile("\\b(pmh|psh|pmhx|pshx|past medical|past surgical|medical history"
            + "|surgical history|past history)\\b");
    /** Where an item after a trigger ends: a sentence or clause break, a parenthesis, or the next item of a list. */
    private static final Pattern ITEM_END = Pattern.compile("[.;:()\\n,]|\\s(and|who|presented|presents|admitted|with|on)\\s");
    private static final int ITEM_REACH = 60;

    /** Words US clinicians write, read as the words of the index ("History, personal (of), malignant neoplasm"). */
    private static final Map<Pattern, String> SYNONYMS = new LinkedHashMap<>();

    static {
        synonym("\\b(cabg|coronary artery bypass|bypass graft(ing)?|bypass surgery)\\b", "aortocoronary bypass");
        synonym("\\b(cancer|ca|carcinoma|adenocarcinoma|malignancy)\\b", "malignant neoplasm");
        synonym("\\b(ppm|pacemaker)\\b", "cardiac pacemaker");
        synonym("\\b(aicd|icd|defibrillator)\\b", "implanted device automatic cardiac defibrillator");
        synonym("\\b(tka|(knee) (replacement|arthroplasty))\\b", "knee joint implant");
        synonym("\\b(tha|(hip) (replacement|arthroplasty))\\b", "hip joint implant");
        synonym("\\b(tsa|(shoulder) (replacement|arthroplasty))\\b", "shoulder joint implant");
        synonym("\\b(bka|below[- ](the[- ])?knee amputation|transtibial amputation)\\b", "absence leg below knee");
        synonym("\\b(aka|above[- ](the[- ])?knee amputation|transfemoral amputation)\\b", "absence leg");
        synonym("\\b(great )?toe amputation|amputation of (the )?(\\w+ )?(great )?toe", "absence toe");
        synonym("\\bgreat toe\\b", "great");
        synonym("\\b(pci|des|(coronary|lad|rca|lcx|circumflex|cardiac) stents?|stents? (to|in) (the )?(lad|rca|lcx|circumflex|coronary))\\b",
                "angioplasty coronary artery implant");
        synonym("\\b(dvt|vte|deep vein thrombosis|deep venous thrombosis)\\b", "venous thrombosis");
        synonym("\\b(pe|pulmonary embol\\w*)\\b", "embolism pulmonary");
        synonym("\\b(nephrolithiasis|kidney stones?|renal (stones?|calculi)|urolithiasis)\\b", "kidney stones");
        synonym("\\bmrsa\\b", "methicillin resistant staphylococcus aureus");
        synonym("\\b(lobectomy|pneumonectomy)\\b", "absence lung acquired");
        synonym("\\b(tah|hysterectomy)\\b", "hysterectomy");
        synonym("\\b(cva|stroke)\\b", "stroke");
    }

    private static void synonym(String regex, String words) {
        SYNONYMS.put(Pattern.compile(regex), words);
    }

    /** The index levels looked under, and a word the item must hold for each when the trigger does not say it. */
    private static final Map<String, String> PREFIXES = Map.of(
            "History > personal", "",
            "Status", "",
            "Presence", "",
            "Absence", "absence",
            "Transplant", "transplant");

    /** Codes this rule may give: histories, absences, implants and states, and the old myocardial infarction (I25.2). */
    private static final Pattern CODES = Pattern.compile("Z8[5-7]\\..*|Z89\\..*|Z9[0-5]\\..*|Z96\\..*|Z98\\..*|Z99\\..*|I25\\.2");
    /** Codes of a vague kind: reported only when the provider assesses them. */
    private static final Pattern VAGUE = Pattern.compile("\\b(other (diseases|specified|organs?|parts|conditions|functional|medical|infectious|\\(healed\\))"
            + "|unspecified)\\b");
    private static final Pattern ANGIOPLASTY = Pattern.compile("\\b(stents?|stented|stenting|pci|ptca|des|bms|angioplasty)\\b");
    private static final Pattern PARTIAL = Pattern.compile("\\b(partial|lumpectomy|segmental|wedge)\\b");
    private static final Pattern ABOVE_KNEE = Pattern.compile("\\b(aka|above[- ](the[- ])?knee)\\b");
    private static final Pattern SIDE_RIGHT = Pattern.compile("\\b(right|r|rt)\\b");
    private static final Pattern SIDE_LEFT = Pattern.compile("\\b(left|l|lt)\\b");
    private static final Pattern SIDE_BOTH = Pattern.compile("\\b(bilateral|both|b/l|bilat)\\b");

    private final NoteFacts facts;
    private final IndexDictionary cm;

    HistoryAndStatus(NoteFacts facts, IndexDictionary cm) {
        this.facts = facts;
        this.cm = cm;
    }

    /** Every history or status code the note documents, once each, in the note's order. */
    List<Finding> find() {
        Map<String, Finding> found = new LinkedHashMap<>();
        for (Finding f : familyHistory()) {
            found.putIfAbsent(f.code(), f);
        }
        for (Item item : items()) {
            for (Finding f : lookUp(item.words(), item.statusPost())) {
                found.putIfAbsent(f.code(), f);
            }
        }
        return List.copyOf(found.values());
    }

    private static final Pattern FAMILY_TRIGGER = Pattern.compile("\\b(family history of|family hx of|fhx of|fh of)\\s+");
    private static final Pattern FAMILY_CODES = Pattern.compile("Z8[0-4]\\..*");

    /**
     * A family history the provider concludes on ("Impression: ... Family history of colon cancer" of a screening):
     * "History > family (of)" in the index. Family history written elsewhere is not coded unless it drove the visit.
     */
    List<Finding> familyHistory() {
        List<Finding> result = new ArrayList<>();
        String text = facts.note().text().toLowerCase(Locale.ROOT);
        Matcher t = FAMILY_TRIGGER.matcher(text);
        while (t.find()) {
            Optional<NoteFacts.Found> trigger = facts.at(t.start(), t.end() - 1);
            if (trigger.isEmpty() || trigger.get().section() != NoteSections.CONCLUSION) {
                continue;
            }
            int limit = Math.min(text.length(), t.end() + ITEM_REACH);
            Matcher end = ITEM_END.matcher(text).region(t.end(), limit);
            String item = text.substring(t.end(), end.find() ? end.start() : limit);
            Set<String> stems = new HashSet<>();
            Stems.words(item).forEach(w -> stems.add(Stems.stem(w)));
            SYNONYMS.forEach((pattern, words) -> {
                if (pattern.matcher(item).find()) {
                    Stems.words(words).forEach(w -> stems.add(Stems.stem(w)));
                }
            });
            COLON_AS_DIGESTIVE.forEach(w -> {
                if (item.contains(w)) {
                    Stems.words("digestive organ gastrointestinal tract").forEach(x -> stems.add(Stems.stem(x)));
                }
            });
            IndexDictionary.Subentry best = null;
            for (IndexDictionary.Subentry s : cm.subentries("History > family")) {
                if (allIn(s.groups(), stems) && (best == null || s.groups().length > best.groups().length)) {
                    best = s;
                }
            }
            if (best != null && best.entry().code() != null && FAMILY_CODES.matcher(best.entry().code()).matches()
                    && cm.code(best.entry().code()).filter(IndexDictionary.Code::billable).isPresent()) {
                result.add(new Finding(best.entry().code(), trigger.get(), "Alphabetic Index: " + best.entry().path()));
            }
        }
        return result;
    }

    /** The index files a relative's colon, rectal or stomach cancer under "malignant neoplasm > digestive organ". */
    private static final List<String> COLON_AS_DIGESTIVE = List.of("colon", "rectal", "rectum", "colorectal", "stomach", "gastric", "esophageal",
            "pancreatic", "liver");

    /** The phrases after a history trigger, and the items of a past medical or surgical history list. */
    List<Item> items() {
        List<Item> items = new ArrayList<>();
        String text = facts.note().text().toLowerCase(Locale.ROOT);
        Matcher t = TRIGGER.matcher(text);
        while (t.find()) {
            int start = t.end();
            int limit = Math.min(text.length(), start + ITEM_REACH);
            Matcher end = ITEM_END.matcher(text).region(start, limit);
            Matcher next = TRIGGER.matcher(text).region(start, limit);
            int stop = end.find() ? end.start() : limit;
            if (next.find()) {
                stop = Math.min(stop, next.start());
            }
            addItem(items, start, stop, t.group(1).equals("s/p") || t.group(1).equals("status post"));
        }
        for (org.codedesk.casecoding.text.ClinicalText.Sentence s : facts.note().sentences()) {
            if (!PAST_HISTORY_HEADING.matcher(s.section()).find()) {
                continue;
            }
            int from = s.start();
            for (int i = s.start(); i <= s.end(); i++) {
                if (i == s.end() || ",;".indexOf(text.charAt(i)) >= 0) {
                    addItem(items, from, i, false);
                    from = i + 1;
                }
            }
        }
        return items;
    }

    private static final Pattern SCREENING = Pattern.compile("\\bscreen\\w*\\b");

    private void addItem(List<Item> items, int start, int end, boolean statusPost) {
        if (end <= start || SCREENING.matcher(facts.note().text().substring(start, end).toLowerCase(Locale.ROOT)).find()) {
            // a screening looks for a condition the patient has not had
            return;
        }
        facts.at(start, end).filter(f -> f.section() != NoteSections.FAMILY && f.section() != NoteSections.REVIEW
                && f.section() != NoteSections.MEDICATIONS).ifPresent(f -> items.add(new Item(f, statusPost)));
    }

    /** The deepest entry under each index level whose words the item holds, completed with the side it writes. */
    List<Finding> lookUp(NoteFacts.Found item, boolean statusPost) {
        Set<String> stems = new HashSet<>(facts.stems(item));
        String text = item.text();
        if (ABOVE_KNEE.matcher(text).find()) {
            // an above-knee amputation is the absence of the leg above the knee (Z89.61-), not of the knee joint
            stems.remove(Stems.stem("knee"));
        }
        SYNONYMS.forEach((pattern, words) -> {
            if (pattern.matcher(text).find()) {
                for (String w : Stems.words(words)) {
                    stems.add(Stems.stem(w));
                }
            }
        });
        List<Finding> result = new ArrayList<>();
        PREFIXES.forEach((prefix, needed) -> {
            if (!needed.isEmpty() && !stems.contains(Stems.stem(needed)) || statusPost && prefix.startsWith("History")) {
                return;
            }
            IndexDictionary.Subentry best = null;
            for (IndexDictionary.Subentry s : cm.subentries(prefix)) {
                if (s.entry().path().toLowerCase(Locale.ROOT).contains("congenital") || !allIn(s.groups(), stems)
                        || best != null && best.groups().length >= s.groups().length) {
                    continue;
                }
                best = s;
            }
            if (best == null) {
                return;
            }
            IndexDictionary.Subentry chosen = best;
            complete(chosen.entry().code(), text).filter(code -> CODES.matcher(code).matches()).filter(code -> !code.equals("Z87.891"))
                    .filter(code -> item.section() == NoteSections.CONCLUSION || !VAGUE.matcher(title(code)).find())
                    // "coronary artery bypass graft" holds the words of "coronary ... graft" (Z95.5), which is an angioplasty's
                    .filter(code -> !code.equals("Z95.5") || ANGIOPLASTY.matcher(text.toLowerCase(Locale.ROOT)).find())
                    // a partial mastectomy or resection leaves the organ: no acquired absence unless the code says partial
                    .filter(code -> !PARTIAL.matcher(text.toLowerCase(Locale.ROOT)).find() || !title(code).contains("absence")
                            || title(code).contains("part"))
                    .ifPresent(code -> result.add(new Finding(code, item, "Alphabetic Index: " + chosen.entry().path())));
        });
        return result;
    }

    /** The billable code: the entry's own, or the one below a header for the side the item writes. */
    private Optional<String> complete(String code, String text) {
        Optional<IndexDictionary.Code> own = cm.code(code);
        if (own.isPresent() && own.get().billable()) {
            return Optional.of(code);
        }
        List<IndexDictionary.Code> under = cm.billableUnder(code);
        if (under.isEmpty() || under.size() > 12) {
            return Optional.empty();
        }
        String side = SIDE_BOTH.matcher(text).find() ? "bilateral" : SIDE_RIGHT.matcher(text).find() && !SIDE_LEFT.matcher(text).find() ? "right"
                : SIDE_LEFT.matcher(text).find() && !SIDE_RIGHT.matcher(text).find() ? "left" : "unspecified";
        List<IndexDictionary.Code> sided = under.stream().filter(k -> k.title().toLowerCase(Locale.ROOT).matches("(?s).*\\b" + side + "\\b.*")).toList();
        if (sided.size() == 1) {
            return Optional.of(sided.get(0).code());
        }
        return under.stream().filter(k -> k.title().toLowerCase(Locale.ROOT).contains("unspecified")).map(IndexDictionary.Code::code).findFirst();
    }

    private String title(String code) {
        return cm.code(code).map(IndexDictionary.Code::title).orElse("").toLowerCase(Locale.ROOT);
    }

    private static boolean allIn(String[][] groups, Set<String> stems) {
        for (String[] group : groups) {
            boolean any = false;
            for (String s : group) {
                any |= stems.contains(s);
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }
}
