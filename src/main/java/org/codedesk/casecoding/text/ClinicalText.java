package org.codedesk.casecoding.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A clinical note read for coding: its sentences, the section each sits in ("Family history:", "Past medical
 * history:"; a heading with text after it covers its line, a heading alone covers the lines up to a blank line), and its words with their character offsets, their stems (plus the stems of what an abbreviation
 * stands for: "HTN" also reads as "hypertension") and what the text asserts about them (negated, uncertain,
 * family, history). Immutable; holds the text only as long as the caller does.
 */
public final class ClinicalText {

    /** A word of the text. {@code stems} holds its own stem first, then those of its abbreviation's expansions. */
    public record Word(String text, int start, int end, int sentence, Set<String> stems, Assertion assertion) {

        public String stem() {
            return stems.iterator().next();
        }
    }

    /** A sentence: character range and the heading of the section it is in (lower case, "" before any). */
    public record Sentence(int start, int end, String section, int firstWord, int endWord) { }

    private static final Pattern HEADING = Pattern.compile("^\\s*([A-Za-z][A-Za-z /&-]{2,40}):");
    /**
     * Words US clinicians write for what the classification words differently ("calculous cholecystitis" is the index's
     * "calculus", "hypoxic respiratory failure" its "with hypoxia", "HFrEF" a systolic heart failure).
     */
    private static final java.util.regex.Pattern THERAPY = java.util.regex.Pattern.compile("\\bpositive airway pressure\\b");
    /** "distal radius", "proximal humerus": the index's "lower end" and "upper end" of a long bone. */
    private static final java.util.regex.Pattern LONG_BONE = java.util.regex.Pattern.compile("(radius|radial|ulna|ulnar|femur|femoral|tibia|tibial"
            + "|fibula|fibular|humerus|humeral)");
    private static final Set<String> PRONOUNS = Set.of("he", "she", "his", "her", "hers", "him", "He", "She", "His", "Her", "Him");
    private static final String PRONOUN_MARK = "~";
    private static final java.util.regex.Pattern VERTEBRA = java.util.regex.Pattern.compile("([CTLS])(?:[1-9]|1[0-2])");
    private static final Map<Character, String> SPINE_REGIONS = Map.of('C', "cervical", 'T', "thoracic", 'L', "lumbar", 'S', "sacral");
    private static final Map<String, List<String>> ALIASES = Map.ofEntries(
            Map.entry("calculous", List.of("calculus")),
            Map.entry("hypoxic", List.of("hypoxia")),
            Map.entry("hypoxemic", List.of("hypoxia")),
            Map.entry("hypercapnic", List.of("hypercapnia")),
            Map.entry("hypercarbic", List.of("hypercapnia")),
            Map.entry("hfref", List.of("systolic heart failure")),
            Map.entry("hfpef", List.of("diastolic heart failure")),
            Map.entry("afib", List.of("atrial fibrillation")),
            Map.entry("t2dm", List.of("type 2 diabetes mellitus")),
            Map.entry("dm2", List.of("type 2 diabetes mellitus")),
            Map.entry("t1dm", List.of("type 1 diabetes mellitus")),
            Map.entry("hld", List.of("hyperlipidemia")),
            // the tabular's inclusion term at T78.2 and the titles of T78.0- ("Anaphylactic reaction due to peanuts")
            Map.entry("anaphylaxis", List.of("anaphylactic reaction")),
            Map.entry("nstemi", List.of("non st elevation myocardial infarction")),
            Map.entry("stemi", List.of("st elevation myocardial infarction")));

    private static final Pattern RAISED_OR_LOW = Pattern.compile("elevated|high|raised|increased|low|labile");

    /** Marks the stem of a word of a section heading, so that no dictionary entry or learned phrase matches it. */
    public static final String HEADING_MARK = "§";
    private static final Pattern SECTION_WORDS_IN_HEADING = Pattern.compile("\\b(diagnos[ie]s|dx|assessment|impressions?|plan|history|hx|review"
            + "|procedures?|operations?|findings|indications?|secondary|principal|final|course|medications?|meds|allergies|exam|examination"
            + "|labs?|hpi|ros|pmh|psh|cc|complaint|problems?|reason|summary|report|note|performed|preoperative|postoperative|pre-op|post-op"
            + "|preop|postop)\\b");

    /** Headings too short for the pattern above that clinicians use all the time: "Dx:", "CC:", "A:", "P:". */
    private static final Pattern SHORT_HEADING = Pattern.compile("^\\s*(Dx|DX|dx|CC|Hx|HX|PE|S|O|A|P)\\s*:");
    private static final Pattern CAPS_HEADING = Pattern.compile("^\\s*([A-Z][A-Z /&-]{2,40})\\s*$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final String text;
    private final List<Word> words;
    private final List<Sentence> sentences;

    private ClinicalText(String text, List<Word> words, List<Sentence> sentences) {
        this.text = text;
        this.words = words;
        this.sentences = sentences;
    }

    /**
     * Reads a note. {@code abbreviations} gives, for a word written in capitals ("CHF"), the words it stands for
     * (empty when it is not a known abbreviation).
     */
    public static ClinicalText read(String text, Function<String, List<String>> abbreviations) {
        List<int[]> ranges = sentenceRanges(text);
        Map<String, List<String>> defined = definedAbbreviations(text);
        List<Word> words = new ArrayList<>();
        List<Sentence> sentences = new ArrayList<>();
        String section = "";
        boolean endsWithLine = false;
        String enclosing = null;
        int previousEnd = 0;
        for (int[] range : ranges) {
            String sentenceText = text.substring(range[0], range[1]);
            String gap = text.substring(previousEnd, range[0]);
            if (gap.contains("\n\n") || gap.contains("\r\n\r\n")) {
                section = "";
                endsWithLine = false;
                enclosing = null;
            } else if (endsWithLine && gap.indexOf('\n') >= 0) {
                // a heading written inside a line ("1. Contraception - ... Prefers the pill: combined OCP") covers the rest of that line;
                // the next line is back in the section the line was in (the assessment's next item)
                section = enclosing == null ? "" : enclosing;
                endsWithLine = false;
                enclosing = null;
            }
            previousEnd = range[1];
            String heading = heading(sentenceText);
            if (heading != null) {
                int lineStart = text.lastIndexOf('\n', Math.max(0, range[0] - 1)) + 1;
                // only a heading alone on its line (covering the lines under it) is returned to; a heading with text after it covers its line only
                boolean midLine = range[0] > 0 && lineStart < range[0] && !text.substring(lineStart, range[0]).isBlank();
                enclosing = midLine && !endsWithLine ? section : midLine ? enclosing : null;
                section = heading;
                // "Family history: diabetes." covers its own line; a heading alone on its line covers the lines under it
                endsWithLine = !sentenceText.substring(sentenceText.indexOf(':') + 1).isBlank() && sentenceText.indexOf(':') >= 0;
            }
            // the words of a section heading ("Secondary diagnoses:", "Procedure performed:") name the section, not a finding
            int headingEnd = heading != null && sentenceText.indexOf(':') > 0 && SECTION_WORDS_IN_HEADING.matcher(heading).find()
                    ? range[0] + sentenceText.indexOf(':') : -1;
            int first = words.size();
            List<String> raw = new ArrayList<>();
            List<int[]> offsets = new ArrayList<>();
            Matcher m = WORD.matcher(sentenceText);
            while (m.find()) {
                raw.add(m.group());
                offsets.add(new int[] {range[0] + m.start(), range[0] + m.end()});
            }
            List<String> lower = raw.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
            boolean[] breaks = clauseBreaks(text, offsets);
            Assertion[] assertions = AssertionDetector.detect(lower, breaks, sectionAssertion(section));
            for (int i = 0; i < raw.size(); i++) {
                Set<String> stems = new java.util.LinkedHashSet<>();
                if (offsets.get(i)[1] <= headingEnd) {
                    words.add(new Word(raw.get(i), offsets.get(i)[0], offsets.get(i)[1], sentences.size(),
                            Set.of(HEADING_MARK + Stems.stem(raw.get(i))), assertions[i]));
                    continue;
                }
                if (PRONOUNS.contains(raw.get(i))) {
                    // "her", "his": a pronoun, not an eponym's possessive ("Hers' disease" from "GERD on omeprazole, took her ...")
                    words.add(new Word(raw.get(i), offsets.get(i)[0], offsets.get(i)[1], sentences.size(), Set.of(PRONOUN_MARK + lower.get(i)),
                            assertions[i]));
                    continue;
                }
                if (lower.get(i).equals("o") && i > 0 && lower.get(i - 1).equals("w")) {
                    // the "o" of "w/o" is "without", not the letter of a blood type ("BP reading w/o" is no "Blood > type > O")
                    words.add(new Word(raw.get(i), offsets.get(i)[0], offsets.get(i)[1], sentences.size(), Set.of(Stems.stem("without")),
                            assertions[i]));
                    continue;
                }
                stems.add(Stems.stem(raw.get(i)));
                if (lower.get(i).equals("bp") && i > 0 && RAISED_OR_LOW.matcher(lower.get(i - 1)).matches()) {
                    // "Elevated BP reading": the index's "Elevated, elevation > blood pressure > reading" (not every "BP" of the vitals)
                    stems.add(Stems.stem("blood"));
                    stems.add(Stems.stem("pressure"));
                }
                for (String alias : ALIASES.getOrDefault(lower.get(i), List.of())) {
                    for (String w : Stems.words(alias)) {
                        stems.add(Stems.stem(w));
                    }
                }
                if (lower.get(i).equals("diff") && i > 0 && lower.get(i - 1).equals("c")) {
                    // "C. diff", "C diff colitis": Clostridioides (Clostridium) difficile, as the index names it
                    stems.add(Stems.stem("clostridium"));
                    stems.add(Stems.stem("difficile"));
                }
                if ((lower.get(i).equals("distal") || lower.get(i).equals("proximal")) && i + 1 < raw.size()
                        && LONG_BONE.matcher(lower.get(i + 1)).matches()) {
                    stems.add(Stems.stem(lower.get(i).equals("distal") ? "lower" : "upper"));
                    stems.add(Stems.stem("end"));
                }
                java.util.regex.Matcher vertebra = VERTEBRA.matcher(raw.get(i));
                if (vertebra.matches()) {
                    // "C5-C6", "L5-S1": a vertebral level names its region of the spine
                    stems.add(Stems.stem(SPINE_REGIONS.get(Character.toUpperCase(vertebra.group(1).charAt(0)))));
                }
                for (String w : defined.getOrDefault(raw.get(i), List.of())) {
                    // an abbreviation the note defines ("autosomal dominant polycystic kidney disease (ADPKD)") stands for its words
                    stems.add(Stems.stem(w));
                }
                if (raw.get(i).length() >= 2 && raw.get(i).chars().filter(Character::isLetter).allMatch(Character::isUpperCase)) {
                    for (String expansion : abbreviations.apply(raw.get(i))) {
                        if (THERAPY.matcher(expansion.toLowerCase(Locale.ROOT)).find()) {
                            // a therapy or device ("CPAP", "BiPAP"): its words do not make a finding ("obstructive ... airway")
                            continue;
                        }
                        for (String w : Stems.words(expansion)) {
                            if (!Stems.isFiller(w)) {
                                stems.add(Stems.stem(w));
                            }
                        }
                    }
                }
                words.add(new Word(raw.get(i), offsets.get(i)[0], offsets.get(i)[1], sentences.size(), java.util.Collections.unmodifiableSet(stems),
                        assertions[i]));
            }
            sentences.add(new Sentence(range[0], range[1], section, first, words.size()));
        }
        return new ClinicalText(text, List.copyOf(words), List.copyOf(sentences));
    }

    public String text() {
        return text;
    }

    public List<Word> words() {
        return words;
    }

    public List<Sentence> sentences() {
        return sentences;
    }

    /** Sentences end at a line break, or at . ! ? followed by white space and a capital letter or digit. */
    static List<int[]> sentenceRanges(String text) {
        List<int[]> ranges = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean end = c == '\n' || c == '\r';
            if ((c == '.' || c == '!' || c == '?') && i + 2 < text.length() && Character.isWhitespace(text.charAt(i + 1))) {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) == ' ') {
                    j++;
                }
                end = j < text.length() && (Character.isUpperCase(text.charAt(j)) || Character.isDigit(text.charAt(j)));
            }
            if (end) {
                addRange(text, ranges, start, i + 1);
                start = i + 1;
            }
        }
        addRange(text, ranges, start, text.length());
        return ranges;
    }

    private static void addRange(String text, List<int[]> ranges, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            ranges.add(new int[] {start, end});
        }
    }

    private static final Pattern DEFINITION = Pattern.compile("((?:[A-Za-z][a-z-]*\\s+){2,8})\\(([A-Z]{3,8})\\)");

    /**
     * Abbreviations the note defines: the words before a parenthesised capitals whose initials spell it ("autosomal dominant
     * polycystic kidney disease (ADPKD)"), read for the abbreviation wherever else the note writes it.
     */
    static Map<String, List<String>> definedAbbreviations(String text) {
        Map<String, List<String>> defined = new java.util.HashMap<>();
        Matcher m = DEFINITION.matcher(text);
        while (m.find()) {
            String abbreviation = m.group(2);
            List<String> words = List.of(m.group(1).trim().split("\\s+"));
            int n = abbreviation.length();
            if (words.size() < n) {
                continue;
            }
            List<String> last = words.subList(words.size() - n, words.size());
            StringBuilder initials = new StringBuilder();
            last.forEach(w -> initials.append(Character.toUpperCase(w.charAt(0))));
            if (initials.toString().equals(abbreviation)) {
                defined.put(abbreviation, last.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList());
            }
        }
        return defined;
    }

    private static String heading(String sentence) {
        Matcher m = HEADING.matcher(sentence);
        if (m.find() && m.group(1).trim().split("\\s+").length <= 5) {
            return m.group(1).trim().toLowerCase(Locale.ROOT);
        }
        Matcher shortHeading = SHORT_HEADING.matcher(sentence);
        if (shortHeading.find()) {
            return shortHeading.group(1).toLowerCase(Locale.ROOT);
        }
        Matcher caps = CAPS_HEADING.matcher(sentence);
        return caps.find() ? caps.group(1).trim().toLowerCase(Locale.ROOT) : null;
    }

    private static final Map<String, Assertion> SECTION_WORDS = Map.of("family", Assertion.FAMILY, "past", Assertion.HISTORY,
            "history", Assertion.HISTORY, "antecedents", Assertion.HISTORY, "pmh", Assertion.HISTORY, "psh", Assertion.HISTORY);

    /** "Family history" sections speak of relatives; "past medical history" sections of the patient's past. */
    static Assertion sectionAssertion(String section) {
        Set<String> words = new HashSet<>(Stems.words(section));
        if (words.contains("family")) {
            return Assertion.FAMILY;
        }
        if (words.contains("present") || words.contains("current")) {
            return Assertion.PRESENT;
        }
        return words.stream().map(SECTION_WORDS::get).filter(java.util.Objects::nonNull).findFirst().orElse(Assertion.PRESENT);
    }

    /** breaks[i]: a clause ends after word i (";", ":", a parenthesis), which also ends a negation's reach. */
    private static boolean[] clauseBreaks(String text, List<int[]> offsets) {
        boolean[] breaks = new boolean[offsets.size()];
        for (int i = 0; i + 1 < offsets.size(); i++) {
            String gap = text.substring(offsets.get(i)[1], offsets.get(i + 1)[0]);
            breaks[i] = gap.indexOf(';') >= 0 || gap.indexOf(':') >= 0 || gap.indexOf('(') >= 0 || gap.indexOf(')') >= 0
                    || gap.contains(". ");
        }
        return breaks;
    }
}
