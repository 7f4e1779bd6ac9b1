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
    public record Candidate(String system, String title, boolean billable, List<String> indexPaths, String code) {

        public Candidate(String system, String title, boolean billable, List<String> indexPaths) {
            this(system, title, billable, indexPaths, null);
        }
    }

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
            // the index's default is acquired: a congenital form only when asked ("diverticulitis of colon" is K57.32, not Q43.8)
            Set.of("congenit"),
            // a fracture's subsequent encounter heals routinely unless nonunion or malunion is documented
            Set.of("nonunion", "malunion"),
            // imaging of a thing is not the thing: "coronary artery bypass graft" is the bypass, not its fluoroscopy
            Set.of("fluoroscopi", "radiographi", "tomographi", "ultrasonographi", "imag", "rai", "ct", "mri", "scan"));

    /** The index of the screening and encounters group in {@link #ASIDE}. */
    private static final int ENCOUNTER = 1;

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

    /**
     * A family history (Z80-Z84) only when the query names the family ("fhx dm", "mother had breast cancer", read "family
     * history ..."): "hx colon polyps" is the patient's own history (Z86.010-), whatever the words share.
     */
    private static final Pattern FAMILY_HISTORY = Pattern.compile("(?i)\\bfamily history\\b");

    /**
     * A fracture is closed and displaced unless the record says otherwise (the Tabular's notes at S02-S92: "a fracture not
     * indicated as open or closed should be coded to closed", "not indicated whether displaced or nondisplaced should be
     * coded to displaced"): an open or nondisplaced fracture only when the query says so.
     */
    private static final Pattern OPEN_FRACTURE = Pattern.compile("(?i)\\bopen fracture\\b");

    /**
     * An ICD-10-PCS approach through a scope only when the query names one ("cysto", "colonoscopy", "laparoscopic", read
     * "percutaneous endoscopic"): a Foley catheter is put in through the urethra, not through a cystoscope.
     */
    private static boolean asksScope(Set<String> wanted) {
        return wanted.stream().anyMatch(w -> w.contains("scop"));
    }

    /** Words that do not make a title more specific than the query. */
    private static final Set<String> GENERIC = Set.of("unspecifi", "nos", "other", "site", "type", "without", "classifi", "elsewher",
            // an HCPCS code "not otherwise specified" is the drug's or item's own code, its NOS
            "otherwis",
            "specifi", "diseas", "disord", "condit", "part", "approach", "acut", "initi", "side",
            // the default course: routine healing, a duration not documented
            "routin", "durat",
            // a fracture's default (closed) says no more than "fracture"
            "close",
            // a PCS body part's region ("Inguinal Region"): the place typed, not more than it
            "region",
            // a vessel is the patient's own unless a graft is named ("... of native coronary artery", I25.1-)
            "nativ");

    private static final Pattern QUALIFIER = Pattern.compile("\\s*(with|without|due to|in|following|and|of|from|by|after|during)\\b");
    /** "NOS" after a term's words: it says the entry is the default, not a word to type. */
    private static final Pattern TRAILING_NOS = Pattern.compile("(?<=\\S)\\s+NOS\\b");
    private static final Pattern NONESSENTIAL = Pattern.compile("\\([^)]*\\)|\\[[^]]*\\]");

    private final LexicalQueries lexical;
    /** Stems of titles, index levels and forms: the same strings come back query after query, and analysing is the cost. */
    private final com.github.benmanes.caffeine.cache.Cache<String, List<String>> stems =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(300_000).build();

    /** The stems of {@link #ROUTES}. */
    private final Set<String> routes;

    public BookOrder(LexicalQueries lexical) {
        this.lexical = lexical;
        this.routes = Set.copyOf(lexical.terms(ROUTES));
        java.util.Map<String, String> nouns = new java.util.HashMap<>();
        for (String[] pair : ADJECTIVES) {
            List<String> adjective = lexical.terms(pair[0]);
            List<String> noun = lexical.terms(pair[1]);
            if (adjective.size() == 1 && noun.size() == 1 && !adjective.equals(noun)) {
                nouns.put(adjective.get(0), noun.get(0));
            }
        }
        this.nounsOfAdjectives = java.util.Map.copyOf(nouns);
    }

    /**
     * A word typed and the word the index prints for it: a body part's adjective and its noun ("Screening, neoplasm, cervix",
     * "Effusion, pleura": "cervical ... screening", "pleural effusion"), and "cancer" or "carcinoma" for the index's
     * "Neoplasm" (the index: "Cancer - see Neoplasm, by site, malignant"; "malignant" is the path's nonessential modifier).
     */
    private static final String[][] ADJECTIVES = {{"cancer", "neoplasm"}, {"carcinoma", "neoplasm"},
            // the index's main term "Angina (attack) (cardiac) (chest) (heart) (pectoris)": angina is angina pectoris
            {"angina", "pectoris"},
            {"pleural", "pleura"}, {"cervical", "cervix"}, {"renal", "kidney"}, {"hepatic", "liver"}, {"pulmonary", "lung"},
            {"cardiac", "heart"}, {"gastric", "stomach"}, {"vertebral", "vertebra"}, {"retinal", "retina"}, {"corneal", "cornea"},
            {"urethral", "urethra"}, {"tracheal", "trachea"}, {"vaginal", "vagina"}, {"uterine", "uterus"}, {"ovarian", "ovary"},
            {"testicular", "testis"}, {"prostatic", "prostate"}, {"colonic", "colon"}, {"rectal", "rectum"}, {"anal", "anus"},
            {"esophageal", "esophagus"}, {"laryngeal", "larynx"}, {"nasal", "nose"}, {"ocular", "eye"}, {"dental", "tooth"},
            {"cutaneous", "skin"}, {"mammary", "breast"}};
    private final java.util.Map<String, String> nounsOfAdjectives;

    private List<String> terms(String text) {
        return stems.get(text, lexical::terms);
    }

    /** The amount to add to a candidate's fused score for a query whose stems are {@code query}. */
    public double adjustment(Candidate candidate, Collection<String> query, boolean procedure) {
        return adjustment(prepare(candidate), reading(List.of(query), procedure));
    }

    /**
     * What the ordering reads from a candidate's title and index paths, read once: the same codes come back query after
     * query (autocomplete computes thousands of answers a second), and the regular expressions and sets are the cost.
     */
    public static final class Prepared {
        private final String system;
        private final String title;
        private final boolean billable;
        private final List<ParsedPath> paths;
        private final Set<String> titleStems;
        /** The title's stems that make it more specific than a query lacking them (not generic words, not numbers). */
        private final List<String> specific;
        private final boolean namesSide;
        /** For each {@link #ASIDE} group, whether the title is about it (an injury's initial encounter is not an encounter). */
        private final boolean[] aside;
        /** The stems of each thing the title says it is "without". */
        private final List<List<String>> denied;
        private final boolean notTraumatic;
        private final boolean notAccidental;
        private final boolean familyHistory;
        private final boolean openFracture;
        private final boolean nondisplaced;
        private final boolean endoscopic;
        /** An ICD-10-CM code of chapter 21 (Z00-Z99): a factor influencing health status or an encounter. */
        private final boolean factor;
        /** An ICD-10-PCS code whose qualifier is "Diagnostic" (a biopsy, a diagnostic drainage). */
        private final boolean diagnostic;
        /** An ICD-10-PCS drainage that leaves a drainage device in ("... with Drainage Device, ..."). */
        private final boolean drainageDevice;
        /** An ICD-10-CM title naming a trimester ("..., first trimester"; not "unspecified trimester"). */
        private final boolean namesTrimester;
        /** A drug's poisoning, adverse effect or underdosing (T36-T50): not what "on warfarin" (long-term use) asks. */
        private final boolean drugEffect;
        /**
         * For an HCPCS injection or infusion, the stems of what makes it one product or route of the drug rather than the
         * drug: the product or maker in parentheses ("triamcinolone acetonide (xipere)") and a route ("intraocular").
         */
        private final Set<String> variant;
        /** An HCPCS injection or infusion "not otherwise specified": the drug's own code, as the index's NOS entry is a term's. */
        private final boolean drugNos;
        /** An HCPCS code no longer valid (its termination date passed: not billable), kept for claims of earlier dates. */
        private final boolean terminated;
        /** A quality data code (HCPCS M1000-M1999, G8000-G9999): reports a measure, neither a diagnosis nor a service. */
        private final boolean qualityMeasure;

        private Prepared(BookOrder order, Candidate candidate) {
            this.system = candidate.system();
            this.title = candidate.title();
            this.billable = candidate.billable();
            this.paths = candidate.indexPaths().stream().map(order::parsedPath).toList();
            this.titleStems = new HashSet<>(order.terms(title == null ? "" : title));
            this.specific = titleStems.stream().filter(s -> !GENERIC.contains(s) && !s.chars().allMatch(Character::isDigit)).toList();
            this.namesSide = titleStems.stream().anyMatch(SIDES::contains);
            Set<String> asideWords = INITIAL_ENCOUNTER.matcher(title == null ? "" : title).find()
                    ? titleStems.stream().filter(w -> !w.equals("encount")).collect(java.util.stream.Collectors.toSet()) : titleStems;
            this.aside = new boolean[ASIDE.size()];
            for (int i = 0; i < ASIDE.size(); i++) {
                aside[i] = asideWords.stream().anyMatch(ASIDE.get(i)::contains);
            }
            List<List<String>> without = new java.util.ArrayList<>();
            if (title != null) {
                java.util.regex.Matcher m = WITHOUT.matcher(title);
                while (m.find()) {
                    List<String> stems = order.terms(m.group(1));
                    if (!stems.isEmpty()) {
                        without.add(stems);
                    }
                }
            }
            this.denied = List.copyOf(without);
            // "Age-related osteoporosis without current pathological fracture" is no pathological fracture
            this.notTraumatic = title != null && order.terms(WITHOUT.matcher(title).replaceAll(" ")).stream().anyMatch(NOT_TRAUMATIC::contains);
            this.notAccidental = titleStems.stream().anyMatch(NOT_ACCIDENTAL::contains);
            this.familyHistory = title != null && FAMILY_HISTORY.matcher(title).find();
            this.openFracture = title != null && OPEN_FRACTURE.matcher(title).find();
            this.nondisplaced = titleStems.contains("nondisplac");
            this.endoscopic = "icd10pcs".equals(system) && titleStems.contains("endoscop");
            this.factor = "icd10cm".equals(system) && candidate.code() != null && candidate.code().startsWith("Z");
            this.diagnostic = "icd10pcs".equals(system) && titleStems.contains("diagnost");
            this.drainageDevice = "icd10pcs".equals(system) && title != null && title.contains("with Drainage Device");
            this.namesTrimester = "icd10cm".equals(system) && title != null && NAMED_TRIMESTER.matcher(title).find();
            this.drugEffect = "icd10cm".equals(system) && title != null && DRUG_EFFECT.matcher(title).find();
            Set<String> variant = new HashSet<>();
            boolean drug = "hcpcs".equals(system) && title != null && HCPCS_DRUG.matcher(title).lookingAt();
            this.drugNos = drug && title.toLowerCase(java.util.Locale.ROOT).contains("not otherwise specified");
            if (drug) {
                java.util.regex.Matcher product = PARENTHESES.matcher(title);
                while (product.find()) {
                    variant.addAll(order.terms(product.group(1)));
                }
                titleStems.stream().filter(order.routes::contains).forEach(variant::add);
            }
            this.variant = Set.copyOf(variant);
            this.terminated = "hcpcs".equals(system) && !billable;
            this.qualityMeasure = "hcpcs".equals(system) && candidate.code() != null && QUALITY_CODE.matcher(candidate.code()).matches();
        }
    }

    /** A candidate read for ordering; keep it while its stored text is the same (it holds nothing of any query). */
    public Prepared prepare(Candidate candidate) {
        return new Prepared(this, candidate);
    }

    /** A query's readings as the ordering uses them, read once for all its candidates. */
    public static final class Reading {
        private final List<String> query;
        private final Set<String> wanted;
        private final Set<String> side;
        private final Set<String> pathWords;
        private final List<Set<String>> others;
        private final boolean[] asked;
        private final boolean saysWithout;
        private final boolean asksNotTraumatic;
        private final boolean asksNotAccidental;
        private final boolean asksFamilyHistory;
        private final boolean asksOpen;
        private final boolean asksNondisplaced;
        private final boolean asksScope;
        private final boolean asksDiagnostic;
        private final boolean asksDevice;
        /** Set by {@link BookOrder#diagnosisPrinted}: an ICD-10-CM code is printed by the index for exactly the words typed. */
        private boolean diagnosisPrinted;
        private final boolean asksTrimester;
        /** Long-term (current) use of a drug, unless the query also names its poisoning, adverse effect or underdosing. */
        private final boolean longTermUseOnly;
        private final boolean procedure;
        /** A status, history or dependence: a diagnosis (Z codes); HCPCS and CPT hold none. */
        private final boolean status;
        /** Words of quality reporting ("documented", "measure", "reason not given"): the quality data codes are asked for. */
        private final boolean asksMeasure;

        /** The query's words and the nouns of its adjectives: what may name an index level. */
        private final Set<String> naming;
        private final java.util.Map<String, String> nouns;

        private Reading(List<? extends Collection<String>> readings, boolean procedure, java.util.Map<String, String> nounsOfAdjectives) {
            this.query = List.copyOf(readings.get(0));
            this.wanted = new HashSet<>(query);
            this.nouns = nounsOfAdjectives;
            this.naming = new HashSet<>(wanted);
            wanted.stream().map(nounsOfAdjectives::get).filter(java.util.Objects::nonNull).forEach(naming::add);
            this.side = new HashSet<>(wanted);
            side.retainAll(SIDES);
            // the index names no side: "left knee osteoarthritis" is the path "Osteoarthritis > knee", the side is the title's
            Set<String> withoutSides = new HashSet<>(wanted);
            withoutSides.removeAll(SIDES);
            if (withoutSides.contains("trimest")) {
                // nor a trimester: "Pre-eclampsia O14.9-" is completed by the trimester the tabular's codes name
                withoutSides.removeAll(TRIMESTERS);
            }
            java.util.regex.Matcher stage = STAGE_TYPED.matcher(String.join(" ", query));
            if (stage.find() && withoutSides.size() > 2) {
                // nor a stage, when more than the stage's condition is typed: "dm2 w ckd 3" is the index's "Diabetes, type 2,
                // with, chronic kidney disease E11.22" (the stage is N18.3-'s, coded with it); a path naming the stage
                // ("Disease, kidney, chronic, stage 3") is still named by it
                withoutSides.remove("stage");
                withoutSides.remove(stage.group(1));
            }
            this.pathWords = withoutSides.isEmpty() ? wanted : withoutSides;
            this.others = readings.subList(1, readings.size()).stream().map(r -> (Set<String>) new HashSet<String>(r)).toList();
            this.asked = new boolean[ASIDE.size()];
            for (int i = 0; i < ASIDE.size(); i++) {
                asked[i] = wanted.stream().anyMatch(ASIDE.get(i)::contains);
            }
            // "fx rt wrist subsequent" asks for the subsequent encounter (a title's "subsequent visit" is no encounter)
            asked[ENCOUNTER] |= wanted.contains("subsequ");
            this.saysWithout = wanted.contains("without");
            this.asksNotTraumatic = wanted.stream().anyMatch(NOT_TRAUMATIC::contains);
            this.asksNotAccidental = wanted.stream().anyMatch(NOT_ACCIDENTAL::contains);
            // "familial hypercholesterolemia" names no relative: only family and history together do
            this.asksFamilyHistory = wanted.containsAll(List.of("famili", "histori"));
            this.asksOpen = wanted.contains("open");
            this.asksNondisplaced = wanted.contains("nondisplac") || wanted.containsAll(List.of("non", "displac"));
            this.asksScope = asksScope(wanted);
            this.asksDiagnostic = wanted.contains("diagnost") || wanted.contains("biopsi");
            this.asksDevice = wanted.stream().anyMatch(List.of("devic", "drain", "tube", "cathet", "catheter")::contains);
            this.asksTrimester = wanted.contains("trimest");
            this.longTermUseOnly = wanted.containsAll(List.of("long", "term")) && wanted.stream().noneMatch(DRUG_EFFECT_WORDS::contains);
            this.procedure = procedure;
            this.asksMeasure = wanted.stream().anyMatch(MEASURE_WORDS::contains);
            // an encounter ("encounter for flu shot", "psa screening") is a Z code too, not the service given at it
            this.status = !procedure && (wanted.stream().anyMatch(STATUS::contains) || wanted.containsAll(List.of("long", "term"))
                    || wanted.contains("encount") || wanted.contains("screen"));
        }
    }

    /** An HCPCS drug given by injection or infusion ("Injection, dexamethasone sodium phosphate, 1 mg"). */
    private static final Pattern HCPCS_DRUG = Pattern.compile("(?i)(injection|infusion)\\b");
    private static final Pattern PARENTHESES = Pattern.compile("\\(([^)]*)\\)");
    /** Stems of routes an HCPCS drug title may name beyond the drug: a route the query does not name is another product. */
    private static final String ROUTES = "intraocular intravitreal intrathecal intravesical intradermal intraarticular ophthalmic otic"
            + " inhalation oral implant liposomal intrapleural epidural";

    private static final Pattern DRUG_EFFECT = Pattern.compile("^(Poisoning by|Adverse effect of|Underdosing of)\\b");
    /** Stems of the words that ask for a drug's effect rather than its use. */
    private static final Set<String> DRUG_EFFECT_WORDS = Set.of("poison", "overdos", "advers", "underdos", "toxic", "effect", "reaction");

    /**
     * CMS's quality data codes, reported for quality measures (MIPS): HCPCS M1000-M1999 and G8000-G9999 ("Patients with a
     * history of heart transplant...", "Documentation of end stage renal disease..."). Their titles describe patients and
     * what was documented, so they share a diagnosis query's words; they answer a diagnosis search only when asked.
     */
    private static final Pattern QUALITY_CODE = Pattern.compile("(?:M1|G8|G9)[0-9]{3}");
    /** Stems of the words that ask for quality reporting rather than a diagnosis. */
    private static final Set<String> MEASURE_WORDS = Set.of("document", "measur", "qualiti", "mip", "report", "attest", "perform", "reason");
    /** A stage typed ("stage 3", "stage 3b" as the stems read it). */
    private static final Pattern STAGE_TYPED = Pattern.compile("\\bstage ([0-9][ab]?)\\b");
    /** A title naming a trimester: the sixth character of the pregnancy codes. */
    private static final Pattern NAMED_TRIMESTER = Pattern.compile("(?i)\\b(first|second|third) trimester\\b");
    /** A trimester's stems: the sixth character of the pregnancy codes, which the index leaves to the tabular. */
    private static final Set<String> TRIMESTERS = Set.of("trimest", "first", "second", "third", "1st", "2nd", "3rd");

    /** Stems of the words that make a query a status or history ("status post", "history of", "dependence on", "absence"). */
    private static final Set<String> STATUS = Set.of("statu", "histori", "absenc", "depend", "presenc");

    /** {@code readings}: the stems of each reading of the query, the one that ranks first. */
    public Reading reading(List<? extends Collection<String>> readings, boolean procedure) {
        return new Reading(readings, procedure, nounsOfAdjectives);
    }

    /** Whether any reading (its stems) asks for quality reporting ("documented", "measure", "reason not given"). */
    public static boolean asksMeasure(List<? extends Collection<String>> readings) {
        return readings.stream().anyMatch(r -> r.stream().anyMatch(MEASURE_WORDS::contains));
    }

    /** What an index path of all but one word typed adds: the least lead the book's order gives an entry. */
    public static double nearPath() {
        return NEAR_PATH;
    }

    /** What being billable adds to a code. */
    public static double billableWeight() {
        return BILLABLE;
    }

    /** What naming the side typed adds to a code (see {@link #sideMatch}). */
    public static double sideWeight() {
        return SIDE;
    }

    /** A quality data code where the query asks for neither a measure nor a procedure: no answer to it. */
    public boolean unaskedMeasure(Prepared candidate, Reading reading) {
        return candidate.qualityMeasure && !reading.procedure && !reading.asksMeasure;
    }

    /**
     * Reads, for a procedure-shaped query, whether the Alphabetic Index prints an ICD-10-CM code for exactly the words typed
     * ("suture removal": "Removal (of), suture" Z48.02, an encounter): then the procedure's code systems are lifted only
     * where their own index prints a code for the words too ("circumcision": "Resection, Prepuce" 0VTTXZZ), not where it
     * needs more ("Suture Removal, Extremity, Upper" 8E0XXY8: a site the query does not name).
     */
    public void diagnosisPrinted(Reading reading, List<Prepared> diagnoses) {
        reading.diagnosisPrinted = diagnoses.stream().anyMatch(c -> printedExactly(c, reading));
    }

    /** Whether an index path of the candidate is made of exactly the words typed (sides, trimesters and stages aside). */
    public boolean printedExactly(Prepared candidate, Reading reading) {
        return parsedPathMatch(candidate.paths, reading.pathWords, reading.naming, reading.nouns) == EXACT_PATH;
    }

    /** The amount to add to a candidate's fused score for a query read as {@code reading}. */
    public double adjustment(Prepared candidate, Reading reading) {
        double otherReadingPath = 0;
        for (Set<String> other : reading.others) {
            otherReadingPath = Math.max(otherReadingPath, parsedPathMatch(candidate.paths, other));
        }
        Set<String> wanted = reading.wanted;
        if (wanted.isEmpty()) {
            return candidate.billable ? BILLABLE : 0;
        }
        double adjustment = candidate.billable ? BILLABLE : 0;
        double ownPath = parsedPathMatch(candidate.paths, reading.pathWords, reading.naming, reading.nouns);
        adjustment += Math.max(otherReadingPath, ownPath);
        adjustment += sideMatch(candidate, reading.side) + stageMatch(candidate.title, reading.query, candidate.billable);
        long extra = 0;
        for (String stem : candidate.specific) {
            extra += wanted.contains(stem) ? 0 : 1;
        }
        adjustment -= Math.min(MAX_EXTRA, extra * PER_EXTRA_WORD);
        // the index prints this code for exactly the words typed: what its title is about was asked ("suture removal" is the
        // index's "Removal (of), suture" Z48.02, an encounter for it; "bee sting" the toxic effect of bee venom)
        // (chapter 21's codes only: an injury's subsequent encounter or sequela printed by a dash code's completion is still
        // an aside)
        boolean printed = ownPath == EXACT_PATH && candidate.factor;
        for (int i = 0; i < ASIDE.size() && !printed; i++) {
            boolean inTitle = candidate.aside[i];
            if (inTitle != reading.asked[i]) {
                // an old infarction when none was asked for, or an acute one when the old one was
                adjustment -= inTitle ? NOT_ASKED : NOT_ASKED / 2;
                break;
            }
        }
        if (deniesWhatWasAsked(candidate, reading)) {
            adjustment -= NOT_ASKED;
        }
        if (candidate.notTraumatic && !reading.asksNotTraumatic) {
            // the index's main term is "Fracture, traumatic"; "Fracture, pathological" is another main term, read only when
            // named: its titles name the site and the side ("Pathological fracture, left ankle") where the traumatic code's
            // may not ("Other fracture of left lower leg"), so the words alone favour it
            adjustment -= 2 * NOT_ASKED;
        }
        if (candidate.notAccidental && !reading.asksNotAccidental) {
            adjustment -= NOT_ASKED / 2;
        }
        if (candidate.familyHistory && !reading.asksFamilyHistory) {
            adjustment -= NOT_ASKED;
        } else if (!candidate.familyHistory && reading.asksFamilyHistory) {
            // "father had mi": the relative's condition is not the patient's (nor the patient's own history of it, I25.2)
            adjustment -= NOT_ASKED;
        }
        if ((candidate.openFracture && !reading.asksOpen) || (candidate.nondisplaced && !reading.asksNondisplaced)) {
            adjustment -= NOT_ASKED / 2;
        }
        if (candidate.endoscopic && !reading.asksScope) {
            adjustment -= NOT_ASKED / 2;
        }
        if (candidate.diagnostic && !reading.asksDiagnostic) {
            // a PCS code's diagnostic qualifier (X) only when a biopsy or a diagnostic procedure is asked: "d&c" is 0UDB7ZZ
            adjustment -= NOT_ASKED / 2;
        }
        if (candidate.drainageDevice && !reading.asksDevice) {
            // a drain left in only when a drain, tube or catheter is typed: "paracentesis" is 0W9G3ZZ, "chest tube" 0W9930Z
            adjustment -= NOT_ASKED / 2;
        }
        if (candidate.namesTrimester && !reading.asksTrimester) {
            // no trimester typed: the unspecified trimester, as the unspecified side when no side is typed
            adjustment -= SIDE / 2;
        }
        if (candidate.drugEffect && reading.longTermUseOnly) {
            // the Table of Drugs names the drug typed ("warfarin", "coumadin"); the status title names only its class
            adjustment -= NOT_ASKED;
        }
        if (candidate.drugNos && candidate.titleStems.containsAll(reading.pathWords)) {
            // the title names every word typed and nothing more than "not otherwise specified": the drug's default entry
            adjustment += NEAR_PATH;
        }
        if (!candidate.variant.isEmpty() && !wanted.containsAll(candidate.variant)) {
            // "kenalog inj": the drug's own code (J3301, "not otherwise specified") before one product's (J3299, "(xipere)")
            adjustment -= NOT_ASKED / 2;
        }
        if (reading.procedure && !"icd10cm".equals(candidate.system)
                && (!reading.diagnosisPrinted || Math.max(otherReadingPath, ownPath) >= NEAR_PATH)) {
            adjustment += PROCEDURE_SYSTEM;
        }
        if (candidate.terminated) {
            // J1940 (furosemide up to 20 mg) ended 2025-03-31: J1938 is the code for the same drug now
            adjustment -= NOT_ASKED;
        }
        if (candidate.qualityMeasure && !reading.procedure && !reading.asksMeasure) {
            // "pt w/ hx of cva no residuals" is Z86.73, not M1151 "Patients with a history of heart transplant..."
            adjustment -= PROCEDURE_SYSTEM + NOT_ASKED;
        }
        if (reading.status && !"icd10cm".equals(candidate.system)) {
            // "esrd on dialysis" is N18.6 with Z99.2, not a quality-reporting code that names dialysis
            adjustment -= PROCEDURE_SYSTEM / 2;
        }
        return adjustment;
    }

    /**
     * Whether the title says "without" what the query names ("bph w luts": N40.0 "... without lower urinary tract
     * symptoms"; the last word, the head of the phrase, is enough), unless the query itself says "without".
     */
    private static boolean deniesWhatWasAsked(Prepared candidate, Reading reading) {
        if (candidate.title == null || reading.saysWithout) {
            return false;
        }
        for (List<String> denied : candidate.denied) {
            // the head of what is denied is enough: "severe sepsis w shock" is not "... without septic shock"
            if (reading.wanted.contains(denied.get(denied.size() - 1))) {
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
    private static double sideMatch(Prepared candidate, Set<String> side) {
        if (side.isEmpty()) {
            // no side typed: the unspecified side is what the coder can report, a sided title says more than was asked
            return candidate.namesSide ? -SIDE / 2 : 0;
        }
        if (candidate.titleStems.stream().anyMatch(side::contains)) {
            return SIDE;
        }
        // another side, or a header whose codes below carry the side the coder already gave
        return candidate.namesSide || !candidate.billable ? -SIDE : 0;
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
        return parsedPathMatch(paths.stream().map(this::parsedPath).toList(), wanted);
    }

    private static double parsedPathMatch(List<ParsedPath> paths, Set<String> wanted) {
        return parsedPathMatch(paths, wanted, wanted, java.util.Map.of());
    }

    /**
     * {@code wanted}: the words the path must hold; {@code naming}: the words that may name its levels (the whole query: a
     * stage or side typed names a level that prints it, but need not be printed).
     */
    private static double parsedPathMatch(List<ParsedPath> paths, Set<String> wanted, Set<String> naming, java.util.Map<String, String> nouns) {
        double best = 0;
        for (ParsedPath path : paths) {
            int missing = 0;
            for (String w : wanted) {
                // a word typed that the path prints as a nonessential modifier ("annual (physical)") is the path's word too
                String noun = nouns.get(w);
                missing += path.stems().contains(w) || path.modifiers().contains(w) || (noun != null && path.stems().contains(noun)) ? 0 : 1;
            }
            if (missing > 1) {
                continue; // neither exact nor all but one word: most paths of a candidate, and the levels need not be read
            }
            boolean everyLevelNamed = true;
            boolean mainTermNamed = false;
            int unnamed = 0;
            int levels = path.levels().size();
            for (int i = 0; i < levels; i++) {
                // a level of stop words only ("with") says nothing the query could name, so it is never missing
                // so is a level that says only "unspecified" ("Concussion > with > loss of consciousness > unspecified
                // duration"): it is what a query naming nothing more means
                boolean named = path.connectives().contains(i) || path.generic().contains(i);
                for (List<String> form : path.levels().get(i)) {
                    if (!form.isEmpty() && naming.containsAll(form)) {
                        named = true;
                        break;
                    }
                }
                everyLevelNamed &= named;
                mainTermNamed |= i == 0 && named;
                // only an intermediate level may be skipped: a last level the query does not name makes the path more specific
                unnamed += named ? 0 : (i > 0 && i < levels - 1 ? 1 : 2);
            }
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

    private ParsedPath parsedPath(String text) {
        return parsed.get(text, this::parse);
    }

    /**
     * An index path read once: per level, the stems of each alternative form; all its essential stems; the stems of its
     * nonessential modifiers (words that may be typed or not).
     */
    private record ParsedPath(List<List<List<String>>> levels, Set<String> stems, Set<Integer> connectives, Set<String> modifiers,
                              Set<Integer> generic) { }

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
        Set<Integer> generic = new HashSet<>();
        for (String level : essential.split(" > ")) {
            // "Conjunctivitis NOS" is the main term's default: "conjunctivitis" typed names it
            level = TRAILING_NOS.matcher(level).replaceAll("");
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
            if (!levels.isEmpty() && !stemsOfForms.isEmpty() && stemsOfForms.stream().allMatch(f -> GENERIC.containsAll(f)
                    && (f.contains("unspecifi") || f.contains("nos")))) {
                generic.add(levels.size());
            }
            levels.add(stemsOfForms);
        }
        return new ParsedPath(levels, all, connectives, modifiers, generic);
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
                    + "reattachment|extirpation|fragmentation|surgery|"
                    // equipment and supplies: HCPCS Level II
                    + "walkers?|crutch(es)?|wheelchairs?|commodes?|nebulizers?|cpap|bipap|concentrators?|glucometers?|lancets?|test strips|"
                    + "(?:insulin|infusion|suction|breast|enteral|feeding) pumps?)\\b");

    /** Whether the (rewritten) query is about doing something rather than a diagnosis: "status post" a procedure is not. */
    public static boolean isProcedure(String text) {
        return text != null && PROCEDURE.matcher(text).find() && !AFTER_PROCEDURE.matcher(text).find();
    }

    /**
     * Whether the query is about a procedure in any of its readings, unless its first reading is a status ("esrd on
     * dialysis" is read "... dependence on renal dialysis": the words as typed name the procedure, the reading does not).
     */
    public static boolean isProcedure(List<String> readings) {
        return !readings.isEmpty() && readings.stream().anyMatch(BookOrder::isProcedure)
                && !AFTER_PROCEDURE.matcher(readings.get(0)).find();
    }

    /** An encounter typed as such ("encounter for flu shot", "psa screening"): its code is a Z code (Z00-Z99). */
    private static final Pattern ENCOUNTER_FOR = Pattern.compile("\\b(encounter for|screening)\\b");

    /** Whether the (rewritten) query names an encounter, whose code is a Z code whatever service it is for. */
    public static boolean isEncounter(String text) {
        return text != null && ENCOUNTER_FOR.matcher(text).find();
    }

    /**
     * A procedure done before, or the encounter around one: its status, history or aftercare is a diagnosis code (Z95.1
     * for "s/p cabg", Z47.1 for "aftercare joint replacement").
     */
    private static final Pattern AFTER_PROCEDURE = Pattern.compile(
            "\\b(status post|status|history of|history|aftercare|encounter for|presence of|dependence on|acquired absence|long term"
                    // a screening is an encounter (Z12.31 for "screening mammogram", Z12.11 for "screening colonoscopy"), not the test
                    + "|screening)\\b");
}
