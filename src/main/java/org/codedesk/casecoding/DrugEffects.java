package org.codedesk.casecoding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codedesk.casecoding.dictionary.IndexDictionary;
import org.codedesk.casecoding.text.ClinicalText;

/**
 * Poisoning, adverse effect and underdosing (I.C.19.e) coded from the Table of Drugs and Chemicals, as the coder
 * uses it: the drug the provider concludes on ("Underdosing of lithium carbonate", "GI bleed due to supratherapeutic
 * anticoagulation with warfarin (adverse effect)", "Intentional acetaminophen overdose") is looked up in the table,
 * deepest row first ("Lithium > salts (carbonate)", not "Lithium", the metal), and the column is the one the note
 * writes: underdosing (taking less than prescribed, stopping on one's own, running out), poisoning by its intent
 * (intentional self-harm, assault, undetermined; accidental when none is written, I.C.19.e.5.b), else the adverse
 * effect of a drug taken as prescribed. A few US drug names the table does not list read as the table's row
 * ("apixaban" as an anticoagulant, "glargine" as insulin, "amlodipine" as a calcium-channel blocker). Built per note.
 */
final class DrugEffects {

    /** A table code found: the complete code (7th character A, the initial encounter), its words, and its kind. */
    record Effect(String code, NoteFacts.Found evidence, Kind kind, String drug) { }

    enum Kind {
        POISONING, ADVERSE_EFFECT, UNDERDOSING
    }

    private static final Pattern UNDERDOSING = Pattern.compile("\\b(underdos\\w*|ran out of|run(s|ning)? out of|rationing|rationed|rations"
            + "|stopped taking|stopped (his|her|their) [a-z0-9 -]{2,30} on (his|her|their) own|stopped (it|them) on (his|her|their) own)");
    private static final Pattern POISONING = Pattern.compile("\\b(poisoning|overdose[ds]?|overdosing|od'?d)\\b");
    private static final Pattern ADVERSE = Pattern.compile("\\b(adverse (drug )?(effects?|reactions?)|side[- ]effects? of)\\b|-(induced|associated|related)\\b"
            + "|\\b(due to|secondary to|caused by)\\b");
    /** An adverse effect only discussed, or its absence: "side effects reviewed", "no adverse effects". */
    private static final Pattern ADVERSE_NOT_FOUND = Pattern.compile("\\b(no|denies|without|none|reviewed|discussed|counsel\\w*|monitor\\w*|risks?)\\b");
    private static final Pattern SELF_HARM = Pattern.compile("\\b(intentional|suicid\\w*|self[- ]harm|self[- ]inflicted)\\b");
    private static final Pattern ASSAULT = Pattern.compile("\\b(assault\\w*|poisoned by (his|her|their|a|an) )");
    private static final Pattern UNDETERMINED = Pattern.compile("\\b(undetermined|unknown intent|intent (is )?(unknown|unclear|undetermined))\\b");

    /** US names (generic and brand) the table does not list, read as the table's row. */
    private static final Map<Pattern, String> ALIASES = new LinkedHashMap<>();
    static {
        ALIASES.put(Pattern.compile("\\b(tylenol|apap|paracetamol)\\b"), "acetaminophen");
        ALIASES.put(Pattern.compile("\\b(apixaban|eliquis|rivaroxaban|xarelto|edoxaban|savaysa|dabigatran|pradaxa|doac|noac)\\b"), "anticoagulant");
        ALIASES.put(Pattern.compile("\\b(glargine|lantus|basaglar|toujeo|lispro|humalog|aspart|novolog|detemir|levemir|degludec|tresiba)\\b"), "insulin");
        ALIASES.put(Pattern.compile("\\b(amlodipine|norvasc)\\b"), "blockers calcium channel");
        ALIASES.put(Pattern.compile("\\b(ace[- ]?inhibitors?|acei)\\b"), "inhibitor angiotensin-converting enzyme");
    }

    /**
     * Main terms of the table that are also words of anatomy, findings or everyday things in a note ("blood loss",
     * "normal saline", "cold exposure", "skin"): not read as a drug.
     */
    private static final Set<String> NOT_A_DRUG = Set.of("blood", "normal", "skin", "liver", "eye", "nasal", "urinary", "respiratory", "cough",
            "cold", "air", "water", "oxygen", "fat", "milk", "oil", "protein", "glucose", "sodium", "potassium", "calcium", "red", "smooth", "soft",
            "heavy", "trace", "multiple", "central", "systemic", "local", "external", "diagnostic", "replacement", "contact", "growth", "letter",
            "window", "brown", "yellow", "gold", "wool", "palm", "nail", "hair", "bone", "ear", "nose", "throat", "dental", "mucous", "gastric",
            "cerebral", "cardiac", "hepatic", "coronary", "posterior", "anterior", "motor", "nerve", "serum", "factor", "immune", "viral", "liquid",
            "nitrogen", "packed", "tablets", "extended", "spray", "dressing", "adhesive", "morning", "male", "female", "lung", "cell", "acid", "uric",
            "cancer", "smoke", "dialysis", "peritoneal", "rh", "rue", "pearly", "coffee", "appetite", "food", "salt", "sugar", "gas", "dust", "heat",
            "fluid", "fluids", "plant", "animal", "venom", "bite", "vapor", "fumes", "stool", "bile", "iodine", "contrast", "kidney", "heart",
            "muscle", "vaccine", "influenza", "tetanus", "rabies", "hormone", "thyroid", "pituitary", "adrenal", "insect", "snake", "spider");
    private static final Pattern WORD = Pattern.compile("[a-z0-9]+");
    private static final Pattern RESISTANCE_AFTER = Pattern.compile("[- ]?(resistant|susceptible|sensitive|resistance|susceptibility)\\b");
    private static final Set<String> ROW_FILLER = Set.of("nec", "specified", "type", "other", "and", "or", "of", "the", "in", "with", "drug", "drugs",
            "nos", "agent", "agents");

    /** The table's rows by the first word of their main term, built once per dictionary. */
    private static final Map<IndexDictionary, Map<String, List<IndexDictionary.DrugRow>>> BY_WORD = java.util.Collections.synchronizedMap(
            new java.util.WeakHashMap<>());

    private DrugEffects() {
    }

    static List<Effect> of(NoteFacts facts, IndexDictionary cm, Set<NoteSections> sections) {
        Map<String, List<IndexDictionary.DrugRow>> table = BY_WORD.computeIfAbsent(cm, DrugEffects::byWord);
        if (table.isEmpty()) {
            return List.of();
        }
        String text = facts.note().text().toLowerCase(Locale.ROOT);
        List<Effect> found = new ArrayList<>();
        Map<Integer, Kind> sentenceKind = new HashMap<>();
        // the strongest kind written in a sentence decides: underdosing and poisoning over the words of an adverse effect
        for (Kind kind : List.of(Kind.POISONING, Kind.UNDERDOSING, Kind.ADVERSE_EFFECT)) {
            Pattern trigger = kind == Kind.POISONING ? POISONING : kind == Kind.UNDERDOSING ? UNDERDOSING : ADVERSE;
            for (NoteFacts.Found t : facts.all(trigger, sections)) {
                int sentence = t.mention().sentence();
                if (sentenceKind.containsKey(sentence) && sentenceKind.get(sentence) != kind) {
                    continue;
                }
                ClinicalText.Sentence s = facts.note().sentences().get(sentence);
                if (kind == Kind.ADVERSE_EFFECT && t.text().matches("(?s).*(adverse|side).*")
                        && ADVERSE_NOT_FOUND.matcher(text.substring(Math.max(s.start(), t.start() - 25), Math.min(s.end(), t.end() + 20))).find()) {
                    continue;
                }
                Optional<Drug> drug = nearestDrug(text, s, t, kind, table);
                if (drug.isEmpty()) {
                    continue;
                }
                String column = kind == Kind.UNDERDOSING ? "underdosing" : kind == Kind.ADVERSE_EFFECT ? "adverse" : intent(facts, text, s);
                Optional<String> code = drug.get().code(column).map(c -> complete(c, cm));
                if (code.isEmpty() || code.get() == null) {
                    continue;
                }
                sentenceKind.put(sentence, kind);
                Optional<Effect> same = found.stream().filter(e -> e.code().equals(code.get())).findFirst();
                if (same.isEmpty()) {
                    found.add(new Effect(code.get(), t, kind, drug.get().row().path()));
                } else if (same.get().evidence().section() != NoteSections.CONCLUSION && t.section() == NoteSections.CONCLUSION) {
                    // the course's "steroid-induced hyperglycemia" and the diagnoses' "hyperglycemia due to dexamethasone": the
                    // concluded words are the evidence (a manifestation concluded beside it is what the rule asks for)
                    found.set(found.indexOf(same.get()), new Effect(code.get(), t, kind, drug.get().row().path()));
                }
            }
        }
        return found;
    }

    /** Poisoning by its intent (I.C.19.e.5.b): self-harm, assault or undetermined when written, else accidental. */
    private static String intent(NoteFacts facts, String text, ClinicalText.Sentence s) {
        String sentence = text.substring(s.start(), s.end());
        if (SELF_HARM.matcher(sentence).find()) {
            return "self-harm";
        }
        if (ASSAULT.matcher(sentence).find()) {
            return "assault";
        }
        if (UNDETERMINED.matcher(sentence).find()) {
            return "undetermined";
        }
        // the intent written elsewhere in the conclusion ("suicide attempt" in the psychiatric assessment)
        boolean selfHarm = facts.all(SELF_HARM, EnumSetHolder.CONCLUDED).stream().findAny().isPresent();
        return selfHarm ? "self-harm" : "accidental";
    }

    private static final class EnumSetHolder {
        static final Set<NoteSections> CONCLUDED = java.util.EnumSet.of(NoteSections.CONCLUSION, NoteSections.TREATED);
    }

    /** The table code with the initial encounter (A): the cells print six characters ("T38.3X6"), the code needs seven. */
    private static String complete(String tableCode, IndexDictionary cm) {
        String code = tableCode.endsWith("-") ? tableCode.substring(0, tableCode.length() - 1) : tableCode;
        String seven = code.replace(".", "").length() == 6 ? code + "A" : code;
        return cm.code(seven).filter(IndexDictionary.Code::billable).map(IndexDictionary.Code::code).orElse(null);
    }

    /** A drug named in the note: the table row it reads as, and where its words are. */
    private record Drug(IndexDictionary.DrugRow row, int start, int end) {

        Optional<String> code(String column) {
            return row.columns().entrySet().stream().filter(e -> e.getKey().toLowerCase(Locale.ROOT).contains(column))
                    .map(Map.Entry::getValue).findFirst();
        }
    }

    /**
     * The drug the trigger is about: for "due to", "secondary to", "caused by", "from" the drug within three words after
     * it; for "X-induced", "-associated", "-related" the drug just before; else the nearest drug in the sentence that has
     * a code in the column wanted.
     */
    private static Optional<Drug> nearestDrug(String text, ClinicalText.Sentence s, NoteFacts.Found t, Kind kind,
            Map<String, List<IndexDictionary.DrugRow>> table) {
        String sentence = text.substring(s.start(), s.end());
        List<Drug> drugs = drugsIn(sentence, s.start(), table);
        String column = kind == Kind.UNDERDOSING ? "underdosing" : kind == Kind.ADVERSE_EFFECT ? "adverse" : "poisoning";
        drugs.removeIf(d -> d.row().columns().keySet().stream().noneMatch(c -> c.toLowerCase(Locale.ROOT).contains(column)));
        if (drugs.isEmpty()) {
            return Optional.empty();
        }
        if (kind == Kind.ADVERSE_EFFECT && t.text().matches("(due to|secondary to|caused by)")) {
            return drugs.stream().filter(d -> d.start() >= t.end() && words(text.substring(t.end(), d.start())) <= 3
                    && !text.substring(t.end(), d.start()).matches("(?s).*[;.()].*")
                    && !NOT_TAKEN_AFTER.matcher(text.substring(d.end(), Math.min(s.end(), d.end() + 30))).find()).findFirst();
        }
        if (kind == Kind.ADVERSE_EFFECT && t.text().startsWith("-")) {
            return drugs.stream().filter(d -> d.end() == t.start()).findFirst();
        }
        return drugs.stream().filter(d -> !text.substring(Math.min(d.end(), t.start()), Math.max(d.start(), t.end())).contains(";"))
                .min(Comparator.comparingInt(d -> d.start() >= t.end() ? d.start() - t.end() : Math.max(0, t.start() - d.end())));
    }

    /** "due to insulin omission": the drug not taken, an underdosing, not its adverse effect. */
    private static final Pattern NOT_TAKEN_AFTER = Pattern.compile("^\\W*(\\w+ )?(omission|omitted|noncomplian\\w*|non-?adheren\\w*|withdrawal"
            + "|underdos\\w*|missed|cessation|held|holding|discontinu\\w*|stopp\\w*|deficien\\w*|overload|loss|exposure|levels?)\\b");

    private static int words(String between) {
        return between.isBlank() ? 0 : between.trim().split("\\s+").length;
    }

    /** A word of the sentence, or a word of what an alias stands for, at the alias's characters. */
    private record Token(String word, int start, int end) { }

    /** The drugs of a sentence: each main term whose words are all there, as its deepest row the sentence's words name. */
    private static List<Drug> drugsIn(String sentence, int offset, Map<String, List<IndexDictionary.DrugRow>> table) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(sentence);
        while (m.find()) {
            tokens.add(new Token(singular(m.group()), m.start(), m.end()));
        }
        for (Map.Entry<Pattern, String> alias : ALIASES.entrySet()) {
            Matcher a = alias.getKey().matcher(sentence);
            while (a.find()) {
                for (String w : rowWords(alias.getValue())) {
                    tokens.add(new Token(w, a.start(), a.end()));
                }
            }
        }
        tokens.sort(Comparator.comparingInt(Token::start));
        Set<String> present = new java.util.HashSet<>();
        tokens.forEach(t -> present.add(t.word()));
        List<Drug> drugs = new ArrayList<>();
        Set<String> mainTerms = new java.util.HashSet<>();
        for (Token token : tokens) {
            List<IndexDictionary.DrugRow> rows = table.get(token.word());
            if (rows == null || NOT_A_DRUG.contains(token.word()) || token.word().matches("\\d.*")
                    || RESISTANCE_AFTER.matcher(sentence.substring(Math.min(sentence.length(), token.end()))).lookingAt()) {
                // "methicillin-susceptible Staphylococcus aureus": a drug named in an organism's susceptibility is no drug taken
                continue;
            }
            List<String> mainModifiers = rows.stream().filter(r -> r.path().equals(r.mainTerm())).findFirst()
                    .map(r -> modifierWords(r.modifiers())).orElse(List.of());
            IndexDictionary.DrugRow best = null;
            int bestScore = -1;
            for (IndexDictionary.DrugRow row : rows) {
                if (!rowWords(row.mainTerm()).stream().allMatch(present::contains)) {
                    continue;
                }
                int score = subtermScore(row, present, mainModifiers);
                if (score > bestScore || score == bestScore && best != null && row.path().length() < best.path().length()) {
                    best = row;
                    bestScore = score;
                }
            }
            if (best != null && mainTerms.add(best.path() + "@" + token.start())) {
                drugs.add(new Drug(best, offset + token.start(), offset + token.end()));
            }
        }
        return drugs;
    }

    /** How well a row below the main term fits: -1 when its words are not written; the main term itself 0. */
    private static int subtermScore(IndexDictionary.DrugRow row, Set<String> present, List<String> mainModifiers) {
        String[] levels = row.path().split(" > ");
        if (levels.length == 1) {
            return 0;
        }
        int score = 0;
        for (int l = 1; l < levels.length; l++) {
            List<String> words = rowWords(levels[l]);
            if (!words.isEmpty() && words.stream().allMatch(present::contains)) {
                score += words.size();
                continue;
            }
            // a level whose printed words are not written, but whose nonessential modifier is ("salts (carbonate)")
            List<String> modifiers = new ArrayList<>(modifierWords(row.modifiers()));
            modifiers.removeAll(mainModifiers);
            if (modifiers.stream().anyMatch(present::contains)) {
                score += 1;
                continue;
            }
            return -1;
        }
        return score;
    }

    /** The words of the nonessential modifiers printed in parentheses: "(carbonate)". */
    private static List<String> modifierWords(String modifiers) {
        return rowWords(modifiers.replace('(', ' ').replace(')', ' '));
    }

    private static List<String> rowWords(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT).replaceAll("\\([^)]*\\)", " "));
        while (m.find()) {
            if (!ROW_FILLER.contains(m.group())) {
                words.add(singular(m.group()));
            }
        }
        return words;
    }

    private static String singular(String w) {
        return w.length() > 4 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("is") && !w.endsWith("us") ? w.substring(0, w.length() - 1) : w;
    }

    private static Map<String, List<IndexDictionary.DrugRow>> byWord(IndexDictionary cm) {
        Map<String, List<IndexDictionary.DrugRow>> byWord = new HashMap<>();
        for (IndexDictionary.DrugRow row : cm.drugRows()) {
            List<String> words = rowWords(row.mainTerm());
            if (!words.isEmpty()) {
                byWord.computeIfAbsent(words.get(0), k -> new ArrayList<>()).add(row);
            }
        }
        return byWord;
    }
}
