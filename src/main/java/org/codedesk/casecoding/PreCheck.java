package org.codedesk.casecoding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.codedesk.casecoding.dictionary.IndexDictionary;
import org.codedesk.casecoding.learning.Candidate;
import org.codedesk.casecoding.learning.CaseModel;
import org.codedesk.casecoding.text.Assertion;
import org.codedesk.casecoding.text.ClinicalText;

/**
 * The pre-check policy: of the ranked candidates, which a careful coder would submit, in which order, and why the
 * others are not checked. A diagnosis is checked when an index entry or a title matches words the provider
 * concluded (assessment, diagnoses, hospital course; a sign or symptom only in the assessment), the code is final,
 * and nothing later in the note rules it out. Then the Official Guidelines are applied to the checked codes
 * ({@link GuidelineRules}): combination codes under the "with" convention, one code per concept at the most specific
 * level, Excludes1 pairs resolved, use-additional companions, external causes for injuries, the principal
 * diagnosis first. ICD-10-PCS codes are checked for inpatient stays only, from the operations the note names.
 */
final class PreCheck {

    /** One code and what the policy decided: checked (submit) or a further candidate, with the reason. */
    static final class Decision {
        final Candidate candidate;
        boolean checked;
        String reason;
        final List<String> notes = new ArrayList<>();
        final boolean derived;
        /** The checked code whose "Use additional code" note lists this one, if that is how it was found. */
        String listedBy;

        Decision(Candidate candidate, boolean checked, String reason, boolean derived) {
            this.candidate = candidate;
            this.checked = checked;
            this.reason = reason;
            this.derived = derived;
        }

        String code() {
            return candidate.code();
        }

        void uncheck(String why) {
            if (checked) {
                checked = false;
                reason = why;
            }
        }
    }

    record Result(List<Decision> diagnoses, List<Decision> procedures, List<String> warnings) { }

    /** A diagnosis found only in the conclusion is checked from this score (the ranker learned on Spanish cases is cautious). */
    static final double CONCLUSION_SCORE = 0.05;

    private static final Set<NoteSections> CODABLE_FOR_DIAGNOSES = EnumSet.of(NoteSections.CONCLUSION, NoteSections.TREATED);
    private static final Set<String> INDEX_ROUTES = Set.of(IndexDictionary.Source.INDEX.label(), IndexDictionary.Source.TITLE.label(),
            IndexDictionary.Source.INCLUSION.label());

    private final ClinicalText note;
    private final NoteFacts facts;
    private final CaseModel.Dictionaries dictionaries;
    private final EncounterSetting setting;
    private final double threshold;
    private final CodingRules rules;
    private final boolean hasConclusion;
    private final boolean hasPostoperativeDiagnosis;

    PreCheck(ClinicalText note, CaseModel.Dictionaries dictionaries, EncounterSetting setting, double threshold, CodingRules rules) {
        this.note = note;
        this.facts = new NoteFacts(note);
        this.dictionaries = dictionaries;
        this.setting = setting;
        this.threshold = threshold;
        this.rules = rules;
        this.hasConclusion = NoteSections.hasConclusion(note);
        // a postoperative diagnosis of its own ("Same" repeats the preoperative one)
        this.hasPostoperativeDiagnosis = note.sentences().stream().anyMatch(s -> POSTOPERATIVE.matcher(s.section()).find()
                && !PREOPERATIVE.matcher(s.section()).find())
                && note.sentences().stream().noneMatch(s -> POSTOPERATIVE.matcher(s.section()).find()
                        && lower(note.text().substring(s.start(), s.end())).matches("(?s).*\\bsame\\b.*"));
    }

    Result decide(List<Candidate> ranked) {
        Map<String, Decision> diagnoses = new LinkedHashMap<>();
        Map<String, Decision> procedures = new LinkedHashMap<>();
        for (Candidate c : ranked) {
            if (c.mentions().isEmpty() && !c.uncodable().isEmpty()) {
                continue;
            }
            String reason = c.procedure() ? procedureReason(c) : diagnosisReason(c);
            if (HEADER.equals(reason)) {
                // a header whose words are concluded: complete it from the note (side, encounter, the words of the titles below it)
                String why = diagnosisReason(c, false);
                Optional<IndexDictionary.Code> completed = why == null ? complete(c) : Optional.empty();
                Decision known = completed.map(k -> diagnoses.get(k.code())).orElse(null);
                if (completed.isPresent() && (known == null || !known.checked)) {
                    Decision d = known != null ? known
                            : new Decision(Candidate.derived(completed.get().code(), false, c.score(), c.mentions()), true, null, true);
                    d.checked = true;
                    d.reason = null;
                    d.notes.add("Completed from " + c.code() + " with what the note documents (side, encounter, type)");
                    diagnoses.put(completed.get().code(), d);
                    reason = "not a final code: completed as " + completed.get().code();
                }
            }
            Map<String, Decision> target = c.procedure() ? procedures : diagnoses;
            Decision existing = target.get(c.code());
            if (existing == null) {
                target.put(c.code(), new Decision(c, reason == null, reason, false));
            } else if (reason == null) {
                existing.checked = true;
                existing.reason = null;
            }
        }
        List<String> warnings = new ArrayList<>();
        GuidelineRules guidelines = new GuidelineRules(facts, dictionaries.diagnoses(), setting, rules);
        guidelines.apply(diagnoses, warnings);
        buildProcedures(procedures, warnings);
        List<Decision> dx = guidelines.order(diagnoses);
        List<Decision> px = new ArrayList<>(procedures.values());
        px.sort(Comparator.comparing((Decision d) -> !d.checked).thenComparing(d -> -d.candidate.score()));
        return new Result(dx, px, warnings);
    }

    private static final String HEADER = "not a final code: a more specific code (or a 7th character) is needed";

    private String diagnosisReason(Candidate c) {
        return diagnosisReason(c, true);
    }

    /** Why a diagnosis is not checked, or null when it is. */
    private String diagnosisReason(Candidate c, boolean finalCodeNeeded) {
        if (c.mentions().isEmpty()) {
            return "no words of the note support it (similar coded cases only)";
        }
        Optional<IndexDictionary.Code> code = dictionaries.diagnoses().code(c.code());
        if (finalCodeNeeded && code.isPresent() && !code.get().billable()) {
            return HEADER;
        }
        List<Candidate.Mention> indexed = c.mentions().stream().filter(PreCheck::indexRoute).toList();
        if (indexed.isEmpty()) {
            return "found only by phrases learned from coded cases: no index entry or title matches the words";
        }
        if (ruledOutLater(c, note)) {
            return "ruled out later in the note";
        }
        if (indexed.stream().allMatch(this::encounterOrSetting)) {
            return "the words name the encounter of a 7th character (\"initial encounter\") or the setting (\"ED course\"), not a finding";
        }
        if (indexed.stream().allMatch(this::notAFinding)) {
            return "the words are not a condition of the patient: an everyday word (\"plus\"), a facility (\"children's hospital\"), a surgical"
                    + " exposure, a dialysis access (\"AV fistula\"), a relative's condition, or not the eponym's name (\"severe\" is not Sever's)";
        }
        if (indexed.stream().allMatch(this::vitalSign)) {
            return "an abbreviation read in the vital signs (\"HR 98\", \"93% RA\"), not a diagnosis";
        }
        if (indexed.stream().allMatch(this::receptorAgonist)) {
            return "\"RA\" after a receptor's name is a drug class (\"GLP-1 RA\": receptor agonist), not rheumatoid arthritis";
        }
        if (indexed.stream().allMatch(m -> m.route().startsWith(IndexDictionary.Source.TITLE.label() + ": Other ")
                || m.route().startsWith(IndexDictionary.Source.TITLE.label() + ": ") && OTHER_KIND.matcher(m.route()).find())) {
            return "an \"other\" code is reached through the index by the kind of condition the note names; only the general words of its"
                    + " title match";
        }
        if (indexed.stream().allMatch(m -> SPECIFIED_NEC.matcher(m.route()).find())) {
            return "reached through \"specified NEC\" in the index: the note must name the kind of condition";
        }
        if (c.code().startsWith("Q") && !CONGENITAL.matcher(lower(note.text())).find()) {
            return "a congenital anomaly, and the note says nothing of a congenital condition";
        }
        String codeTitle = code.map(IndexDictionary.Code::title).orElse("");
        String sex = sex();
        if (OTHER_SEX.containsKey(sex) && OTHER_SEX.get(sex).matcher(lower(codeTitle)).find()) {
            return "a code for the other sex than the patient's";
        }
        // a code about the past itself ("scar from previous cesarean delivery") is current care, not a history
        boolean aboutThePast = PAST_TITLE.matcher(lower(codeTitle)).find();
        if (!aboutThePast && indexed.stream().allMatch(m -> m.assertion() == Assertion.HISTORY && !current(m) && !resolvedDuringStay(m))) {
            return "written as past history: code it only if current or still treated (else a personal history code, Z85-Z87)";
        }
        String title = code.map(IndexDictionary.Code::title).orElse("");
        boolean symptom = c.code().startsWith("R") && !c.code().matches("R65\\.[12].*") || FINDING_TITLE.matcher(lower(title)).find()
                || indexed.stream().allMatch(m -> SYMPTOM_ROUTE.matcher(m.route()).find());
        boolean uncertain = indexed.stream().allMatch(m -> m.assertion() == Assertion.POSSIBLE);
        Set<NoteSections> accepted = !hasConclusion ? EnumSet.of(NoteSections.CONCLUSION, NoteSections.TREATED, NoteSections.NARRATIVE)
                : symptom || uncertain ? EnumSet.of(NoteSections.CONCLUSION) : CODABLE_FOR_DIAGNOSES;
        // a chronic condition written in the history or the narrative that the note says is current and treated
        // ("COPD on inhalers", "hx of HTN, controlled, continue home meds") is coded (IV.J); a history alone is not
        boolean chronicAccepted = !symptom && !uncertain;
        List<Candidate.Mention> concluded = indexed.stream().filter(m -> m.assertion() != Assertion.HISTORY || aboutThePast || current(m) || resolvedDuringStay(m))
                .filter(m -> accepted.contains(NoteSections.of(note, m.sentence()))
                        || chronicAccepted && TREATED_ELSEWHERE.contains(NoteSections.of(note, m.sentence())) && current(m))
                // words that are not a finding ("painful oral lesions", "1 hr GTT") conclude nothing
                .filter(m -> !notAFinding(m)).toList();
        if (concluded.isEmpty()) {
            Set<String> where = new java.util.LinkedHashSet<>();
            indexed.forEach(m -> where.add(NoteSections.of(note, m.sentence()).label()));
            return (symptom && hasConclusion ? "a sign or symptom not among the assessed diagnoses (integral to a confirmed diagnosis or not"
                    + " concluded); mentioned only in " : uncertain ? "uncertain and not a diagnosis at discharge; mentioned in "
                    : "mentioned only in ") + String.join(", ", where);
        }
        double needed = hasConclusion ? CONCLUSION_SCORE : threshold;
        if (finalCodeNeeded && c.score() < needed) {
            return "score below the threshold";
        }
        if (lower(title).startsWith("acute on chronic") && concluded.stream().noneMatch(m -> ACUTE.matcher(sentence(m)).find())) {
            return "acute on chronic needs an acute episode the note documents (acute, exacerbation, decompensated)";
        }
        if (lower(title).matches("^acute (and|on) chronic.*") && concluded.stream().noneMatch(m -> CHRONIC_WRITTEN.matcher(sentence(m)).find())) {
            // "COPD" reads as "chronic obstructive ...": the chronic condition of its own organ, not a chronic failure
            return "acute and chronic needs the chronic condition written, not only an abbreviation's word";
        }
        if (concluded.stream().allMatch(m -> m.route().matches(".*> acute( \\(.*)?$") && ACUTE_EXACERBATION.matcher(sentence(m)).find()
                && !ACUTE_ITSELF.matcher(sentence(m)).find())) {
            return "\"acute exacerbation\" is a flare of the chronic condition, not its acute form";
        }
        if (concluded.stream().allMatch(this::watchedFor)) {
            return "a condition the plan monitors for (\"labs for MTX toxicity\"), not one found";
        }
        if (concluded.stream().allMatch(m -> titleSaysWithout(title, m))) {
            return "the title says \"without\" what the note writes the condition with";
        }
        if (concluded.stream().allMatch(this::advised)) {
            return "advice to the patient (\"limit caffeine\", \"avoid alcohol\"), not a condition the provider diagnoses";
        }
        if (concluded.stream().allMatch(this::namesAnIntervention)) {
            return "the words name a service, a procedure planned or an intervention (\"addiction medicine\", \"AVF planning\", \"weight"
                    + " loss counseling\"), not a condition";
        }
        if ((title.startsWith("Encounter for") || c.code().startsWith("Z71."))
                && concluded.stream().noneMatch(m -> NoteSections.of(note, m.sentence()) == NoteSections.CONCLUSION
                        && (VISIT_FOR.matcher(sentence(m)).find() || title.startsWith("Encounter for") && !title.contains("unspecified reason")
                                && (m.last() - m.first() >= 3 || m.route().startsWith(IndexDictionary.Source.INDEX.label()))
                                && !LATER.matcher(sentence(m)).find()))) {
            return "an encounter-reason or counseling code: reported only when the visit is for it";
        }
        if (hasPostoperativeDiagnosis && concluded.stream().allMatch(m -> preoperative(m))) {
            return "only in the preoperative diagnosis: the postoperative diagnosis is coded";
        }
        if (concluded.stream().allMatch(m -> RETURN_PRECAUTIONS.matcher(sentence(m)).find())) {
            return "a sign the patient is told to return for (return precautions), not a finding of this encounter";
        }
        if (symptom && concluded.stream().allMatch(m -> asNeeded(m) || RETURN_PRECAUTIONS.matcher(sentence(m)).find())
                && concluded.stream().anyMatch(this::asNeeded)) {
            return "a symptom named as the reason for a drug taken as needed (or in return precautions), not a finding concluded";
        }
        if (symptom && setting == EncounterSetting.INPATIENT && hasDischargeDiagnoses()
                && concluded.stream().allMatch(m -> ADMITTING.matcher(note.sentences().get(m.sentence()).section()).find())) {
            return "a symptom the patient was admitted with; the discharge diagnoses name what was established (a symptom is not coded when a"
                    + " related diagnosis is, II.A)";
        }
        if (symptom && concluded.stream().allMatch(m -> PLAN_ONLY.matcher(note.sentences().get(m.sentence()).section()).find())) {
            return "a sign or symptom named only in the plan (what to manage or watch for), not among the diagnoses assessed";
        }
        if (symptom && concluded.stream().allMatch(m -> ATTRIBUTED.matcher(sentence(m)).find()
                && !(c.code().startsWith("R") && DRUG_CAUSE.matcher(sentence(m)).find()))) {
            return "a sign or symptom the provider attributes to a diagnosis: integral to it, not coded";
        }
        return null;
    }

    private static final Pattern ADMITTING = Pattern.compile("(?i)\\b(admitting|admission diagnos\\w*|reason for admission|presenting (complaint|problem))\\b");
    private static final Pattern DISCHARGE_DIAGNOSES = Pattern.compile("(?i)\\b(discharge|final|principal) (diagnos\\w*|dx)\\b");

    private boolean hasDischargeDiagnoses() {
        return note.sentences().stream().anyMatch(s -> DISCHARGE_DIAGNOSES.matcher(s.section()).find());
    }

    /** Findings a coder treats like signs and symptoms: integral to the diagnosis unless the provider concludes them. */
    private static final Pattern FINDING_TITLE = Pattern.compile("^(elevated|abnormal|other abnormal|pain)\\b");
    private static final Pattern SYMPTOM_ROUTE = Pattern.compile("^(Alphabetic Index|Inclusion term|Tabular title): (Pain|Ache|Leukocytosis|Fever|Swelling|Tenderness|Elevated|Bleeding"
            + "|Abnormal|Findings|Erythema)\\b");
    /** Said of a condition in the same sentence: it is current and treated, not a past history. */
    private static final Pattern CURRENT = Pattern.compile("\\b(controlled|well[- ]controlled|stable on|continue[sd]?|maintained on|managed with"
            + "|on (his |her |home |daily |chronic )*(meds|medications|inhalers?|insulin|oxygen|o2|dialysis|cpap"
            + "|[a-z]+(pril|sartan|olol|statin|dipine|formin|thiazide|lukast|tropium|terol|sone|thyroxine|oxetine|prazole|tidine|osin|steride)))\\b");
    /** Reached through "specified NEC", whatever qualifiers follow ("sickle-cell > specified NEC > with > crisis"). */
    private static final Pattern SPECIFIED_NEC = Pattern.compile("> ((other )?specified( type| kind| form| disorder| condition)?( NEC)?|NEC)( > [^>]*)*$");
    private static final Pattern CONGENITAL = Pattern.compile("\\b(congenital|since birth|at birth|newborn|neonat\\w*|infant|syndrome|malformation"
            + "|autosomal|hereditary|inherited|familial|genetic)\\b");
    private static final Pattern ACUTE = Pattern.compile("\\b(acute|acutely|exacerbat\\w*|decompensat\\w*|flare)\\b");
    private static final Set<NoteSections> TREATED_ELSEWHERE = EnumSet.of(NoteSections.NARRATIVE, NoteSections.HISTORY);

    /**
     * Said current in the clause of the mention ("HTN on amlodipine, diverticulosis": only the hypertension) or in the
     * next item when that item is only what is said of it ("HTN, controlled on lisinopril").
     */
    private boolean current(Candidate.Mention m) {
        ClinicalText.Sentence s = note.sentences().get(m.sentence());
        String sentence = sentence(m);
        int start = Math.max(0, note.words().get(m.first()).start() - s.start());
        int end = Math.min(sentence.length(), note.words().get(m.last()).end() - s.start());
        int from = Math.max(sentence.lastIndexOf(',', start), sentence.lastIndexOf(';', start)) + 1;
        int to = nextSeparator(sentence, end);
        if (CURRENT.matcher(sentence.substring(from, to)).find()) {
            return true;
        }
        if (to >= sentence.length()) {
            return false;
        }
        String next = sentence.substring(to + 1, nextSeparator(sentence, to + 1)).trim();
        return NEXT_ITEM_SAYS_CURRENT.matcher(next).lookingAt() && CURRENT.matcher(next).find();
    }

    private static final Pattern NEXT_ITEM_SAYS_CURRENT = Pattern.compile("(controlled|well|stable|continue|maintained|managed|on )");

    private static int nextSeparator(String s, int from) {
        int comma = s.indexOf(',', from);
        int semicolon = s.indexOf(';', from);
        int to = comma < 0 ? semicolon : semicolon < 0 ? comma : Math.min(comma, semicolon);
        return to < 0 ? s.length() : to;
    }

    private static final Pattern ENCOUNTER_OF_SEVENTH = Pattern.compile("\\b(initial|subsequent|sequela)\\s+encounter\\b");
    private static final Pattern SETTING_BEFORE = Pattern.compile("\\b(in|to|from|at|into|left|leaving|via) (the )?$");
    private static final Pattern SETTING_AFTER = Pattern.compile("^\\s*(course|visit|note|triage|stay|arrival|physician|provider|attending"
            + "|workup|vitals|labs|disposition|bed|admission|boarding|team)\\b|^\\s*:");

    /**
     * "Initial encounter" (the 7th character of an injury, not an encounter-reason code) or a lone setting abbreviation
     * ("ED course:", "ED vitals", "ICU stay"): the emergency department, not erectile dysfunction.
     */
    private boolean encounterOrSetting(Candidate.Mention m) {
        ClinicalText.Word first = note.words().get(m.first());
        ClinicalText.Word last = note.words().get(m.last());
        String words = lower(note.text().substring(first.start(), last.end()));
        if (words.equals("encounter") || words.equals("encounters")) {
            String before = lower(note.text().substring(Math.max(0, first.start() - 12), last.end()));
            return ENCOUNTER_OF_SEVENTH.matcher(before).find();
        }
        if (m.first() != m.last() || first.text().length() > 4 || !first.text().chars().allMatch(Character::isUpperCase)) {
            return false;
        }
        String after = note.text().substring(last.end(), Math.min(note.text().length(), last.end() + 15));
        String before = note.text().substring(Math.max(0, first.start() - 12), first.start());
        return SETTING_AFTER.matcher(lower(after)).find() || SETTING_BEFORE.matcher(lower(before)).find();
    }

    private static final Pattern SURGICAL_EXPOSURE_AFTER = Pattern.compile("^\\W*(through|via|with|using|of the|was|and control)\\b");
    private static final Pattern SURGICAL_EXPOSURE_BEFORE = Pattern.compile("\\b(artery|arteries|vein|nerve|femoral|carotid|surgical|operative"
            + "|subperiosteal|adequate|wide|good)\\W*$");
    private static final Pattern DIALYSIS_ACCESS = Pattern.compile("\\b(av|a-v|arteriovenous|avf|dialysis)\\s+fistula\\b|\\bfistula\\b[^.\\n]{0,40}"
            + "\\b(matur\\w*|thrill|bruit|created|creation|cannulat\\w*|access)\\b");
    private static final Pattern OF_A_RELATIVE = Pattern.compile("^\\W*(in|of|from) (his|her|their|a|the patient's) (grandson|granddaughter|son|daughter"
            + "|brother|sister|mother|father|child|children|husband|wife|partner|spouse|grandchild\\w*|sibling\\w*|cousin|niece|nephew)\\b");
    private static final Pattern EPONYM = Pattern.compile("([A-Za-z]+)'s\\b");
    private static final Pattern RISK_AFTER = Pattern.compile("^\\W{0,3}((\\d+|ten)[- ]?(yr|year)s?[- ])?risk\\b(?! factors? for)");
    private static final Pattern RISK_BEFORE = Pattern.compile("\\b(at (high |low |increased )?risk (of|for)|risk (of|for)|risk factors? for)\\s+(\\w+\\s+){0,2}$");
    private static final Pattern SLIDING_SCALE = Pattern.compile("\\b(insulin|glucose|sugars?|diabet\\w*|dm|t2dm|t1dm|a1c|fsbg|accu-?chek|scale)\\b");
    private static final Pattern ELECTRIC_SHOCK_BEFORE = Pattern.compile("\\b(\\d+ ?(j|joules?)|biphasic|monophasic|synchronized|defibrillat\\w*|delivered|cardioversion)\\W+(\\w+\\W+){0,2}$");
    private static final Pattern SERVICE_BEFORE = Pattern.compile("\\b(referral to|refer(red)? to|consult(ed)?( to)?|follow[- ]?up with|f/u with|seen by)\\s+(the )?$");

    /**
     * Words the index reaches that name no condition of the patient: "plus" ("patch plus lozenge"), a facility ("children's
     * hospital" is no hospitalism), the exposure of an artery by the surgeon, a dialysis access ("AV fistula ... maturing"), a
     * relative's illness ("after a viral URI in his grandson"), or a word that only resembles an eponym ("severe" for Sever's).
     */
    private boolean notAFinding(Candidate.Mention m) {
        ClinicalText.Word first = note.words().get(m.first());
        ClinicalText.Word last = note.words().get(m.last());
        String text = note.text();
        String words = lower(text.substring(first.start(), last.end()));
        String after = lower(text.substring(last.end(), Math.min(text.length(), last.end() + 40)));
        String before = lower(text.substring(Math.max(0, first.start() - 30), first.start()));
        if (words.equals("plus") || words.equals("minus")) {
            return true;
        }
        if (words.matches("(?s).*\\bfrozen$") && after.matches("(?s)^\\s*sections?\\b.*")) {
            // "intraop frozen section": the pathologist's quick section, not a frozen part (T69.9, T33-T34)
            return true;
        }
        if (after.matches("(?s)^\\s*(non-?immune|immune|igg|titers?|antibod(y|ies)|ab)\\b.*")) {
            // "rubella immune", "varicella IgG": a result of the immunity screen, not the disease
            return true;
        }
        if (words.equals("painful") && after.matches("(?s)^\\s+(oral |mouth |skin |)?[a-z]{3,}.*") && !after.matches("(?s)^\\s+(and|or|with|to|on|in|at)\\b.*")) {
            // "painful oral lesions", "painful swelling": the pain of the finding it qualifies, not a pain to code
            return true;
        }
        if (words.matches("(?s)^(hr|hrs)$") && before.matches("(?s).*\\d\\s*-?$")) {
            // "1 hr GTT", "q2 hrs": hours, not an abbreviation of a finding (the "HR+" receptor status)
            return true;
        }
        if (words.matches("(?s).*\\bhospitals?$") && !words.contains("hospitalism")) {
            return true;
        }
        if (words.equals("exposure") && (SURGICAL_EXPOSURE_AFTER.matcher(after).find() || SURGICAL_EXPOSURE_BEFORE.matcher(before).find())) {
            return true;
        }
        if (words.contains("fistula") && DIALYSIS_ACCESS.matcher(sentence(m)).find()) {
            return true;
        }
        if (OF_A_RELATIVE.matcher(after).find()) {
            return true;
        }
        if (RISK_AFTER.matcher(after).find() || RISK_BEFORE.matcher(before).find()) {
            // a risk estimated ("ASCVD 10-yr risk 9.8%", "at risk for DVT") is not the condition
            return true;
        }
        if (words.matches("(?s).*\\bssi\\b.*") && SLIDING_SCALE.matcher(sentence(m)).find()) {
            // "SSI while inpatient" beside insulin or glucose: sliding-scale insulin, not a surgical site infection
            return true;
        }
        if (words.matches("(?s).*\\bshocks?$")
                && ELECTRIC_SHOCK_BEFORE.matcher(lower(text.substring(Math.max(0, last.start() - 40), last.start()))).find()) {
            // "single 100 J biphasic shock": the electrical therapy given, not a state of shock
            return true;
        }
        if (SERVICE_BEFORE.matcher(before).find()) {
            // "Referral to allergy", "consult GI": a specialty, not a condition
            return true;
        }
        java.util.regex.Matcher eponym = EPONYM.matcher(m.route());
        while (eponym.find()) {
            String name = eponym.group(1).toLowerCase(java.util.Locale.ROOT);
            if (name.length() > 2 && !words.matches("(?s).*\\b" + java.util.regex.Pattern.quote(name) + "('?s)?\\b.*")) {
                return true;
            }
        }
        return false;
    }

    /** A lone abbreviation of two or three capitals in a vital-signs context: "HR 98", "SpO2 93% RA", "on RA". */
    private boolean vitalSign(Candidate.Mention m) {
        if (m.first() != m.last()) {
            return false;
        }
        ClinicalText.Word w = note.words().get(m.first());
        if (w.text().length() > 3 || !w.text().chars().allMatch(Character::isUpperCase)) {
            return false;
        }
        String text = note.text();
        String before = text.substring(Math.max(0, w.start() - 6), w.start()).trim();
        String after = text.substring(w.end(), Math.min(text.length(), w.end() + 4)).trim();
        return after.matches("^[0-9].*") || before.endsWith("%") || before.matches("(?s).*\\b(on|room)$")
                || w.text().equals("RA") && OXYGEN.matcher(sentence(m)).find();
    }

    /** A sentence about oxygen, where "RA" is room air ("weaned to RA"), not rheumatoid arthritis. */
    private static final Pattern OXYGEN = Pattern.compile("\\b(spo2|o2|oxygen|sat|sats|saturation|nasal cannula|nc|weaned|hfnc|\\d+ ?l|lpm)\\b");
    private static final Pattern RETURN_PRECAUTIONS = Pattern.compile("\\b(return|come back|call|seek care|go to the ed)\\b[^.]{0,30}\\b(for|if)\\b"
            + "|\\b(f/u|follow[- ]?up|refer|referral|recheck)\\b[^.]{0,30}\\bif\\b|\\b(precautions|warning signs)\\b");
    /**
     * A sign attributed to a drug is the manifestation of its adverse effect (I.C.19.e.5.a: coded, the drug's code
     * after it), not a symptom integral to a diagnosis: "chronic cough due to lisinopril (adverse effect)".
     */
    private static final Pattern DRUG_CAUSE = Pattern.compile("\\b(adverse (drug )?(effects?|reactions?)|side[- ]effects?)\\b"
            + "|\\b(due to|secondary to|attributed to|related to|from) (\\w+ ){0,2}([a-z]+(pril|sartan|olol|statin|dipine|formin|thiazide|mab|xaban"
            + "|parin|mycin|cillin|floxacin|prazole|azepam|oxetine|triptyline)|warfarin|coumadin|lithium|insulin|medications?|drugs?"
            + "|ace inhibitors?|chemotherapy|steroids?|opioids?)\\b");
    private static final Pattern ATTRIBUTED = Pattern.compile("\\b(due to|secondary to|attributed to|related to|likely from|from the"
            + "|in (the )?setting of)\\b");
    /** A title of "other sites", "other parts": only the general words of it match ("Cutaneous abscess of other sites"). */
    private static final Pattern OTHER_KIND = Pattern.compile("\\bof other\\b");
    private static final Pattern ACUTE_EXACERBATION = Pattern.compile("\\bacute (exacerbation|flare|decompensation|on chronic)\\b");
    private static final Pattern ACUTE_ITSELF = Pattern.compile("\\bacute (?!exacerbation|flare|decompensation|on chronic)\\w+");
    private static final Pattern CHRONIC_WRITTEN = Pattern.compile("\\bchronic\\b|\\bchronically\\b");
    private static final Pattern PAST_TITLE = Pattern.compile("\\b(previous|prior|history)\\b");
    private static final Map<String, Pattern> OTHER_SEX = Map.of("female", Pattern.compile("\\b(male|prostate|prostatic|testis|testicular|scrotum|penis)\\b"),
            "male", Pattern.compile("\\b(female|pregnancy|ovary|ovarian|uterus|uterine|cervix|vagina|vulva)\\b"));
    private static final Pattern INTERVENTION_AFTER = Pattern.compile("^\\W{0,3}(medicine|service|team|clinic|program|consult\\w*|planning|placement"
            + "|creation|insertion|counseling|counselling|education|goals?|surgery|check|care|cultures?|cx|snare|forceps|compress(es)?|prevention|precautions|screening|vaccines?|vaccination|immunization|shot"
            + "|pep|prophylaxis|post-?exposure|exposure|immune globulin|day (rules|plan|management|guidelines|protocol))\\b");

    /** The finding's words are followed by a service or an intervention: "addiction medicine", "AVF planning", "weight loss counseling". */
    private boolean namesAnIntervention(Candidate.Mention m) {
        ClinicalText.Word last = note.words().get(m.last());
        String after = lower(note.text().substring(last.end(), Math.min(note.text().length(), last.end() + 20)));
        return INTERVENTION_AFTER.matcher(after).find();
    }
    /** Advice given to the patient just before the words: "limit caffeine", "avoid alcohol within 3 h of bedtime", "cut down on salt". */
    private static final Pattern ADVICE_BEFORE = Pattern.compile("\\b(limit|limiting|avoid|avoiding|reduce|reducing|decrease|minimi[sz]e"
            + "|cut (back|down) on|cutting (back|down) on)\\s+(\\w+\\s+){0,1}$");
    /** The plan watches for a condition: "labs q3 mo for MTX toxicity", "monitor for withdrawal". */
    private static final Pattern WATCHED_FOR_BEFORE = Pattern.compile("\\b(monitor|monitoring|watch|labs?|surveillance)\\b[^.;,]{0,25}\\bfor\\s+(\\w+\\s+){0,2}$");

    private String before(Candidate.Mention m, int chars) {
        ClinicalText.Word first = note.words().get(m.first());
        int from = Math.max(note.sentences().get(m.sentence()).start(), first.start() - chars);
        return lower(note.text().substring(Math.min(from, first.start()), first.start()));
    }

    private boolean advised(Candidate.Mention m) {
        return ADVICE_BEFORE.matcher(before(m, 40)).find();
    }

    private boolean watchedFor(Candidate.Mention m) {
        return WATCHED_FOR_BEFORE.matcher(before(m, 50)).find();
    }

    /** "Rheumatoid arthritis without rheumatoid factor" read from "... with positive rheumatoid factor": the title says the opposite. */
    private static final Pattern WITHOUT_WORD = Pattern.compile("\\bwithout ([a-z]{4,})");

    private boolean titleSaysWithout(String title, Candidate.Mention m) {
        java.util.regex.Matcher t = WITHOUT_WORD.matcher(lower(title));
        if (!m.route().startsWith(IndexDictionary.Source.TITLE.label() + ": ") || !t.find()) {
            return false;
        }
        String w = t.group(1);
        String sentence = sentence(m);
        return !sentence.matches("(?s).*\\b(without|no|negative) (\\w+ ){0,2}" + w + ".*")
                && sentence.matches("(?s).*\\b(with|w/|positive) (\\w+ ){0,2}" + w + ".*");
    }

    /** "GLP-1 RA", "GnRH RA": a receptor agonist. */
    private static final Pattern RECEPTOR_BEFORE = Pattern.compile("\\b(glp-?1|gip|gnrh|lhrh|dopamine|beta-?2|b2|5-?ht\\w*)\\s*$");

    private boolean receptorAgonist(Candidate.Mention m) {
        ClinicalText.Word w = note.words().get(m.first());
        String before = lower(note.text().substring(Math.max(0, w.start() - 12), w.start()));
        return m.first() == m.last() && w.text().equals("RA") && RECEPTOR_BEFORE.matcher(before).find();
    }

    /** A heading of the plan alone ("Plan:", "Disposition"), not "Assessment and plan" nor "A/P". */
    private static final Pattern PLAN_ONLY = Pattern.compile("(?i)^\\W*(plan|disposition|dispo|recommendations?|instructions)\\b(?!.*\\b(assessment|impression|diagnos\\w*)\\b)");
    private static final Pattern AS_NEEDED = Pattern.compile("\\b(prn|as needed)\\b");
    /** A symptom named as what a drug is for ("alternate acetaminophen and ibuprofen for pain/fever", "ondansetron for nausea"). */
    private static final Pattern DRUG_FOR = Pattern.compile("\\b(acetaminophen|apap|tylenol|ibuprofen|motrin|advil|naproxen|nsaids?|analgesi\\w*"
            + "|antipyretic\\w*|ondansetron|zofran|oxycodone|tramadol|morphine|hydromorphone|ketorolac|toradol|antiemetic\\w*|diphenhydramine"
            + "|benadryl|cetirizine|loratadine|lidocaine|magic mouthwash)\\b[^.;]{0,60}\\bfor\\s+$");

    private boolean asNeeded(Candidate.Mention m) {
        if (AS_NEEDED.matcher(sentence(m)).find()) {
            return true;
        }
        ClinicalText.Word first = note.words().get(m.first());
        org.codedesk.casecoding.text.ClinicalText.Sentence s = note.sentences().get(m.sentence());
        return DRUG_FOR.matcher(lower(note.text().substring(s.start(), first.start()))).find();
    }
    /** The visit is for the encounter-reason code: "Encounter for antineoplastic chemotherapy", "here for C3D1". */
    private static final Pattern VISIT_FOR = Pattern.compile("\\b(encounter for|here for|presents? for|visit for|seen for|admitted for|scheduled for)\\b");
    /** A plan for a later visit ("suture removal in 10 days", "staple removal at follow-up"): not this encounter's reason. */
    private static final Pattern LATER = Pattern.compile("\\b(in \\d+(-\\d+)? ?(days?|d|wks?|weeks?|months?|mo)|return|follow[- ]?up|f/u|schedul\\w*"
            + "|next (visit|week)|later|after)\\b");
    private static final Pattern RESOLVED = Pattern.compile("\\b(resolved|resolving)\\b");
    private static final Pattern RESOLVED_AFTER = Pattern.compile("\\b(resolved|resolving|improved) (after|with|following|on)\\b");
    private static final Pattern EMERGENCY = Pattern.compile("(?i)\\b(emergency department|emergency room|ed (note|course|physician|provider|visit)|er visit)\\b");

    private boolean emergencyVisit() {
        return setting == EncounterSetting.OUTPATIENT && EMERGENCY.matcher(note.text()).find();
    }

    /** A condition of the stay written as resolved by discharge ("Acute kidney injury, resolved") was treated: it is coded. */
    private boolean resolvedDuringStay(Candidate.Mention m) {
        // an emergency visit's "anaphylaxis - resolved after IM epi x2" was treated at this encounter too
        return (setting == EncounterSetting.INPATIENT || emergencyVisit() && RESOLVED_AFTER.matcher(sentence(m)).find())
                && RESOLVED.matcher(sentence(m)).find()
                && CODABLE_FOR_DIAGNOSES.contains(NoteSections.of(note, m.sentence()));
    }
    private static final Pattern POSTOPERATIVE = Pattern.compile("\\b(postoperative|post-op|postop|post-operative)\\b");
    private static final Pattern PREOPERATIVE = Pattern.compile("\\b(preoperative|pre-op|preop|pre-operative)\\b");

    private boolean preoperative(Candidate.Mention m) {
        String section = note.sentences().get(m.sentence()).section();
        return PREOPERATIVE.matcher(section).find() && !POSTOPERATIVE.matcher(section).find();
    }

    private String sentence(Candidate.Mention m) {
        ClinicalText.Sentence s = note.sentences().get(m.sentence());
        return lower(note.text().substring(s.start(), s.end()));
    }

    private static final Pattern WORD = Pattern.compile("[a-z0-9]+");
    private static final Set<String> SIDES = Set.of("right", "left", "bilateral");

    /**
     * The billable code under a header that the note documents: the side written where the condition is concluded
     * (unspecified side when none is), the encounter for an injury (initial while in active treatment, subsequent at a
     * follow-up, sequela), then the code whose title shares most words with those sentences ("without" and
     * "unspecified" titles win a tie: the classification's default).
     */
    private Optional<IndexDictionary.Code> complete(Candidate c) {
        List<IndexDictionary.Code> under = dictionaries.diagnoses().billableUnder(c.code());
        if (under.isEmpty() || under.size() > 300) {
            return Optional.empty();
        }
        Set<String> words = new java.util.HashSet<>();
        for (Candidate.Mention m : c.mentions()) {
            ClinicalText.Sentence s = note.sentences().get(m.sentence());
            java.util.regex.Matcher w = WORD.matcher(lower(note.text().substring(s.start(), s.end())));
            while (w.find()) {
                words.add(w.group());
            }
        }
        for (Candidate.Mention m : c.mentions()) {
            // "L breast", "R heel": a capital L or R before a word is the side
            ClinicalText.Sentence s = note.sentences().get(m.sentence());
            java.util.regex.Matcher lr = SIDE_LETTER.matcher(note.text().substring(s.start(), s.end()));
            while (lr.find()) {
                words.add(lr.group(1).equals("L") ? "left" : "right");
            }
        }
        LIMB_REGIONS.forEach((region, parts) -> {
            if (parts.stream().anyMatch(words::contains)) {
                words.addAll(List.of(region, "limb"));
            }
        });
        if (words.contains("ou")) {
            words.add("bilateral"); // oculus uterque: both eyes
        }
        String side = words.contains("bilateral") || words.contains("both") && !words.contains("right") && !words.contains("left") ? "bilateral"
                : words.contains("right") && !words.contains("left") ? "right" : words.contains("left") && !words.contains("right") ? "left" : "";
        List<IndexDictionary.Code> candidates = new ArrayList<>(under);
        if (candidates.stream().anyMatch(k -> sideOf(k.title()) != null)) {
            String wanted = side;
            List<IndexDictionary.Code> sided = candidates.stream().filter(k -> wanted.equals(sideOf(k.title()) == null ? "" : sideOf(k.title()))).toList();
            if (!sided.isEmpty()) {
                candidates = new ArrayList<>(sided);
            }
        }
        if (c.code().matches("[ST].*") && candidates.stream().allMatch(k -> k.code().length() == 8)) {
            String text = lower(note.text());
            char seventh = text.matches("(?s).*\\b(sequela|late effect)\\b.*") ? 'S'
                    : setting == EncounterSetting.OUTPATIENT && text.matches("(?s).*\\b(follow-up visit|subsequent encounter|routine healing|cast check)\\b.*")
                    ? 'D' : words.contains("open") && words.contains("fracture") ? 'B' : 'A';
            List<IndexDictionary.Code> encounter = candidates.stream().filter(k -> k.code().charAt(7) == seventh).toList();
            candidates = new ArrayList<>(encounter.isEmpty() ? candidates.stream().filter(k -> k.code().charAt(7) == 'A').toList() : encounter);
        }
        // a code "with X" is not the one when the note writes no X ("no loss of consciousness": the "without loss of consciousness"
        // code, not "with loss of consciousness of unspecified duration" or "... status unknown")
        Set<String> negated = negatedWords(c);
        List<IndexDictionary.Code> notNegated = candidates.stream().filter(k -> !withNegated(k.title(), negated)).toList();
        if (!notNegated.isEmpty()) {
            candidates = new ArrayList<>(notNegated);
        }
        String header = dictionaries.diagnoses().code(c.code()).map(IndexDictionary.Code::title).orElse("");
        Set<String> affirmed = new java.util.HashSet<>(affirmedWords(c));
        if (side.equals("bilateral")) {
            affirmed.add("bilateral"); // "both eyes", "OU"
        }
        if (!sex().isEmpty()) {
            affirmed.add(sex());
        }
        LIMB_REGIONS.forEach((region, parts) -> {
            if (parts.stream().anyMatch(words::contains)) {
                affirmed.addAll(List.of(region, "limb"));
            }
        });
        if (under.size() > 1) {
            // the words every code under the header says ("upper limb" of each carpal tunnel code) are the header's, even once
            // the side written leaves one code ("Right carpal tunnel syndrome" is G56.01 "..., right upper limb")
            for (String w : commonWords(under.stream().map(k -> new IndexDictionary.Code(k.code(), singulars(k.title()), k.billable())).toList())) {
                affirmed.add(w);
                affirmed.add(w + "s");
            }
        }
        if (candidates.size() > 1) {
            // a word every code left says is implied by the header ("lateral malleolus" is of the fibula): only the words
            // that tell the codes apart must be documented
            affirmed.addAll(commonWords(candidates));
        }
        return candidates.stream().max(Comparator.comparingInt((IndexDictionary.Code k) -> overlap(k.title(), words))
                .thenComparing(k -> lower(k.title()).contains("without"))
                .thenComparing(k -> lower(k.title()).contains("unspecified"))
                .thenComparing(Comparator.comparing(IndexDictionary.Code::code).reversed()))
                .filter(k -> unsupportedWords(k.title(), header, affirmed).isEmpty());
    }

    /** The limb a part written belongs to: "thigh" is of the lower limb ("Cutaneous abscess of left lower limb"). */
    private static final Map<String, Set<String>> LIMB_REGIONS = Map.of(
            "lower", Set.of("thigh", "leg", "knee", "calf", "shin", "ankle", "foot", "toe", "heel", "hip", "buttock"),
            "upper", Set.of("arm", "forearm", "elbow", "wrist", "hand", "finger", "thumb", "shoulder", "axilla"));
    private static final Pattern SIDE_LETTER = Pattern.compile("(?<![\\d.]\\s?)\\b([LR])\\s+(?=[a-z]{3,})");
    private static final Pattern AGE_SEX = Pattern.compile("\\b\\d{1,3}(?:[- ]?(?:yo|y/o|y\\.o\\.|year[- ]old|yr[- ]old|-year-old)\\s*|)(f|female|woman|girl|m|male|man|boy)\\b");
    private static final Pattern FEMALE = Pattern.compile("\\b(female|woman|she|her|mrs|girl)\\b");
    private static final Pattern MALE = Pattern.compile("\\b(male|man|he|his|him|mr|boy)\\b");

    private String sex;

    private String sex() {
        if (sex == null) {
            sex = patientSex(note.text()).orElse("");
        }
        return sex;
    }

    /** "female" or "male" as the note says of the patient ("54 yo F", "she"), which completes "... of left female breast". */
    static Optional<String> patientSex(String text) {
        String t = lower(text);
        java.util.regex.Matcher m = AGE_SEX.matcher(t);
        if (m.find()) {
            return Optional.of(m.group(1).startsWith("f") || m.group(1).equals("woman") || m.group(1).equals("girl") ? "female" : "male");
        }
        long female = FEMALE.matcher(t).results().count();
        long male = MALE.matcher(t).results().count();
        return female > 2 * male && female > 0 ? Optional.of("female") : male > 2 * female && male > 0 ? Optional.of("male") : Optional.empty();
    }

    /** A title with its plural words read as singular ("bilateral upper limbs" as "bilateral upper limb"). */
    private static String singulars(String title) {
        return lower(title).replaceAll("\\b([a-z]{3,}[^s])s\\b", "$1");
    }

    private static Set<String> commonWords(List<IndexDictionary.Code> codes) {
        Set<String> common = null;
        for (IndexDictionary.Code k : codes) {
            Set<String> words = new java.util.HashSet<>();
            java.util.regex.Matcher w = WORD.matcher(lower(k.title()));
            while (w.find()) {
                words.add(w.group());
            }
            if (common == null) {
                common = words;
            } else {
                common.retainAll(words);
            }
        }
        return common == null ? Set.of() : common;
    }

    /** Words of a title that say nothing the note must document: the default kinds, the encounter, the classification's filler. */
    private static final Set<String> GENERIC = Set.of("unspecified", "other", "specified", "initial", "encounter", "subsequent", "sequela",
            "closed", "routine", "healing", "with", "and", "or", "of", "the", "in", "to", "for", "by", "as", "at", "on", "nos", "nec", "elsewhere",
            "classified", "site", "type", "part", "disease", "disorder", "disorders", "condition", "conditions", "fracture", "than");
    /** After "unspecified", a word names what the note leaves open ("unspecified ligament", "unspecified site"). */
    private static final Set<String> OPEN_AFTER_UNSPECIFIED = Set.of("ligament", "site", "part", "side", "type", "region", "organism", "degree",
            "joint", "bone", "muscle", "tendon", "finger", "toe", "ear", "eye", "knee", "hip", "ankle", "foot", "hand", "arm", "leg", "lower",
            "upper", "limb", "kidney", "lung", "radius", "ulna", "femur", "tibia", "fibula", "humerus", "shoulder", "elbow", "wrist", "breast",
            "ovary", "thumb", "trimester", "body", "parts", "artery", "vein", "digit", "lobe", "bronchus", "level", "vertebra", "stage");

    /**
     * The words a completed code's title adds to its header's that the note does not affirm where the condition is
     * written: a header is completed only to a code the note documents ("Other hypertension" is not "Resistant
     * hypertension", "Persistent atrial fibrillation" is not "Longstanding persistent"). Words after "without" or
     * "not" are the classification's defaults; the side is affirmed by "right"/"left" for "unilateral".
     */
    static List<String> unsupportedWords(String title, String header, Set<String> affirmed) {
        Set<String> headerWords = new java.util.HashSet<>();
        java.util.regex.Matcher h = WORD.matcher(lower(header));
        while (h.find()) {
            headerWords.add(h.group());
        }
        List<String> missing = new ArrayList<>();
        String t = lower(title);
        for (String clause : t.split("[,;]")) {
            java.util.regex.Matcher w = WORD.matcher(clause);
            String previous = "";
            while (w.find()) {
                String word = w.group();
                if (word.equals("without") || word.equals("not") || word.equals("except")) {
                    break;
                }
                boolean open = previous.equals("unspecified") && OPEN_AFTER_UNSPECIFIED.contains(word);
                previous = word;
                if (open || GENERIC.contains(word) || headerWords.contains(word) || word.length() < 2 && !Character.isDigit(word.charAt(0))) {
                    continue;
                }
                boolean sideOk = word.equals("unilateral") && (affirmed.contains("right") || affirmed.contains("left"));
                if (!sideOk && !affirmed.contains(word) && affirmed.stream().noneMatch(a -> a.length() >= 5 && word.length() >= 5
                        && a.regionMatches(0, word, 0, 5))) {
                    missing.add(word);
                }
            }
        }
        return missing;
    }

    /** The words of the sentences where the code is written, negated words left out. */
    private Set<String> affirmedWords(Candidate c) {
        Set<String> words = new java.util.HashSet<>();
        Set<Integer> sentences = new java.util.HashSet<>();
        c.mentions().forEach(m -> sentences.add(m.sentence()));
        for (ClinicalText.Word w : note.words()) {
            if (sentences.contains(w.sentence()) && w.assertion() != Assertion.ABSENT) {
                java.util.regex.Matcher m = WORD.matcher(lower(w.text()));
                while (m.find()) {
                    words.add(m.group());
                }
            }
        }
        return words;
    }

    /** The words the note negates in the sentences where the code is written ("no loss of consciousness"). */
    private Set<String> negatedWords(Candidate c) {
        Set<String> words = new java.util.HashSet<>();
        Set<Integer> sentences = new java.util.HashSet<>();
        c.mentions().forEach(m -> sentences.add(m.sentence()));
        for (ClinicalText.Word w : note.words()) {
            if (sentences.contains(w.sentence()) && w.assertion() == Assertion.ABSENT) {
                java.util.regex.Matcher m = WORD.matcher(lower(w.text()));
                while (m.find()) {
                    words.add(m.group());
                }
            }
        }
        return words;
    }

    private static final Pattern WITH_CLAUSE = Pattern.compile("\\bwith ([a-z ]+)");

    /** A title "with X" (not "without") whose X the note negates: every content word of X is among the negated words. */
    static boolean withNegated(String title, Set<String> negated) {
        java.util.regex.Matcher with = WITH_CLAUSE.matcher(lower(title));
        while (with.find()) {
            List<String> content = new ArrayList<>();
            java.util.regex.Matcher w = WORD.matcher(with.group(1));
            while (w.find()) {
                if (w.group().length() > 3 && !GENERIC.contains(w.group())) {
                    content.add(w.group());
                }
            }
            // "loss of consciousness of 30 minutes or less": the finding is the first words, the duration qualifies it
            List<String> finding = content.subList(0, Math.min(2, content.size()));
            if (!finding.isEmpty() && negated.containsAll(finding)) {
                return true;
            }
        }
        return false;
    }

    /** "right", "left", "bilateral", "" for an unspecified side, or null when the title speaks of no side. */
    private static String sideOf(String title) {
        String t = lower(title);
        for (String side : SIDES) {
            if (t.matches("(?s).*\\b" + side + "\\b.*")) {
                return side;
            }
        }
        return t.matches("(?s).*\\bunspecified (side|ear|eye|knee|hip|ankle|foot|hand|arm|leg|lower limb|upper limb|limb|kidney|lung|radius|ulna"
                + "|femur|tibia|fibula|humerus|shoulder|elbow|wrist|breast|ovary|finger|toe|thumb)\\b.*") ? "" : null;
    }

    private static int overlap(String title, Set<String> words) {
        int n = 0;
        java.util.regex.Matcher w = WORD.matcher(lower(title));
        while (w.find()) {
            if (w.group().length() > 2 && words.contains(w.group())) {
                n++;
            }
        }
        return n;
    }

    /** The last mention of the code, in the note's order, negates it ("rule out pneumonia" ... "no pneumonia"). */
    private static boolean ruledOutLater(Candidate c, ClinicalText note) {
        int lastCodable = c.mentions().stream().mapToInt(Candidate.Mention::first).max().orElse(-1);
        boolean concludedPresent = c.mentions().stream().anyMatch(m -> NoteSections.of(note, m.sentence()) == NoteSections.CONCLUSION);
        return !concludedPresent && c.uncodable().stream().anyMatch(m -> m.assertion() == Assertion.ABSENT && m.first() > lastCodable
                && NoteSections.of(note, m.sentence()) == NoteSections.CONCLUSION);
    }

    static boolean indexRoute(Candidate.Mention m) {
        int colon = m.route().indexOf(':');
        return colon > 0 && INDEX_ROUTES.contains(m.route().substring(0, colon)) || m.route().startsWith("Coding rule");
    }

    /** Why a ranked procedure is not checked, or null when it is. */
    private String procedureReason(Candidate c) {
        if (setting == EncounterSetting.OUTPATIENT) {
            return "ICD-10-PCS is reported for inpatient stays; an office or emergency visit reports its procedures with CPT/HCPCS";
        }
        if (c.mentions().isEmpty()) {
            return "no words of the note support it (similar coded cases only)";
        }
        if (dictionaries.procedures().code(c.code()).map(code -> !code.billable()).orElse(true)) {
            return "incomplete: choose the approach, device and qualifier from the table, or ask";
        }
        boolean inProcedureSection = c.mentions().stream().filter(PreCheck::indexRoute)
                .anyMatch(m -> note.sentences().get(m.sentence()).section().matches(".*\\b(procedures?|operations?)\\b.*"));
        if (!inProcedureSection || c.score() < threshold) {
            return "not among the operations the note names as performed";
        }
        return null;
    }

    /** The operations the note names, built to complete codes; ranked codes of the same table row give way to them. */
    private void buildProcedures(Map<String, Decision> procedures, List<String> warnings) {
        NamedProcedures.Result built = NamedProcedures.build(facts, code -> dictionaries.procedures().code(code).isPresent());
        boolean inpatient = setting == EncounterSetting.INPATIENT;
        java.util.Set<String> builtCodes = new java.util.HashSet<>();
        built.codes().forEach(b -> builtCodes.add(b.code()));
        if (!builtCodes.isEmpty()) {
            // the operations the note names are coded from it; an inspection or a row matched by words is not also submitted
            procedures.values().stream().filter(d -> !builtCodes.contains(d.code())).forEach(d ->
                    d.uncheck("the operations the note names are built from it: " + String.join(", ", builtCodes)));
        }
        for (NamedProcedures.Built b : built.codes()) {
            Decision d = procedures.get(b.code());
            if (d == null) {
                d = new Decision(derive(b.code(), true, b.evidence()), inpatient, null, true);
                procedures.put(b.code(), d);
            }
            d.checked = inpatient;
            d.reason = inpatient ? null : "ICD-10-PCS is reported for inpatient stays; an office or emergency visit reports its procedures with CPT/HCPCS";
            d.notes.add("Built from the named operation (" + b.how() + "): \"" + b.evidence().text() + "\"");
        }
        if (inpatient) {
            warnings.addAll(built.questions());
        }
    }

    /** A code the rules build, resting on the words found. */
    Candidate derive(String code, boolean procedure, NoteFacts.Found... evidence) {
        List<Candidate.Mention> mentions = new ArrayList<>();
        for (NoteFacts.Found f : evidence) {
            if (f != null) {
                mentions.add(f.mention());
            }
        }
        return Candidate.derived(code, procedure, 0.9, mentions);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static Pattern words(String regex) {
        return Pattern.compile(regex);
    }
}
