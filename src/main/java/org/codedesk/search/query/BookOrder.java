package org.codedesk.search.query;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Orders candidates as a coder reads the book, on top of the words' relevance: the code the Alphabetic Index prints
 * for exactly the words typed (a main term's default code, a subterm, the end of a "see" route) first; among the
 * rest, the entry that says least beyond the query (NOS / unspecified before a rare specific one); acute before
 * old, history, sequela, screening or pregnancy codes unless the query names them; billable before header; and
 * ICD-10-PCS, HCPCS and CPT before diagnoses when the query is about a procedure. Pure and thread-safe: the
 * adjustments are computed from a candidate's stored text and the query's stems alone.
 */
public final class BookOrder {

    /** What the ordering needs to know about one candidate code. */
    public record Candidate(String system, String title, boolean billable, List<String> indexPaths) { }

    /** Reciprocal-rank scores are about 1/(10 + rank): these adjustments are on that scale. */
    static final double EXACT_PATH = 0.12;
    static final double NEAR_PATH = 0.04;
    static final double PER_EXTRA_WORD = 0.008;
    static final double MAX_EXTRA = 0.04;
    static final double NOT_ASKED = 0.06;
    static final double BILLABLE = 0.01;
    static final double PROCEDURE_SYSTEM = 0.08;
    static final double SIDE = 0.05;
    static final double STAGE = 0.05;

    /** The sides a title can name (stems): the Alphabetic Index never does, so they are read from the title. */
    private static final Set<String> SIDES = Set.of("left", "right", "bilater");
    /** "stage 3", "stage 3a", "stage 1 through stage 4" in a title. */
    private static final Pattern STAGES = Pattern.compile("(?i)\\bstages? ([0-9])([ab])?(?:(?: through| to|-) (?:stage )?([0-9]))?");

    /**
     * Title words that make a code about something the coder did not ask for, unless the query holds one of them:
     * history, aftermath and remission, screening and encounters, pregnancy, newborns, poisoning and adverse effects,
     * imaging.
     */
    private static final List<Set<String>> ASIDE = List.of(
            Set.of("histori", "old", "sequela", "sequelae", "follow", "remiss"),
            Set.of("screen", "encount", "examin", "observ"),
            Set.of("pregnanc", "puerperium", "childbirth", "gestat", "matern", "obstetr"),
            Set.of("newborn", "neonat", "perinat", "fetu", "fetal"),
            Set.of("poison", "advers", "underdos", "toxic"),
            // imaging of a thing is not the thing: "coronary artery bypass graft" is the bypass, not its fluoroscopy
            Set.of("fluoroscopi", "radiographi", "tomographi", "ultrasonographi", "imag", "rai", "ct", "mri", "scan"));

    /** An injury's 7th character for its first treatment: not an "encounter for" aside. */
    private static final Pattern INITIAL_ENCOUNTER = Pattern.compile("(?i)\\binitial encounter\\b");

    /**
     * A fracture is traumatic unless the coder says otherwise (the index's main term is "Fracture, traumatic"): on top
     * of the aside above (an injury's title names its encounter, which already counts as one).
     */
    private static final Set<String> NOT_TRAUMATIC = Set.of("patholog", "nontraumat");

    /**
     * A poisoning, toxic effect or injury whose intent is not documented is accidental (Official Guidelines): the
     * undetermined, assault and self-harm codes only when the query names them.
     */
    private static final Set<String> NOT_ACCIDENTAL = Set.of("undetermin", "assault", "self");

    /** Words that do not make a title more specific than the query. */
    private static final Set<String> GENERIC = Set.of("unspecifi", "nos", "other", "site", "type", "without", "classifi", "elsewher",
            "specifi", "diseas", "disord", "condit", "part", "approach", "acut", "initi", "side");

    private static final Pattern QUALIFIER = Pattern.compile("\\s*(with|without|due to|in|following|and|of|from|by|after|during)\\b");
    private static final Pattern NONESSENTIAL = Pattern.compile("\\([^)]*\\)|\\[[^]]*\\]");

    private final LexicalQueries lexical;
    /** Stems of titles, index levels and forms: the same strings come back query after query, and analysing is the cost. */
    private final com.github.benmanes.caffeine.cache.Cache<String, List<String>> stems =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(300_000).build();

    public BookOrder(LexicalQueries lexical) {
        this.lexical = lexical;
    }

    private List<String> terms(String text) {
        return stems.get(text, lexical::terms);
    }

    /** The amount to add to a candidate's fused score for a query whose stems are {@code query}. */
    public double adjustment(Candidate candidate, List<? extends Collection<String>> readings, boolean procedure) {
        double path = 0;
        for (Collection<String> reading : readings.subList(1, readings.size())) {
            path = Math.max(path, pathMatch(candidate.indexPaths(), new HashSet<>(reading)));
        }
        return adjustment(candidate, readings.get(0), procedure, path);
    }

    /** The amount to add to a candidate's fused score for a query whose stems are {@code query}. */
    public double adjustment(Candidate candidate, Collection<String> query, boolean procedure) {
        return adjustment(candidate, query, procedure, 0);
    }

    private double adjustment(Candidate candidate, Collection<String> query, boolean procedure, double otherReadingPath) {
        Set<String> wanted = new HashSet<>(query);
        if (wanted.isEmpty()) {
            return candidate.billable() ? BILLABLE : 0;
        }
        double adjustment = candidate.billable() ? BILLABLE : 0;
        Set<String> side = new HashSet<>(wanted);
        side.retainAll(SIDES);
        // the index names no side: "left knee osteoarthritis" is the path "Osteoarthritis > knee", the side is the title's
        Set<String> pathWords = new HashSet<>(wanted);
        pathWords.removeAll(SIDES);
        adjustment += Math.max(otherReadingPath, pathMatch(candidate.indexPaths(), pathWords.isEmpty() ? wanted : pathWords));
        Set<String> title = new HashSet<>(terms(candidate.title() == null ? "" : candidate.title()));
        adjustment += sideMatch(title, side, candidate.billable()) + stageMatch(candidate.title(), query, candidate.billable());
        long extra = title.stream().filter(s -> !wanted.contains(s) && !GENERIC.contains(s) && !s.chars().allMatch(Character::isDigit)).count();
        adjustment -= Math.min(MAX_EXTRA, extra * PER_EXTRA_WORD);
        // an injury's initial encounter is what an injury typed means: its 7th character is not an "encounter for" aside
        Set<String> asideWords = INITIAL_ENCOUNTER.matcher(candidate.title() == null ? "" : candidate.title()).find()
                ? title.stream().filter(w -> !w.equals("encount")).collect(java.util.stream.Collectors.toSet()) : title;
        for (Set<String> aside : ASIDE) {
            boolean inTitle = asideWords.stream().anyMatch(aside::contains);
            boolean asked = wanted.stream().anyMatch(aside::contains);
            if (inTitle != asked) {
                // an old infarction when none was asked for, or an acute one when the old one was
                adjustment -= inTitle ? NOT_ASKED : NOT_ASKED / 2;
                break;
            }
        }
        if (deniesWhatWasAsked(candidate.title(), wanted)) {
            adjustment -= NOT_ASKED;
        }
        if (title.stream().anyMatch(NOT_TRAUMATIC::contains) && wanted.stream().noneMatch(NOT_TRAUMATIC::contains)) {
            adjustment -= NOT_ASKED;
        }
        if (title.stream().anyMatch(NOT_ACCIDENTAL::contains) && wanted.stream().noneMatch(NOT_ACCIDENTAL::contains)) {
            adjustment -= NOT_ASKED / 2;
        }
        if (procedure && !"icd10cm".equals(candidate.system())) {
            adjustment += PROCEDURE_SYSTEM;
        }
        return adjustment;
    }

    /**
     * Whether the title says "without" what the query names ("bph w luts": N40.0 "... without lower urinary tract
     * symptoms"; the last word, the head of the phrase, is enough), unless the query itself says "without".
     */
    private boolean deniesWhatWasAsked(String title, Set<String> wanted) {
        if (title == null || wanted.contains("without")) {
            return false;
        }
        java.util.regex.Matcher without = WITHOUT.matcher(title);
        while (without.find()) {
            // the head of what is denied is enough: "severe sepsis w shock" is not "... without septic shock"
            List<String> denied = terms(without.group(1));
            if (!denied.isEmpty() && wanted.contains(denied.get(denied.size() - 1))) {
                return true;
            }
        }
        return false;
    }

    /** "without lower urinary tract symptoms", up to the next comma, parenthesis, "with" or "in" ("... in remission"). */
    private static final Pattern WITHOUT = Pattern.compile("(?i)\\bwithout ([^,()]+?)(?=,|\\(|\\b(?:with|in|due to)\\b|$)");

    /**
     * {@link #SIDE} when the title names the side the query names ("lt knee oa": "..., left knee"), minus that when it
     * names only another side or is a header (the side belongs to a code below it); when the query names none, half of
     * that off a title naming one: the unspecified side is the code a coder reports when no side is documented.
     */
    private static double sideMatch(Set<String> title, Set<String> side, boolean billable) {
        if (side.isEmpty()) {
            // no side typed: the unspecified side is what the coder can report, a sided title says more than was asked
            return title.stream().anyMatch(SIDES::contains) ? -SIDE / 2 : 0;
        }
        if (title.stream().anyMatch(side::contains)) {
            return SIDE;
        }
        // another side, or a header whose codes below carry the side the coder already gave
        return title.stream().anyMatch(SIDES::contains) || !billable ? -SIDE : 0;
    }

    /**
     * {@link #STAGE} when the query names a stage ("stage 3", from "ckd3") and the title covers it ("stage 3 unspecified",
     * "stage 1 through stage 4"), minus that when the title names only other stages ("stage 5", "end stage") or is a
     * header naming none ("Pressure ulcer of right elbow": the stage is a code below it).
     */
    static double stageMatch(String title, Collection<String> query, boolean billable) {
        List<String> words = List.copyOf(query);
        int at = words.indexOf("stage");
        if (at < 0 || at + 1 >= words.size() || !words.get(at + 1).matches("[0-9][ab]?")) {
            return 0;
        }
        String asked = words.get(at + 1);
        int number = asked.charAt(0) - '0';
        String letter = asked.length() > 1 ? asked.substring(1) : null;
        java.util.regex.Matcher m = STAGES.matcher(title == null ? "" : title);
        boolean named = false;
        while (m.find()) {
            named = true;
            int from = m.group(1).charAt(0) - '0';
            int to = m.group(3) == null ? from : m.group(3).charAt(0) - '0';
            boolean sameLetter = letter == null || m.group(2) == null || letter.equalsIgnoreCase(m.group(2));
            if (number >= from && number <= to && (m.group(3) != null || sameLetter) && (letter != null || m.group(2) == null)) {
                return STAGE;
            }
        }
        boolean endStage = title != null && title.toLowerCase(java.util.Locale.ROOT).contains("end stage");
        return named || endStage || !billable ? -STAGE : 0; // a header: the stage is given by a code below it
    }

    /**
     * {@link #EXACT_PATH} when an index path is made of the query's words exactly (every level named by the query,
     * every query word in the path, nonessential modifiers aside); {@link #NEAR_PATH} when it names all but one.
     */
    double pathMatch(List<String> paths, Set<String> wanted) {
        double best = 0;
        for (String text : paths) {
            ParsedPath path = parsed.get(text, this::parse);
            boolean everyLevelNamed = true;
            boolean mainTermNamed = false;
            int unnamed = 0;
            int levels = path.levels().size();
            for (int i = 0; i < levels; i++) {
                // a level of stop words only ("with") says nothing the query could name, so it is never missing
                boolean named = path.connectives().contains(i);
                for (List<String> form : path.levels().get(i)) {
                    if (!form.isEmpty() && wanted.containsAll(form)) {
                        named = true;
                        break;
                    }
                }
                everyLevelNamed &= named;
                mainTermNamed |= i == 0 && named;
                // only an intermediate level may be skipped: a last level the query does not name makes the path more specific
                unnamed += named ? 0 : (i > 0 && i < levels - 1 ? 1 : 2);
            }
            // a word typed that the path prints as a nonessential modifier ("annual (physical)") is the path's word too
            long missing = wanted.stream().filter(w -> !path.stems().contains(w) && !path.modifiers().contains(w)).count();
            if (everyLevelNamed && missing == 0) {
                return EXACT_PATH;
            }
            // all but one word typed, or every word typed with one intermediate level skipped ("subarachnoid
            // hemorrhage" for Hemorrhage > intracranial > subarachnoid)
            if ((everyLevelNamed && missing == 1 && wanted.size() >= 3) || (missing == 0 && mainTermNamed && unnamed == 1 && levels >= 3)) {
                best = NEAR_PATH;
            }
        }
        return best;
    }

    /**
     * An index path read once: per level, the stems of each alternative form; all its essential stems; the stems of its
     * nonessential modifiers (words that may be typed or not).
     */
    private record ParsedPath(List<List<List<String>>> levels, Set<String> stems, Set<Integer> connectives, Set<String> modifiers) { }

    /** Index paths repeat across queries (the same codes come back): parsing them is done once per path. */
    private final com.github.benmanes.caffeine.cache.Cache<String, ParsedPath> parsed =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(300_000).build();

    private ParsedPath parse(String path) {
        String essential = NONESSENTIAL.matcher(path).replaceAll(" ");
        Set<String> modifiers = new HashSet<>();
        NONESSENTIAL.matcher(path).results().forEach(m -> modifiers.addAll(terms(m.group())));
        Set<String> all = new HashSet<>();
        List<List<List<String>>> levels = new java.util.ArrayList<>();
        Set<Integer> connectives = new HashSet<>();
        for (String level : essential.split(" > ")) {
            if (java.util.Arrays.stream(level.strip().toLowerCase(java.util.Locale.ROOT).split("\\s+"))
                    .allMatch(org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET::contains)) {
                connectives.add(levels.size());
            }
            // "stage 1 through stage 4 chronic kidney disease" is named by "stage 3 chronic kidney disease"
            java.util.regex.Matcher range = STAGES.matcher(level);
            while (range.find()) {
                if (range.group(3) != null) {
                    for (char n = range.group(1).charAt(0); n <= range.group(3).charAt(0); n++) {
                        all.add(String.valueOf(n));
                    }
                }
            }
            level = STAGES.matcher(level).replaceAll(m -> m.group(3) != null ? "stage" : m.group());
            // "with calculus, ureter" is one qualifier, not alternatives: all of it must be typed
            String[] forms = QUALIFIER.matcher(level).lookingAt() ? new String[] {level} : level.split(", ");
            List<List<String>> stemsOfForms = new java.util.ArrayList<>(forms.length);
            for (String form : forms) {
                List<String> formStems = terms(form);
                all.addAll(formStems);
                stemsOfForms.add(formStems);
            }
            levels.add(stemsOfForms);
        }
        return new ParsedPath(levels, all, connectives, modifiers);
    }

    /**
     * Words that make a query about a procedure or a supply (coders' procedure words, the PCS root operations, durable
     * medical equipment).
     */
    private static final Pattern PROCEDURE = Pattern.compile(
            "\\b(\\w+(ectomy|otomy|ostomy|plasty|scopy|scopic|pexy|rrhaphy|centesis|graphy|tripsy)|bypass|graft|replacement|"
                    + "insertion|removal|resection|excision|repair|biopsy|transplant\\w*|amputation|drainage|injection|infusion|"
                    + "transfusion|dialysis|hemodialysis|intubation|catheterization|implant\\w*|reposition|fusion|fixation|"
                    + "dilation|angioplasty|stent|suture|debridement|extraction|inspection|ligation|"
                    + "ablation|administration|vaccine|shot|release|reduction|revision|destruction|occlusion|detachment|"
                    + "reattachment|extirpation|fragmentation|"
                    // equipment and supplies: HCPCS Level II
                    + "walkers?|crutch(es)?|wheelchairs?|commodes?|nebulizers?|cpap|bipap|concentrators?|glucometers?|lancets?|test strips)\\b");

    /** Whether the (rewritten) query is about doing something rather than a diagnosis: "status post" a procedure is not. */
    public static boolean isProcedure(String text) {
        return text != null && PROCEDURE.matcher(text).find() && !AFTER_PROCEDURE.matcher(text).find();
    }

    /**
     * A procedure done before, or the encounter around one: its status, history or aftercare is a diagnosis code (Z95.1
     * for "s/p cabg", Z47.1 for "aftercare joint replacement").
     */
    private static final Pattern AFTER_PROCEDURE = Pattern.compile("\\b(status post|history of|history|aftercare|encounter for|presence of)\\b");
}
