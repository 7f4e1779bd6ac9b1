package org.codedesk.search.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Turns what a coder typed into an {@link Interpretation}: cleans it (control characters, Lucene syntax and
 * overlong input are harmless here), recognises codes ("i214", "S72.0", "0DTJ4ZZ", "J1100"), ranges
 * ("I20-I25") and rewrites lay words and abbreviations into the words of the code titles. Thread-safe.
 */
public final class QueryInterpreter {

    public static final int MAX_LENGTH = 200;

    private static final Pattern RANGE = Pattern.compile("([a-z][0-9][0-9a-z])(?:\\.[0-9a-z]*)?\\s*(?:-|to)\\s*([a-z][0-9][0-9a-z])(?:\\.[0-9a-z]*)?");
    private static final Pattern CODE = Pattern.compile("[a-z0-9]{2,7}(\\.[a-z0-9]{0,4})?-?");

    private static final List<String> ROMAN_STAGES = List.of("i", "ii", "iii", "iv", "v");

    /**
     * A patient's age and sex as a note opens ("67 yo male chest pain", "45 y/o f with cough"): the record's, not the
     * code's words (no title says "67 year old"), so they are not searched.
     */
    private static final Pattern AGE_SEX = Pattern.compile(
            "\\b[0-9]{1,3} ?(?:yo|y o|yr old|yrs old|year old|years old)(?: (?:male|female|man|woman|boy|girl|m|f|pt|patient))?(?: (?:with|w|c o|presents with|presenting with))?\\b");
    /** "pt w/ ...", "patient has ...": the record's words as a note opens, not a code's. */
    private static final Pattern PATIENT = Pattern.compile("^(?:pt|patient) (?:with|w|has|had|presents with|presenting with|c o|complains of) ");
    /**
     * A condition to rule out is not coded (outpatient guidelines, Section IV.H: code the sign or symptom): "cough r/o
     * pneumonia" is the cough. Only what follows the rule-out words is dropped, and only when something comes before them.
     */
    private static final Pattern RULE_OUT = Pattern.compile("^(.*\\S)\\s+(?:r o|rule out|ruled out|to rule out|rule outs?)\\s+(.+)$");

    /** Drugs as coders name them and the Alphabetic Index's "Long-term (current) drug therapy (use of)" wording (Z79.-). */
    private static final Synonyms LONG_TERM_DRUGS = Synonyms.load("search/long-term-drugs.tsv");
    /** Machines and aids a patient depends on and the index's "Dependence (on)" wording (Z99.-). */
    private static final Synonyms DEPENDENCE = Synonyms.load("search/dependence.tsv");
    private static final Pattern LONG_TERM_USE = statusPattern(LONG_TERM_DRUGS,
            "(?:on|long term use of|long term|chronic|current|daily) (%s)(?: use| therapy)?", "(%s) (?:use )?long term");
    private static final Pattern DEPENDENT = statusPattern(DEPENDENCE,
            "(?:on|dependent on|dependence on|dependency on) (%s)", "(%s) (?:dependent|dependence|dependency)");

    private static Pattern statusPattern(Synonyms list, String before, String after) {
        String terms = String.join("|", list.termsLongestFirst().stream().map(Pattern::quote).toList());
        return Pattern.compile("(?<= )(?:" + before.formatted(terms) + "|" + after.formatted(terms) + ")(?= )");
    }

    /**
     * A spinal level typed with a fracture: the fracture codes name the vertebra in words ("Fracture of fifth lumbar
     * vertebra", S32.05-), so "fx l5" is read "fracture fifth lumbar vertebra". T5 to T12 are named as typed ("T11-T12
     * vertebra"). Other injuries name the level as typed ("L5 level of lumbar spinal cord"), so only fractures are read so.
     */
    private static final Pattern LEVEL = Pattern.compile("(?<= )([clt])([1-7])(?= )");
    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth", "sixth", "seventh");

    /**
     * A removal done before ("s/p cholecystectomy", "history of splenectomy", "bka status"): the organ or limb is absent,
     * which the Alphabetic Index codes under "Absence (of) ... (acquired)" (Z89.-, Z90.-), not the operation.
     */
    private static final Pattern STATUS_CUE = Pattern.compile("\\b(status post|history of|history|status)\\b");
    private static final Pattern REMOVAL = Pattern.compile("\\b(resection|detachment)\\b");
    /**
     * The vessels of a limb are named by extremity ("... deep veins of left lower extremity", I82.402; "Varicose veins of
     * right lower extremity"), and the index's "lower leg" and "upper leg" are the calf and the thigh: a vessel's "leg"
     * typed alone is the lower extremity, its "arm" the upper extremity.
     */
    private static final Pattern VESSEL = Pattern.compile(
            "\\b(veins?|venous|thrombosis|embolism|varicose|thrombophlebitis|phlebitis|arteries|artery|arterial|atherosclerosis)\\b");
    private static final Pattern LIMB = Pattern.compile("(?<= )(?<!lower |upper |fore )(legs?|arms?)(?= )");
    /**
     * Chronic kidney disease of any stage on dialysis is end stage renal disease: the Tabular lists "chronic kidney disease
     * requiring chronic dialysis" under N18.6, and stage 5 with ESRD is N18.6 alone (Official Guidelines I.C.14.a.1).
     */
    private static final Pattern CKD = Pattern.compile("(?<= )(?:stage [0-9][ab]? )?chronic kidney disease(?: stage [0-9][ab]?)?(?= )");
    private static final String ON_DIALYSIS = "dependence on renal dialysis";
    /**
     * The index: "Diabetes, uncontrolled - meaning hyperglycemia - see Diabetes, by type, with hyperglycemia; meaning
     * hypoglycemia - see Diabetes, by type, with hypoglycemia". The book routes the word by what it means: the first
     * route is read, and the note asks for the other.
     */
    private static final Pattern DIABETES = Pattern.compile("(?<= )(diabetes|diabetic)(?= )");
    private static final Pattern UNCONTROLLED = Pattern.compile("(?<= )(?:uncontrolled|poorly controlled|not controlled|out of control|inadequately controlled)(?= )");

    /**
     * A real word typed for another: "tract" is the body's passage ("urinary tract infection", "Infection, urinary (tract)"),
     * "track" a path; after a system's name no title means "track", and no spelling correction sees a real word.
     */
    private static final Pattern TRACK = Pattern.compile(
            "(?<= )(urinary|respiratory|digestive|gastrointestinal|intestinal|biliary|genital|genitourinary|alimentary|upper respiratory"
                    + "|lower respiratory|urogenital|reproductive|optic) tracks?(?= )");

    private static final Pattern APPROACH = Pattern.compile("\\b(percutaneous endoscopic|percutaneous|open)\\b");

    /**
     * A relative named with a condition ("mother w breast ca", "dad had colon cancer", "mom dm2", "breast ca in sister"):
     * the patient's code is a family history (Z80-Z84, "a family member has had a particular disease", Guidelines
     * I.C.21.c.4), not the relative's disease. Read "family history of ..."; the relative is not searched (no Z80-Z84
     * title names one).
     */
    private static final String RELATIVE = "(?:(?:maternal|paternal) )?(?:mother|mom|mum|father|dad|parents?|sisters?|brothers?"
            + "|siblings?|grandmother|grandfather|grandma|grandpa|grandparents?|aunt|uncle|son|daughter)(?:'s)?";
    private static final Pattern RELATIVE_FIRST = Pattern.compile("^(?:(?:patient|pt|his|her)(?:'s)? )?" + RELATIVE
            + "(?: (?:with|had|has|have|history of|history|diagnosed with|died of|died from|passed away from))? (?=\\S)");
    private static final Pattern RELATIVE_LAST = Pattern.compile("(?<=\\S) (?:in|of) (?:(?:patient|pt|his|her)(?:'s)? )?" + RELATIVE + "$");

    /**
     * A site's animal bite: the injury is the Alphabetic Index's "Bite(s) (animal) (human), by site" (chapter 19), coded first;
     * the animal is the External Cause Index's "Bitten by" (a secondary code, Guidelines I.C.20). "dog bite" alone stays the
     * external cause (the lay list), the only code its words give.
     */
    private static final Pattern ANIMAL_BITE = Pattern.compile(
            "(?<= )(?:dog|cat|human|animal|horse|rat|rodent|mouse|squirrel|raccoon|pig|cow|monkey) bites?(?= )");

    /**
     * A limb's swelling with a side ("lt leg swelling"): the index's "Swelling, localized, limb, lower (upper) - see Mass,
     * localized, limb" (R22.4-, R22.3-), whose codes carry the side; without a side the lay reading (localized edema) stays.
     */
    private static final Pattern SIDED_LIMB_SWELLING = Pattern.compile("(?<= )(?:(?:swelling|swollen) (?:of )?(?:the )?"
            + "(left|right|bilateral) (leg|arm|lower extremity|upper extremity|lower limb|upper limb)s?"
            + "|(left|right|bilateral) (leg|arm|lower extremity|upper extremity|lower limb|upper limb)s? (?:swelling|swollen))(?= )");

    private final Synonyms abbreviations;

    /**
     * A phrase of the lists where it is read: anywhere but right before "removal" ("suture removal": the sutures are the
     * thing removed, the index's "Removal (of), suture" Z48.02; the list reads "suture" alone as the operation, repair).
     */
    private static final java.util.function.Function<String, Pattern> THING_REMOVED = phrase -> Pattern.compile(
            " " + Pattern.quote(phrase) + " (?!removal )");

    /**
     * {@code phrases}: lists of words and phrases to rewrite (lay words, coders' procedure words); a phrase in two lists is
     * read as the first list reads it.
     */
    public QueryInterpreter(Synonyms abbreviations, List<Synonyms> phrases) {
        this.abbreviations = abbreviations;
        java.util.TreeSet<String> terms = new java.util.TreeSet<>(abbreviations.terms());
        phrases.forEach(p -> terms.addAll(p.terms()));
        // "on blood thinne" completes to "on blood thinners", a status the interpreter reads
        LONG_TERM_DRUGS.terms().forEach(t -> terms.add("on " + t));
        DEPENDENCE.terms().forEach(t -> terms.add("on " + t));
        this.vocabulary = terms;
        Set<String> words = new java.util.HashSet<>();
        terms.forEach(t -> words.addAll(List.of(t.split(" "))));
        this.vocabularyWords = Set.copyOf(words);
        List<Phrase> all = new ArrayList<>();
        Set<String> listed = new java.util.HashSet<>();
        for (Synonyms list : phrases) {
            for (String phrase : list.termsLongestFirst()) {
                if (listed.add(phrase)) {
                    all.add(new Phrase(phrase, list.expansions(phrase).get(0)));
                }
            }
        }
        all.sort(java.util.Comparator.comparingInt((Phrase e) -> e.text().length()).reversed());
        this.phrasesLongestFirst = List.copyOf(all);
    }

    /**
     * Every phrase of the lists and its reading, longest first whatever its list (ties in list order): "status post total
     * knee arthroplasty" (a status) is read before "total knee arthroplasty" (a procedure) inside it.
     */
    private final List<Phrase> phrasesLongestFirst;

    /** A phrase to rewrite, with its first word and its text between spaces computed once (rewrite is on autocomplete's hot path). */
    private record Phrase(String text, String reading, String firstWord, String spaced) {
        Phrase(String text, String reading) {
            this(text, reading, text.split(" ", 2)[0], " " + text + " ");
        }
    }

    /** The coders' vocabulary: every abbreviation, lay word and procedure phrase we read, sorted. */
    private final java.util.NavigableSet<String> vocabulary;
    private final Set<String> vocabularyWords;

    /**
     * Whether a word belongs to the coders' vocabulary ("appy", "chole", "cabg", "lap"): such a word is read as written,
     * never "corrected" into a title word it merely resembles.
     */
    public boolean isVocabulary(String word) {
        return vocabularyWords.contains(word.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether the last word typed is already complete in the coders' vocabulary: an abbreviation ("sah"), also written
     * as two words ("a fib"), or the end of a lay phrase typed whole ("pink eye", "anxiety d/o").
     */
    public boolean readsLastWord(String typed) {
        String text = Synonyms.normalize(typed);
        String[] words = text.split(" ");
        String last = words[words.length - 1];
        return !abbreviations.expansions(last).isEmpty()
                || (words.length > 1 && !abbreviations.expansions(words[words.length - 2] + last).isEmpty())
                || vocabulary.contains(text)
                // a phrase of the lists ending the text: "anxiety d/o" ends with "d o" (disorder), "lt pink eye" with "pink eye"
                || (words.length > 1 && vocabulary.contains(words[words.length - 2] + " " + last))
                || (words.length > 2 && vocabulary.contains(words[words.length - 3] + " " + words[words.length - 2] + " " + last));
    }

    /**
     * The vocabulary's terms that complete {@code typed} (normalised: "pink ey" gives "pink eye", "sore thr" gives
     * "sore throat"), shortest first, at most {@code n}.
     */
    public List<String> vocabularyCompletions(String typed, int n) {
        String from = Synonyms.normalize(typed);
        if (from.isEmpty()) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        for (String term : vocabulary.tailSet(from, true)) {
            if (!term.startsWith(from)) {
                break;
            }
            found.add(term);
        }
        found.sort(java.util.Comparator.comparingInt(String::length));
        return found.subList(0, Math.min(n, found.size()));
    }

    public Interpretation interpret(String raw) {
        List<String> notes = new ArrayList<>();
        String query = raw == null ? "" : raw.replaceAll("\\p{Cntrl}", " ").strip();
        if (query.length() > MAX_LENGTH) {
            query = query.substring(0, MAX_LENGTH);
            notes.add("Only the first " + MAX_LENGTH + " characters of the query were searched.");
        }
        String lower = query.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher range = RANGE.matcher(lower);
        if (range.matches()) {
            String from = range.group(1).toUpperCase(Locale.ROOT);
            String to = range.group(2).toUpperCase(Locale.ROOT);
            notes.add("Categories " + from + " to " + to + ".");
            return new Interpretation(query, null, from, to, List.of(), notes);
        }
        String codeKey = null;
        if (CODE.matcher(lower).matches() && lower.chars().anyMatch(Character::isDigit)) {
            codeKey = lower.replace(".", "").replace("-", "").toUpperCase(Locale.ROOT);
        }
        String text = Synonyms.normalize(lower);
        List<String> texts = new ArrayList<>();
        if (!text.isEmpty()) {
            String rewritten = rewrite(text, notes);
            texts.add(rewritten);
            if (!rewritten.equals(text)) {
                texts.add(text);
            }
        }
        return new Interpretation(query, codeKey, null, null, texts, notes);
    }

    /**
     * Expands abbreviations (also two words written as one: "c diff"), then replaces phrases (longest first), so
     * an expanded abbreviation can itself be a phrase ("TKA" to "total knee arthroplasty" to the PCS words).
     * An abbreviation that is also an English stop word ("as", "all") counts only when it is the whole query.
     */
    private String rewrite(String text, List<String> notes) {
        Matcher age = AGE_SEX.matcher(text);
        if (age.find()) {
            String said = age.group();
            String rest = age.replaceAll(" ").replaceAll("\\s+", " ").trim();
            if (!rest.isEmpty()) {
                notes.add("\"" + said + "\": the patient's age and sex are not searched.");
                text = rest;
            }
        }
        Matcher patient = PATIENT.matcher(text);
        if (patient.find() && patient.end() < text.length()) {
            notes.add("\"" + patient.group().trim() + "\": the patient is not searched.");
            text = text.substring(patient.end());
        }
        Matcher ruleOut = RULE_OUT.matcher(text);
        if (ruleOut.matches()) {
            text = ruleOut.group(1);
            notes.add("\"" + ruleOut.group(2) + "\" is to be ruled out: not coded, the symptom is searched.");
        }
        List<String> words = new ArrayList<>(List.of(text.split(" ")));
        for (int i = 1; i < words.size(); i++) {
            // "ckd stage iii": the titles number stages in digits
            int roman = ROMAN_STAGES.indexOf(words.get(i));
            if (roman >= 0 && words.get(i - 1).equals("stage")) {
                words.set(i, String.valueOf(roman + 1));
            }
        }
        List<String> expanded = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String joined = i + 1 < words.size() ? word + words.get(i + 1) : null;
            if (joined != null && !abbreviations.expansions(joined).isEmpty()) {
                word = joined;
                i++;
            }
            List<String> expansion = abbreviations.expansions(word);
            boolean stopWord = words.size() > 1 && EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word);
            if (!expansion.isEmpty() && !stopWord && seen.add(word)) {
                expanded.add(expansion.get(0));
                notes.add(word.toUpperCase(Locale.ROOT) + " read as \"" + expansion.get(0) + "\".");
            } else {
                expanded.add(word);
            }
        }
        String padded = " " + relativesCondition(String.join(" ", expanded), notes) + " ";
        Matcher track = TRACK.matcher(padded);
        if (track.find()) {
            notes.add("\"" + track.group() + "\" read as \"" + track.group(1) + " tract\".");
            padded = track.replaceAll(m -> m.group(1) + " tract");
        }
        Matcher bite = ANIMAL_BITE.matcher(padded);
        if (bite.find() && !padded.trim().equals(bite.group())) {
            notes.add("\"" + bite.group() + "\" read as \"bite\" by site (the injury, coded first; the animal is the external cause).");
            padded = bite.replaceAll("bite");
        }
        // statuses first, kept out of the phrase lists' reach ("dialysis" alone is the procedure, "on dialysis" the status)
        List<String> statuses = new ArrayList<>();
        padded = status(padded, LONG_TERM_USE, LONG_TERM_DRUGS, "long term current use of ", statuses, notes);
        padded = status(padded, DEPENDENT, DEPENDENCE, "dependence on ", statuses, notes);
        Matcher swelling = SIDED_LIMB_SWELLING.matcher(padded);
        if (swelling.find()) {
            // a placeholder, as for a status: the lay list's "swelling" (edema) must not read it again
            padded = swelling.replaceAll(m -> {
                String side = m.group(1) != null ? m.group(1) : m.group(3);
                String limb = m.group(2) != null ? m.group(2) : m.group(4);
                String read = "localized swelling " + side + (limb.startsWith("arm") || limb.startsWith("upper") ? " upper" : " lower") + " limb";
                notes.add("\"" + m.group() + "\" read as \"" + read + "\" (the index: Swelling, localized, limb).");
                statuses.add(read);
                return " \u0000" + (statuses.size() - 1) + " ";
            });
        }
        if (padded.contains(" fracture ")) {
            padded = LEVEL.matcher(padded).replaceAll(m -> {
                int level = m.group(2).charAt(0) - '1';
                String region = switch (m.group(1)) { case "c" -> "cervical"; case "l" -> level < 5 ? "lumbar" : null; default -> level < 4 ? "thoracic" : null; };
                return region == null ? m.group() : ORDINALS.get(level) + " " + region + " vertebra";
            });
        }
        // a phrase can only be in the text if its first word is: a set lookup spares scanning the text for each of the
        // lists' phrases. A reading is final: it stands in the text as a placeholder until every list has been read, so a
        // shorter phrase of another list does not read it again ("exploratory laparotomy" is "inspection peritoneal cavity
        // open"; the lay list's "cavity" is dental caries, not the peritoneal cavity)
        Set<String> present = new java.util.HashSet<>(List.of(padded.trim().split(" ")));
        List<String> readings = new ArrayList<>();
        for (Phrase entry : phrasesLongestFirst) {
            String phrase = entry.text();
            if (present.contains(entry.firstWord()) && padded.contains(entry.spaced())) {
                String clinical = entry.reading();
                // the thing removed is no operation: "suture removal" is the sutures taken out (the index's "Removal, suture"),
                // not a repair; "removal of sutures" names them the same way
                String placeholder = " \u0001" + readings.size() + " ";
                String read = THING_REMOVED.apply(phrase).matcher(padded).replaceAll(Matcher.quoteReplacement(placeholder));
                if (!read.equals(padded)) {
                    padded = read;
                    readings.add(clinical);
                    if (!clinical.equals(phrase)) {
                        notes.add("\"" + phrase + "\" read as \"" + clinical + "\".");
                    }
                }
            }
        }
        for (int i = 0; i < readings.size(); i++) {
            padded = padded.replace(" \u0001" + i + " ", " " + readings.get(i) + " ");
        }
        if (VESSEL.matcher(padded).find()) {
            Matcher limb = LIMB.matcher(padded);
            if (limb.find()) {
                String word = limb.group(1);
                padded = limb.replaceAll(m -> m.group(1).startsWith("leg") ? "lower extremity" : "upper extremity");
                notes.add("A vessel's \"" + word + "\" read as its " + (word.startsWith("leg") ? "lower" : "upper") + " extremity.");
            }
        }
        if (STATUS_CUE.matcher(padded).find() && REMOVAL.matcher(padded).find()) {
            String absent = REMOVAL.matcher(APPROACH.matcher(STATUS_CUE.matcher(padded).replaceAll(" ")).replaceAll(" "))
                    .replaceAll("acquired absence").replaceAll("\\s+", " ");
            notes.add("A removal done before read as \"" + absent.trim() + "\".");
            padded = absent;
        }
        Matcher uncontrolled = UNCONTROLLED.matcher(padded);
        if (uncontrolled.find()) {
            String said = uncontrolled.group();
            if (DIABETES.matcher(padded).find()) {
                notes.add("\"" + said + "\" read as \"with hyperglycemia\" (the index: Diabetes, uncontrolled - meaning"
                        + " hyperglycemia; if it means hypoglycemia, search \"with hypoglycemia\").");
                padded = uncontrolled.replaceAll("with hyperglycemia");
            } else if (!uncontrolled.replaceAll(" ").isBlank() && !padded.contains(" fire ")) {
                // only diabetes is coded by its control; "uncontrolled htn" is hypertension (I10), not an "uncontrolled fire"
                notes.add("\"" + said + "\" is not coded (ICD-10-CM codes control only for diabetes): not searched.");
                padded = uncontrolled.replaceAll(" ");
            }
        }
        if (statuses.contains(ON_DIALYSIS)) {
            Matcher ckd = CKD.matcher(padded);
            if (ckd.find()) {
                notes.add("\"" + ckd.group() + "\" on dialysis read as \"end stage renal disease\" (the Tabular's N18.6: chronic kidney"
                        + " disease requiring chronic dialysis).");
                padded = ckd.replaceAll("end stage renal disease");
            }
        }
        for (int i = 0; i < statuses.size(); i++) {
            padded = padded.replace(" \u0000" + i + " ", " " + statuses.get(i) + " ");
        }
        return padded.trim().replaceAll("\\s+", " ");
    }

    /** The text read as a family history when it names a relative with a condition; else as it was. */
    static String relativesCondition(String text, List<String> notes) {
        Matcher first = RELATIVE_FIRST.matcher(text);
        Matcher last = RELATIVE_LAST.matcher(text);
        String relative;
        String condition;
        if (first.find()) {
            relative = first.group().trim();
            condition = text.substring(first.end());
        } else if (last.find()) {
            relative = last.group().trim();
            condition = text.substring(0, last.start());
        } else {
            return text;
        }
        condition = condition.replaceFirst("^(?:family history(?: of)?|history of|history) ", "").trim();
        if (java.util.Arrays.stream(condition.split(" ")).allMatch(w -> w.isEmpty() || EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w))) {
            return text;
        }
        notes.add("\"" + relative + "\": a relative's condition is the patient's family history (Z80-Z84).");
        return "family history of " + condition;
    }

    /** Each match of a status pattern replaced by a placeholder for its reading (restored after the phrase lists). */
    private static String status(String padded, Pattern pattern, Synonyms list, String reading, List<String> statuses, List<String> notes) {
        Matcher m = pattern.matcher(padded);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String term = m.group(1) != null ? m.group(1) : m.group(2);
            String read = reading + list.expansions(term).get(0);
            notes.add("\"" + m.group() + "\" read as \"" + read + "\".");
            m.appendReplacement(out, Matcher.quoteReplacement(" \u0000" + statuses.size() + " "));
            statuses.add(read);
        }
        m.appendTail(out);
        return out.toString().replaceAll(" +", " ");
    }
}
