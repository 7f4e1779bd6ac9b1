package org.codedesk.casecoding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
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
import org.codedesk.casecoding.learning.Candidate;
import org.codedesk.casecoding.text.Assertion;
import org.codedesk.casecoding.text.ClinicalText;
import org.codedesk.casecoding.text.Stems;

/**
 * The Official Guidelines applied to the checked diagnoses of one note: combination codes under the "with"
 * convention (I.A.15: diabetes with chronic kidney disease, neuropathy, hyperglycemia; I.C.9.a: hypertension with
 * chronic kidney disease and/or heart failure, with the stage and the heart-failure type as additional codes), one
 * code per condition at the most specific level the note supports (I.B.1: an unspecified code is not reported beside
 * a specific one; an acute-on-chronic code replaces the acute and the chronic one), Excludes1 pairs resolved
 * (I.A.12.a), use-additional companions (Z79.4, Z79.84, Z79.01, Z99.81, tobacco), external causes of an injury
 * (I.C.20), and the principal or first-listed diagnosis first (II, IV.G; "code first" notes of the tabular).
 */
final class GuidelineRules {

    private static final Set<NoteSections> CONCLUDED = EnumSet.of(NoteSections.CONCLUSION, NoteSections.TREATED);
    private static final Set<NoteSections> CHART = EnumSet.of(NoteSections.CONCLUSION, NoteSections.TREATED, NoteSections.NARRATIVE,
            NoteSections.HISTORY, NoteSections.MEDICATIONS);

    private static final Pattern CKD = Pattern.compile("\\b(ckd|chronic kidney disease|chronic renal (disease|insufficiency|failure)"
            + "|diabetic (nephropathy|kidney disease)|esrd|end[- ]stage renal( disease)?)\\b");
    private static final Pattern CKD_STAGE = Pattern.compile("\\b(ckd|chronic kidney disease)\\b[,]?\\s*(\\(?stage\\s*)?(1|2|3a|3b|3|4|5|iiia|iiib"
            + "|iii|iv|ii|i|v)\\b");
    private static final Pattern ESRD = Pattern.compile("\\b(esrd|end[- ]stage renal( disease)?|ckd stage 5|ckd 5|stage 5 ckd)\\b");
    private static final Pattern ESRD_WORDS = Pattern.compile("\\b(esrd|end[- ]stage renal)");
    private static final Pattern NOT_ON_DIALYSIS = Pattern.compile("\\b(not on (hemo|peritoneal )?dialysis|no dialysis|pre-?dialysis|nearing dialysis)\\b");
    private static final Pattern NEUROPATHY = Pattern.compile("\\b(polyneuropathy|peripheral neuropathy|neuropathy)\\b");
    private static final Pattern HYPERGLYCEMIA = Pattern.compile("\\b(hyperglycemia|hyperglycemic|poorly controlled|inadequately controlled"
            + "|out of control)\\b");
    private static final Pattern DIABETES_WORD = Pattern.compile("\\b(diabet\\w*|dm|t2dm|dm2|t1dm|iddm|niddm)\\b");
    private static final Pattern HYPERTENSION = Pattern.compile("(?<!pulmonary |portal |intracranial |ocular )\\b(hypertension|htn)\\b");
    private static final Pattern HEART_FAILURE = Pattern.compile("\\b(heart failure|chf|hfref|hfpef|hfmref)\\b");
    private static final Pattern INSULIN = Pattern.compile("\\b(insulin|glargine|lantus|basaglar|toujeo|lispro|humalog|aspart|novolog|detemir"
            + "|levemir|degludec|tresiba)\\b");
    private static final Pattern ORAL_HYPOGLYCEMIC = Pattern.compile("\\b(metformin|glipizide|glyburide|glimepiride|sitagliptin|januvia"
            + "|linagliptin|saxagliptin|pioglitazone|empagliflozin|jardiance|dapagliflozin|farxiga|canagliflozin|invokana|repaglinide|acarbose)\\b");
    private static final Pattern ANTICOAGULANT = Pattern.compile("\\b(warfarin|coumadin|apixaban|eliquis|rivaroxaban|xarelto|dabigatran|pradaxa"
            + "|edoxaban|savaysa)\\b");
    private static final Pattern ANTIPLATELET = Pattern.compile("\\b(clopidogrel|plavix|prasugrel|effient|ticagrelor|brilinta|dipyridamole"
            + "|cilostazol)\\b");
    /** Aspirin, not the anesthesia class ("ASA 2", "ASA class III") nor a dose given once ("ASA 324 mg given in the ED"). */
    private static final Pattern ASPIRIN = Pattern.compile("\\b(aspirin|asa)\\b(?!\\s*(class|physical|status|score|grade|ps\\b|[ivx]{1,3}\\b|[1-6]\\b(?![\\d.])))");
    /** Held while in hospital and resumed: still the patient's long-term drug. */
    private static final Pattern RESUMED = Pattern.compile("\\b(resum(e|ed|ing)|restart(ed|ing)?) (at|on|upon|after) (discharge|home)\\b");
    private static final Pattern BISPHOSPHONATE = Pattern.compile("\\b(alendronate|fosamax|risedronate|actonel|ibandronate|boniva"
            + "|zoledronic acid|reclast)\\b");
    private static final Pattern ASPIRIN_DAILY = Pattern.compile("\\b(daily|qd|qday|once a day|every day|long[- ]term|chronic|home|continue[sd]?"
            + "|on (daily |baby |low[- ]dose )?(aspirin|asa)|81 ?mg)\\b");
    private static final Pattern NOT_LONG_TERM = Pattern.compile("\\b(sliding scale|held|hold|holding|stopped|stop|discontinued|discontinue"
            + "|start|started|starting|add|added|adding|initiate|initiated|begin|new|while inpatient|completed|off"
            + "|given|chewed|loaded|loading|load|x ?1|stat|allerg\\w*|intoleran\\w*|correctional|correction scale|in (the )?hospital|in-hospital"
            + "|inpatient)\\b");
    private static final Pattern HOME_OXYGEN = Pattern.compile("\\b(home (o2|oxygen)|on \\d+(\\.\\d+)? ?l(pm)? (of )?(home )?(o2|oxygen|nasal cannula)"
            + "|dependence on (home |supplemental )?oxygen|oxygen[- ]dependent)\\b");
    private static final Pattern SMOKING = Pattern.compile("\\b((smokes|smoking|smoker)(?! (marijuana|cannabis|weed|pot|thc|meth\\w*|crack|cocaine))|cigarettes?|\\d+(\\.\\d+)? ?ppd|pack[- ]years?|tobacco (use|dependence)"
            + "|nicotine dependence|tobacco dependence)\\b");
    private static final Pattern NON_SMOKER = Pattern.compile("\\b(non-?smok\\w*|nonsmok\\w*|never|denies|no)\\b");
    private static final Pattern FORMER = Pattern.compile("\\b(former|quit|ex-smoker|previously smoked|history of smoking|remote)\\b");

    private final NoteFacts facts;
    private final IndexDictionary cm;
    private final EncounterSetting setting;
    private final CodingRules rules;
    private Map<String, PreCheck.Decision> dx;

    GuidelineRules(NoteFacts facts, IndexDictionary cm, EncounterSetting setting, CodingRules rules) {
        this.facts = facts;
        this.cm = cm;
        this.setting = setting;
        this.rules = rules;
    }

    void apply(Map<String, PreCheck.Decision> diagnoses, List<String> warnings) {
        this.dx = diagnoses;
        diabetes();
        hypertension();
        gallstones();
        stroke();
        intestineBySite();
        historyAndStatus();
        replacedThisStay();
        stemiByArtery();
        hemorrhoidDegree();
        historyOfCancer();
        goutBySite();
        sepsisOrganism();
        severeSepsisNeedsItsInfection();
        copdWithInfection();
        identifiedInfluenza();
        influenzaSymptoms();
        anaphylaxisManifestations();
        repeatedFalls();
        substanceUseUncomplicated();
        hivStatus();
        companions();
        drugEffects();
        specificity();
        mainTermAlone();
        notSpecifiedAs();
        unnamedKindBesideNamed();
        symptomsWithinDiagnoses();
        unspecifiedKind();
        sideWritten();
        withOrWithout();
        notElsewhereClassified();
        combinationsTheTabularPointsTo();
        symptomsAUseAdditionalNoteNames();
        notCodedTogether();
        excludes1(warnings);
        externalCauses();
        externalCausesNeedAnInjury();
        immunization();
        wellChild();
        adultExamination();
        arterialThrombosisBySite();
        codeFirstTheNoteNames();
        spineRegionByLevel();
        backPainOfASpineDisorder();
        postproceduralDisorderSpecified();
        hypertensiveCombinationHolds();
        ulcerWithHemorrhage();
        dementiaOfAlzheimer();
        jointProsthesisComplication();
        perinatalCodesAreTheNewborns();
        infectionNamedBesideSepsis();
        bloodTypeOnlyWhenConcluded();
    }

    // ---- combination codes ------------------------------------------------------------------------------------

    private void diabetes() {
        String text = facts.note().text().toLowerCase(Locale.ROOT);
        String documented = TYPE_2.matcher(text).find() ? "E11" : TYPE_1.matcher(text).find() ? "E10" : null;
        Optional<PreCheck.Decision> dm = checked().filter(d -> DIABETES_CODE.matcher(d.code()).matches())
                .min(Comparator.comparing((PreCheck.Decision d) -> documented == null || !d.code().startsWith(documented)));
        if (dm.isEmpty()) {
            return;
        }
        if (documented != null && !dm.get().code().startsWith(documented) && !(TYPE_1.matcher(text).find() && TYPE_2.matcher(text).find())) {
            // "T1DM ... diabetic ketoacidosis": the index's diabetes code read with the type the note documents (E11.10 -> E10.10)
            for (PreCheck.Decision d : checked().filter(d -> DIABETES_CODE.matcher(d.code()).matches()).toList()) {
                String same = documented + d.code().substring(3);
                if (cm.code(same).filter(IndexDictionary.Code::billable).isPresent()) {
                    combine(same, d.candidate.mentions(), null, "the type of diabetes the note documents", d.code());
                }
            }
            dm = checked().filter(d -> d.code().startsWith(documented)).findFirst();
            if (dm.isEmpty()) {
                return;
            }
        }
        if (documented != null && dm.get().code().startsWith(documented)) {
            // one type of diabetes: the type the note names
            checked().filter(d -> DIABETES_CODE.matcher(d.code()).matches() && !d.code().startsWith(documented)).toList()
                    .forEach(d -> d.uncheck("the note documents " + (documented.equals("E11") ? "type 2" : "type 1") + " diabetes"));
        }
        String type = dm.get().code().substring(0, 3);
        List<Candidate.Mention> base = mentionsOf(type);
        Optional<NoteFacts.Found> ckd = facts.first(CKD, concluded());
        if (ckd.isPresent() || isChecked("N18.")) {
            combine(type + ".22", base, ckd.orElse(null), "diabetes with chronic kidney disease", type + ".21", type + ".29");
            stage(ckd.orElse(null));
        }
        Optional<NoteFacts.Found> neuropathy = facts.first(NEUROPATHY, concluded());
        if (neuropathy.isPresent()) {
            boolean poly = !neuropathy.get().text().equals("neuropathy");
            combine(type + (poly ? ".42" : ".40"), base, neuropathy.get(), "diabetes with " + (poly ? "polyneuropathy" : "neuropathy"),
                    "G62.9", "G60.9", "G63", "G90.9", poly ? type + ".40" : type + ".42");
        }
        for (NoteFacts.Found f : facts.all(HYPERGLYCEMIA, concluded())) {
            if (DIABETES_WORD.matcher(facts.sentenceOf(f)).find()) {
                combine(type + ".65", base, f, "diabetes with hyperglycemia", "R73.9", "R73.09");
                break;
            }
        }
        if (checked().anyMatch(d -> d.code().startsWith(type + ".") && !d.code().equals(type + ".9"))) {
            uncheck(type + ".9", "the complication documented is coded with a combination code (\"with\" convention): not " + type + ".9");
        }
    }

    /** A diabetes code: E08, E09, E10, E11 or E13. */
    private static final Pattern DIABETES_CODE = Pattern.compile("E(08|09|10|11|13)\\..*");
    private static final Pattern TYPE_2 = Pattern.compile("\\b(type 2|type ii|t2dm|dm2|dm 2|dm ii|niddm)\\b");
    private static final Pattern TYPE_1 = Pattern.compile("\\b(type 1|type i|t1dm|dm1|iddm)\\b");
    private static final Pattern GALLSTONES = Pattern.compile("\\b(calculous|cholelithiasis|gallstones?|stones? in the gallbladder)\\b");

    /** Cholecystitis with gallstones is one combination code (K80.0-K80.1), not K81 ("with" convention). */
    private void gallstones() {
        Optional<PreCheck.Decision> cholecystitis = checked().filter(d -> d.code().matches("K81\\.[012]")).findFirst();
        if (cholecystitis.isEmpty()) {
            return;
        }
        facts.first(GALLSTONES, concluded()).ifPresent(f -> {
            String code = switch (cholecystitis.get().code()) {
                case "K81.0" -> "K80.00";
                case "K81.1" -> "K80.10";
                default -> "K80.12";
            };
            combine(code, cholecystitis.get().candidate.mentions(), f, "cholecystitis with gallstones", "K81.0", "K81.1", "K81.2", "K80.20",
                    "K80.10".equals(code) ? "K80.00" : "K80.10");
        });
    }

    private static final Pattern STROKE = Pattern.compile("\\b(stroke|cva|cerebral infarct(ion)?|infarct(ion)?|cerebrovascular accident"
            + "|embol(ism|ic|us)|cardioembolic|thrombo(sis|tic))\\b");
    private static final Pattern STROKE_HISTORY = Pattern.compile("\\b(history of|prior|previous|old|remote|h/o|hx of|past)\\s+(\\w+\\s+){0,2}"
            + "(stroke|cva|cerebral infarct(ion)?|cerebrovascular accident)");
    private static final Pattern STROKE_SEQUELA = Pattern.compile("\\b(following|after|since|residual|sequela\\w*|late effects?)\\b\\s+(\\w+\\s+){0,3}"
            + "(stroke|cva|cerebral infarct(ion)?|cerebrovascular accident)");

    /** The stroke concluded is a past one: deficits "following" it, or an outpatient visit that does not call it acute. */
    private boolean isSequela(PreCheck.Decision infarct) {
        if (facts.first(STROKE_SEQUELA, concluded()).isPresent()) {
            return true;
        }
        if (setting != EncounterSetting.OUTPATIENT) {
            return false;
        }
        return facts.all(STROKE, concluded()).stream().noneMatch(f -> facts.sentenceOf(f).matches("(?s).*\\b(acute|new|sudden)\\b.*"));
    }

    private static final Pattern HEMIPARESIS = Pattern.compile("\\b(hemiparesis|hemiplegia|hemiplegic|hemiparetic)\\b");

    /**
     * Cerebral infarction to the artery, cause and side the conclusion documents (I63: embolism, thrombosis, or occlusion
     * of a named artery, "left MCA"); an embolism of that artery is not also an I74 code. Hemiparesis is coded with its
     * side and dominance (G81.9-, I.C.6.a: when the note does not say which hand is dominant, the right side is dominant
     * and the left is not); after a past stroke, the deficit is its sequela (I69.35-), not G81 (I.C.9.d).
     */
    private void stroke() {
        Optional<PreCheck.Decision> infarct = checked().filter(d -> d.code().startsWith("I63")).findFirst();
        String text = facts.note().text().toLowerCase(Locale.ROOT);
        if (infarct.isPresent() && isSequela(infarct.get())) {
            // a deficit "following" a past stroke, or a stroke seen at a later visit: the infarction is not current (I.C.9.d)
            infarct.get().uncheck("the stroke is past: its deficits are coded as sequelae (I69) or its history (Z86.73)");
            infarct = Optional.empty();
        }
        if (infarct.isPresent()) {
            for (NoteFacts.Found f : facts.all(STROKE, concluded())) {
                String sentence = facts.sentenceOf(f);
                Optional<String> code = infarctionCode(sentence);
                if (code.isPresent() && cm.code(code.get()).filter(IndexDictionary.Code::billable).isPresent()) {
                    List<String> replaced = new ArrayList<>();
                    checked().filter(d -> d.code().matches("I63.*|I74.*|I65.*|I66.*")).forEach(d -> replaced.add(d.code()));
                    combine(code.get(), infarct.get().candidate.mentions(), f, "cerebral infarction by cause, artery and side",
                            replaced.toArray(String[]::new));
                    break;
                }
            }
        }
        boolean sequela = infarct.isEmpty() && (facts.first(STROKE_HISTORY).isPresent() || facts.first(STROKE_SEQUELA).isPresent());
        if (infarct.isEmpty() && !sequela) {
            return;
        }
        // the deficit where the provider concludes it first ("Assessment: right hemiparesis following stroke"), then the chart
        List<NoteFacts.Found> hemiparesis = new ArrayList<>(facts.all(HEMIPARESIS, sequela ? CHART : concluded()));
        hemiparesis.sort(Comparator.comparing((NoteFacts.Found f) -> !concluded().contains(f.section())));
        for (NoteFacts.Found f : hemiparesis) {
            String sentence = facts.sentenceOf(f);
            String side = sentence.matches("(?s).*\\bright\\b.*") && !sentence.matches("(?s).*\\bleft\\b.*") ? "right"
                    : sentence.matches("(?s).*\\bleft\\b.*") && !sentence.matches("(?s).*\\bright\\b.*") ? "left" : "";
            boolean leftHanded = text.matches("(?s).*\\bleft[- ]handed\\b.*");
            boolean rightHanded = text.matches("(?s).*\\b(right[- ]handed|ambidextrous)\\b.*");
            boolean dominant = side.equals("right") ? !leftHanded : side.equals("left") && leftHanded && !rightHanded;
            String code = side.isEmpty() ? (sequela ? "I69.359" : "G81.90")
                    : (sequela ? "I69.35" : "G81.9") + (side.equals("right") ? (dominant ? "1" : "3") : (dominant ? "2" : "4"));
            combine(code, List.of(), f, sequela ? "hemiplegia or hemiparesis following a cerebral infarction (sequela)"
                    : "hemiplegia or hemiparesis by side and dominance", "G81.90", "G81.91", "G81.92", "G81.93", "G81.94", "R53.1");
            break;
        }
        if (sequela) {
            strokeDeficits(text);
        }
    }

    /** A deficit the provider ties to a past stroke, its I69.3- sequela code, and the symptom code it replaces (I.C.9.d). */
    private record Deficit(Pattern words, String code, String... replaces) { }

    private static final List<Deficit> DEFICITS = List.of(
            new Deficit(Pattern.compile("\\b(aphasia|aphasic)\\b"), "I69.320", "R47.01"),
            new Deficit(Pattern.compile("\\bdysphasia\\b"), "I69.321", "R47.02"),
            new Deficit(Pattern.compile("\\bdysarthria\\b"), "I69.322", "R47.1"),
            new Deficit(Pattern.compile("\\bdysphagia\\b"), "I69.391", "R13.10"),
            new Deficit(Pattern.compile("\\bfacial (weakness|droop)\\b"), "I69.392", "R29.810"),
            new Deficit(Pattern.compile("\\bataxi(a|c)\\b"), "I69.393", "R27.0"),
            new Deficit(Pattern.compile("\\bapraxia\\b"), "I69.390", "R48.2"),
            new Deficit(Pattern.compile("\\bmemory (deficit|loss|impairment)\\b"), "I69.311", "R41.3"));
    private static final Pattern MONOPLEGIA = Pattern.compile("\\b(monoplegia|monoparesis)\\b");
    /** The phase of a dysphagia, an additional code at I69.391 when the note writes it. */
    private static final Pattern DYSPHAGIA_PHASE = Pattern.compile("\\b(oropharyngeal|pharyngoesophageal|pharyngeal|oral)\\b");

    /**
     * After a past stroke, each deficit the provider concludes is its sequela (I69.3-, Index: Sequelae, infarction,
     * cerebral): aphasia, dysarthria, dysphagia (with its phase, R13.1-), facial weakness, ataxia, monoplegia by limb,
     * side and dominance; the symptom code of the same deficit is not also reported.
     */
    private void strokeDeficits(String text) {
        for (Deficit deficit : DEFICITS) {
            for (NoteFacts.Found f : facts.all(deficit.words(), concluded())) {
                combine(deficit.code(), List.of(), f, "a deficit following a past cerebral infarction (sequela, I.C.9.d)", deficit.replaces());
                if (deficit.code().equals("I69.391")) {
                    Matcher phase = DYSPHAGIA_PHASE.matcher(facts.sentenceOf(f));
                    if (phase.find()) {
                        String r13 = switch (phase.group(1)) {
                            case "oral" -> "R13.11";
                            case "oropharyngeal" -> "R13.12";
                            case "pharyngeal" -> "R13.13";
                            default -> "R13.14";
                        };
                        add(r13, List.of(), f, "the phase of the dysphagia (use additional code at I69.391)");
                        uncheck("R13.10", "the phase of the dysphagia is documented: " + r13);
                    }
                }
                break;
            }
        }
        for (NoteFacts.Found f : facts.all(MONOPLEGIA, concluded())) {
            String sentence = facts.sentenceOf(f);
            boolean upper = sentence.matches("(?s).*\\b(upper|arm|hand)\\b.*");
            boolean lower = sentence.matches("(?s).*\\b(lower|leg|foot)\\b.*");
            if (upper == lower) {
                continue;
            }
            String side = sentence.matches("(?s).*\\bright\\b.*") && !sentence.matches("(?s).*\\bleft\\b.*") ? "right"
                    : sentence.matches("(?s).*\\bleft\\b.*") && !sentence.matches("(?s).*\\bright\\b.*") ? "left" : "";
            String code = (upper ? "I69.33" : "I69.34") + sideAndDominance(side, text);
            List<String> replaced = new ArrayList<>(List.of(upper ? "G83.20" : "G83.10"));
            cm.billableUnder(upper ? "I69.33" : "I69.34").forEach(k -> replaced.add(k.code()));
            combine(code, List.of(), f, "monoplegia following a cerebral infarction, by limb, side and dominance (sequela)",
                    replaced.toArray(String[]::new));
            break;
        }
    }

    /** The sixth character of a hemiplegia or monoplegia: 1 right dominant, 2 left dominant, 3 right non-dominant, 4 left non-dominant, 9 side unspecified (I.C.6.a). */
    private static String sideAndDominance(String side, String text) {
        if (side.isEmpty()) {
            return "9";
        }
        boolean leftHanded = text.matches("(?s).*\\bleft[- ]handed\\b.*");
        boolean rightHanded = text.matches("(?s).*\\b(right[- ]handed|ambidextrous)\\b.*");
        boolean dominant = side.equals("right") ? !leftHanded : leftHanded && !rightHanded;
        return side.equals("right") ? (dominant ? "1" : "3") : (dominant ? "2" : "4");
    }

    private static final Pattern LARGE_INTESTINE = Pattern.compile("\\b(colon|colonic|sigmoid|cecum|cecal|rectosigmoid|large intestine|large bowel)\\b");
    private static final Pattern SMALL_INTESTINE = Pattern.compile("\\b(ileum|ileal|jejunum|jejunal|duodenum|duodenal|small intestine|small bowel)\\b");

    /** "Intestine, part unspecified" when the sentence names the part: the large (colon, sigmoid) or small intestine code of the same kind. */
    private void intestineBySite() {
        for (PreCheck.Decision d : checked().toList()) {
            String t = title(d.code());
            if (!t.contains("intestine, part unspecified")) {
                continue;
            }
            for (Candidate.Mention m : d.candidate.mentions()) {
                org.codedesk.casecoding.text.ClinicalText.Sentence s = facts.note().sentences().get(m.sentence());
                String sentence = facts.note().text().substring(s.start(), s.end()).toLowerCase(Locale.ROOT);
                String part = LARGE_INTESTINE.matcher(sentence).find() ? "large intestine" : SMALL_INTESTINE.matcher(sentence).find() ? "small intestine" : null;
                if (part == null) {
                    continue;
                }
                String wanted = t.replace("intestine, part unspecified,", part).replace("intestine, part unspecified", part);
                Optional<IndexDictionary.Code> sibling = cm.billableUnder(category(d.code())).stream().filter(k -> k.title().equals(wanted)).findFirst();
                if (sibling.isPresent()) {
                    combine(sibling.get().code(), d.candidate.mentions(), null, "the part of the intestine the note names (" + part + ")", d.code());
                }
                break;
            }
        }
    }

    private static final Pattern CANCER_TREATMENT = Pattern.compile("\\b(on|currently|receiving|started|continues?) (\\w+ )?(tamoxifen|anastrozole"
            + "|letrozole|exemestane|chemo\\w*|radiation|immunotherapy|enzalutamide|leuprolide)\\b");

    /**
     * Personal history and status codes the note documents ({@link HistoryAndStatus}): not a history of stroke beside
     * the stroke or its sequelae, not a history of a cancer still coded or still treated.
     */
    private void historyAndStatus() {
        boolean stroke = isChecked("I63") || isChecked("I69");
        for (HistoryAndStatus.Finding f : new HistoryAndStatus(facts, cm).find()) {
            if (f.code().equals("Z86.73") && stroke) {
                continue;
            }
            if (isChecked(f.code())) {
                moreSpecificThanUnspecified(f.code());
                continue;
            }
            if (f.code().startsWith("Z85") && (CANCER_TREATMENT.matcher(facts.sentenceOf(f.evidence())).find()
                    || checked().anyMatch(d -> d.code().matches("C[0-6].*|C7[0-6].*|C8.*|C9.*")
                            && overlapWords(contentWords(title(d.code())), contentWords(title(f.code()))) > 0))) {
                continue;
            }
            if (currentOf(f.code())) {
                continue;
            }
            add(f.code(), List.of(), f.evidence(), (f.code().matches("Z8[0-4]\\..*") ? "family history concluded on (" : "personal history or status documented (")
                    + f.route() + "; I.C.21.c.3-4)");
            moreSpecificThanUnspecified(f.code());
        }
    }

    /** "Acquired absence of limb, unspecified" and "... of unspecified leg above knee" give way to the status documented with its side. */
    private void moreSpecificThanUnspecified(String code) {
        if (title(code).contains("unspecified") || !isChecked(code)) {
            return;
        }
        checked().filter(d -> !d.code().equals(code) && category(d.code()).equals(category(code)) && title(d.code()).contains("unspecified"))
                .toList().forEach(d -> d.uncheck("one code per status at the most specific level: " + code + " is coded"));
    }

    /** A personal history code and the codes of the current condition it would be the history of: not both (I.C.21.c.4). */
    private static final Map<String, String> HISTORY_OF = Map.of(
            "Z87.44", "N(0[0-9]|1[0-9]|2[0-9]|3[0-9])\\..*|N10|N12|N19",
            "Z87.01", "J1[2-8]\\..*",
            "Z86.71", "I26\\..*|I8[0-2]\\..*",
            "Z87.11", "K2[5-8]\\..*",
            "Z86.1", "A.*|B[0-8].*",
            "Z87.2", "L.*");

    private boolean currentOf(String history) {
        return HISTORY_OF.entrySet().stream().anyMatch(e -> history.startsWith(e.getKey())
                && checked().anyMatch(d -> d.code().matches(e.getValue())));
    }

    /**
     * A malignancy written only as past history (excised or treated, no current treatment: "history of prostate cancer,
     * no evidence of recurrence") is a personal history code (Z85, I.C.2.d), matched to the site of the neoplasm code.
     */
    private void historyOfCancer() {
        if (dx.values().stream().anyMatch(d -> d.checked && d.code().startsWith("Z85"))) {
            return;
        }
        for (PreCheck.Decision d : List.copyOf(dx.values())) {
            if (d.checked || d.reason == null || !d.code().matches("C[0-8].*|C9[0-6].*") || !d.reason.startsWith("written as past history")) {
                continue;
            }
            if (d.candidate.mentions().stream().allMatch(m -> SCREENING_WORD.matcher(facts.note().text().substring(
                    facts.note().sentences().get(m.sentence()).start(), facts.note().sentences().get(m.sentence()).end()).toLowerCase(Locale.ROOT)).find())) {
                // "former smoker - eligible for lung cancer screening": a screening looks for a cancer the patient has not had
                continue;
            }
            java.util.Set<String> site = contentWords(title(d.code()));
            Optional<IndexDictionary.Code> history = cm.billableUnder("Z85").stream()
                    .max(Comparator.comparingInt((IndexDictionary.Code k) -> overlapWords(contentWords(k.title()), site))
                            .thenComparing(k -> -k.title().length()));
            if (history.isPresent() && overlapWords(contentWords(history.get().title()), site) > 0) {
                add(history.get().code(), d.candidate.mentions(), null, "personal history of malignant neoplasm (the cancer is written as"
                        + " past history, not under treatment)");
                return;
            }
        }
    }

    private static final Pattern SCREENING_WORD = Pattern.compile("\\bscreen\\w*");
    private static final java.util.Set<String> NEOPLASM_WORDS = java.util.Set.of("malignant", "neoplasm", "neoplasms", "personal", "history",
            "of", "and", "other", "unspecified", "site", "sites", "the", "in", "or", "organs", "part", "parts");

    private static java.util.Set<String> contentWords(String title) {
        java.util.Set<String> words = new java.util.HashSet<>();
        Matcher w = WORD.matcher(title.toLowerCase(Locale.ROOT));
        while (w.find()) {
            if (!NEOPLASM_WORDS.contains(w.group()) && w.group().length() > 2) {
                words.add(w.group());
            }
        }
        return words;
    }

    private static int overlapWords(java.util.Set<String> a, java.util.Set<String> b) {
        int n = 0;
        for (String x : a) {
            if (b.contains(x)) {
                n++;
            }
        }
        return n;
    }

    /** I63 from the words of one concluded sentence: cause (embolism, thrombosis, occlusion), the artery and its side. */
    static Optional<String> infarctionCode(String sentence) {
        String artery = null;
        boolean precerebral = false;
        if (sentence.matches("(?s).*\\b(middle cerebral|mca)\\b.*")) {
            artery = "1";
        } else if (sentence.matches("(?s).*\\b(anterior cerebral|aca)\\b.*")) {
            artery = "2";
        } else if (sentence.matches("(?s).*\\b(posterior cerebral|pca)\\b.*")) {
            artery = "3";
        } else if (sentence.matches("(?s).*\\bcerebellar\\b.*")) {
            artery = "4";
        } else if (sentence.matches("(?s).*\\bcarotid\\b.*")) {
            artery = "3";
            precerebral = true;
        } else if (sentence.matches("(?s).*\\bvertebral\\b.*")) {
            artery = "1";
            precerebral = true;
        } else if (sentence.matches("(?s).*\\bbasilar\\b.*")) {
            artery = "2";
            precerebral = true;
        }
        if (artery == null) {
            return Optional.empty();
        }
        boolean embolic = sentence.matches("(?s).*\\b(embol\\w*|cardioembolic)\\b.*");
        boolean thrombotic = sentence.matches("(?s).*\\bthrombo(sis|tic|us)\\b.*");
        String cause = precerebral ? (embolic ? "1" : thrombotic ? "0" : "2") : (embolic ? "4" : thrombotic ? "3" : "5");
        boolean right = sentence.matches("(?s).*\\bright\\b.*");
        boolean left = sentence.matches("(?s).*\\bleft\\b.*");
        String side = sentence.matches("(?s).*\\bbilateral\\b.*") || right && left ? "3" : right ? "1" : left ? "2" : "9";
        if (precerebral && artery.equals("2")) {
            return Optional.of("I63." + cause + "2");
        }
        return Optional.of("I63." + cause + artery + side);
    }

    /** The CKD stage as a use-additional code (N18.x): the stage documented replaces an unstaged N18 code. */
    private void stage(NoteFacts.Found ckd) {
        String stage = null;
        NoteFacts.Found where = ckd;
        // "CKD stage 5" is N18.5; end-stage renal disease (N18.6) is what the note calls so (or stage 5 on dialysis)
        Optional<NoteFacts.Found> esrd = facts.first(ESRD, concluded()).filter(f -> ESRD_WORDS.matcher(f.text()).find()
                || ON_DIALYSIS.matcher(facts.sentenceOf(f)).find() && !NOT_ON_DIALYSIS.matcher(facts.sentenceOf(f)).find());
        if (esrd.isPresent()) {
            stage = "N18.6";
            where = esrd.get();
        } else {
            for (NoteFacts.Found f : facts.all(CKD_STAGE, CHART)) {
                Matcher m = CKD_STAGE.matcher(f.text());
                if (m.find()) {
                    stage = switch (m.group(3)) {
                        case "1", "i" -> "N18.1";
                        case "2", "ii" -> "N18.2";
                        case "3a", "iiia" -> "N18.31";
                        case "3b", "iiib" -> "N18.32";
                        case "3", "iii" -> "N18.30";
                        case "4", "iv" -> "N18.4";
                        default -> "N18.5";
                    };
                    where = f;
                    break;
                }
            }
        }
        if (stage == null) {
            if (!isChecked("N18.") && ckd != null && !ckd.text().startsWith("diabetic")) {
                add("N18.9", List.of(), ckd, "use additional code for the stage of chronic kidney disease (not documented: N18.9)");
            }
            return;
        }
        String code = stage;
        add(code, List.of(), where, "use additional code for the stage of chronic kidney disease");
        checked().filter(d -> d.code().startsWith("N18.") && !d.code().equals(code)).forEach(d ->
                d.uncheck("the stage documented is " + code));
    }

    private void hypertension() {
        boolean coded = isChecked("I10") || isChecked("I11") || isChecked("I12") || isChecked("I13");
        Optional<NoteFacts.Found> htn = facts.first(HYPERTENSION, CHART);
        if (!coded && htn.isEmpty()) {
            return;
        }
        boolean hf = isChecked("I50.") || isChecked("I11.0") || isChecked("I13.0") || isChecked("I13.2")
                || facts.first(HEART_FAILURE, concluded()).isPresent();
        boolean ckd = isChecked("N18.") || checked().anyMatch(d -> DIABETES_CODE.matcher(d.code()).matches() && d.code().endsWith(".22")) || isChecked("I12")
                || isChecked("I13") || facts.first(CKD, concluded()).isPresent();
        boolean stage5 = isChecked("N18.5") || isChecked("N18.6") || facts.first(ESRD, concluded()).isPresent();
        if (!hf && !ckd) {
            return;
        }
        String code = hf && ckd ? (stage5 ? "I13.2" : "I13.0") : ckd ? (stage5 ? "I12.0" : "I12.9") : "I11.0";
        List<Candidate.Mention> base = new ArrayList<>(mentionsOf("I10"));
        base.addAll(mentionsOf("I50."));
        base.addAll(mentionsOf("N18."));
        String why = hf && ckd ? "hypertension with heart failure and chronic kidney disease" : ckd ? "hypertension with chronic kidney disease"
                : "hypertension with heart failure";
        combine(code, base, htn.orElse(null), why + " (the causal relationship is presumed, I.C.9.a)", "I10", "I11.0", "I11.9", "I12.0",
                "I12.9", "I13.0", "I13.10", "I13.11", "I13.2");
        if (ckd && checked().noneMatch(d -> d.code().matches("N18\\.[1-6].*"))) {
            // I12/I13: use additional code to identify the stage of chronic kidney disease
            facts.first(CKD, concluded()).ifPresent(this::stage);
        }
    }

    // ---- companions ---------------------------------------------------------------------------------------------

    private void companions() {
        boolean diabetes = checked().anyMatch(d -> DIABETES_CODE.matcher(d.code()).matches());
        boolean typeOneOnly = diabetes && checked().filter(d -> DIABETES_CODE.matcher(d.code()).matches()).allMatch(d -> d.code().startsWith("E10"));
        if (typeOneOnly) {
            // E10 has no "use additional code" for insulin: a type 1 diabetic's insulin is the disease's own treatment
            uncheck("Z79.4", "type 1 diabetes: its insulin is not reported with Z79.4 (the use-additional note is at E08, E09, E11, E13)");
        }
        if (diabetes && !typeOneOnly) {
            longTerm(INSULIN, "Z79.4", "long-term (current) use of insulin (use additional code at the diabetes code)");
            longTerm(ORAL_HYPOGLYCEMIC, "Z79.84", "long-term (current) use of oral hypoglycemic drugs (use additional code at the diabetes code)");
        }
        longTerm(ANTICOAGULANT, "Z79.01", "long-term (current) use of anticoagulants");
        longTerm(ANTIPLATELET, "Z79.02", "long-term (current) use of antithrombotics/antiplatelets");
        longTerm(BISPHOSPHONATE, "Z79.83", "long-term (current) use of bisphosphonates");
        maintenance(SYSTEMIC_STEROID, "Z79.52", "long-term (current) use of systemic steroids");
        maintenance(METHOTREXATE, "Z79.631", "long-term (current) use of an antimetabolite agent (methotrexate)");
        longTerm(CALCINEURIN_INHIBITOR, "Z79.621", "long-term (current) use of a calcineurin inhibitor");
        longTerm(NUCLEOTIDE_SYNTHESIS_INHIBITOR, "Z79.624", "long-term (current) use of an inhibitor of nucleotide synthesis");
        longTerm(MTOR_INHIBITOR, "Z79.623", "long-term (current) use of an mTOR inhibitor");
        // aspirin is often given once (chest pain, stroke): long-term only with a daily dose, "home", "continue" or in the medication list
        facts.all(ASPIRIN, CHART).stream().filter(f -> f.section() == NoteSections.MEDICATIONS || ASPIRIN_DAILY.matcher(facts.around(f, 40)).find())
                .findFirst().ifPresent(f -> longTerm(ASPIRIN, "Z79.82", "long-term (current) use of aspirin"));
        facts.first(HOME_OXYGEN, CHART).ifPresent(f -> add("Z99.81", List.of(), f, "dependence on supplemental oxygen"));
        if (isChecked("N18.6") || isChecked("I12.0") || isChecked("I13.2")) {
            // the patient's dialysis: not a relative's ("brother on HD") nor one not begun ("not on dialysis")
            facts.all(ON_DIALYSIS, CHART).stream().filter(f -> !RELATIVE.matcher(facts.around(f, 30)).find()
                            && !NOT_ON_DIALYSIS.matcher(facts.around(f, 30)).find()).findFirst()
                    .ifPresent(f -> add("Z99.2", List.of(), f, "dependence on renal dialysis (use additional code at N18.6)"));
        }
        SocialDeterminants.of(facts, CHART).forEach(f -> {
            add(f.code(), List.of(), f.evidence(), f.why());
            if (f.code().startsWith("Z91.1")) {
                // the kind of noncompliance written replaces the index's "noncompliance" of other or unspecified treatment
                checked().filter(d -> d.code().startsWith("Z91.19") || f.code().matches("Z91\\.1[23].*") && d.code().startsWith("Z91.14")).toList()
                        .forEach(d -> d.uncheck("the noncompliance is coded by its kind: " + f.code()));
            }
        });
        organismCausing();
        organismAsCause();
        receptorStatus();
        bodyMassIndex();
        conditionsInPregnancyOrPuerperium();
        contraception();
        obstetrics();
        if (isChecked("F17.200")) {
            // nicotine dependence of the product the note names (cigarettes), not "unspecified"
            facts.all(SMOKING, CHART).stream().filter(f -> facts.sentenceOf(f).matches("(?s).*\\b(cigarettes?|ppd|pack)\\b.*")
                    && !NON_SMOKER.matcher(facts.around(f, 20)).find()).findFirst()
                    .ifPresent(f -> combine("F17.210", mentionsOf("F17.200"), f, "nicotine dependence, cigarettes", "F17.200"));
        }
        if (!isChecked("F17.") && !isChecked("Z87.891")) {
            for (NoteFacts.Found f : facts.all(SMOKING, CHART)) {
                String around = facts.sentenceOf(f);
                if (NON_SMOKER.matcher(facts.around(f, 20)).find()) {
                    continue;
                }
                if (FORMER.matcher(around).find()) {
                    add("Z87.891", List.of(), f, "personal history of nicotine dependence (former smoker)");
                } else {
                    boolean cigarettes = around.matches("(?s).*\\b(cigarettes?|ppd|pack)\\b.*");
                    add(cigarettes ? "F17.210" : "F17.200", List.of(), f, "tobacco use documented as current: nicotine dependence");
                }
                break;
            }
        }
    }

    private static final Pattern DRUG_TABLE_UNSPECIFIED = Pattern.compile("T50\\.9.*");

    /**
     * Poisoning, adverse effect and underdosing from the Table of Drugs (I.C.19.e): the drug the conclusion names, in
     * the column of what happened. An adverse effect is coded with its manifestation (a condition concluded in the same
     * sentence, I.C.19.e.5.a); the table's code replaces an unspecified drug's code (T50.9-), and a suicide attempt by
     * poisoning is the poisoning's self-harm code, not T14.91 (the index: "Suicide > by poisoning - see Table of Drugs").
     */
    private void drugEffects() {
        boolean hasConclusion = NoteSections.hasConclusion(facts.note());
        for (DrugEffects.Effect e : DrugEffects.of(facts, cm, concluded())) {
            int sentence = e.evidence().mention().sentence();
            if (e.kind() == DrugEffects.Kind.ADVERSE_EFFECT) {
                boolean manifestation = checked().anyMatch(d -> !d.code().matches("[TZVWXY].*")
                        && d.candidate.mentions().stream().anyMatch(m -> m.sentence() == sentence));
                if (!manifestation || hasConclusion && e.evidence().section() != NoteSections.CONCLUSION) {
                    continue;
                }
            }
            String kind = switch (e.kind()) {
                case POISONING -> "poisoning";
                case ADVERSE_EFFECT -> "adverse effect";
                case UNDERDOSING -> "underdosing";
            };
            add(e.code(), List.of(), e.evidence(), kind + " (Table of Drugs and Chemicals: " + e.drug() + ")");
            char sixth = e.code().replace(".", "").charAt(5);
            checked().filter(d -> DRUG_TABLE_UNSPECIFIED.matcher(d.code()).matches() && d.code().replace(".", "").length() > 5
                    && d.code().replace(".", "").charAt(5) == sixth).toList()
                    .forEach(d -> d.uncheck("the drug is named: " + e.code()));
            if (e.kind() == DrugEffects.Kind.POISONING && sixth == '2') {
                uncheck("T14.91XA", "a suicide attempt by poisoning is the poisoning's intentional self-harm code (" + e.code() + ")");
            }
            // the index's unnamed "adverse effect NEC" (T78.8), "drug, unspecified" (T88.7) or "poisoning NOS" (T65.9-) gives way to the drug's code
            checked().filter(d -> d.code().matches("T78\\.8.*|T88\\.7.*|T65\\.9.*")).toList()
                    .forEach(d -> d.uncheck("the drug is named: its code from the Table of Drugs is " + e.code()));
            if (e.code().startsWith("T45.51") && e.kind() == DrugEffects.Kind.ADVERSE_EFFECT) {
                // a coagulopathy due to the anticoagulant taken: "Circulating anticoagulants > due to drugs" (D68.32)
                facts.all(COAGULOPATHY, concluded()).stream().filter(f -> ANTICOAGULANT.matcher(facts.sentenceOf(f)).find()).findFirst()
                        .ifPresent(f -> combine("D68.32", List.of(), f, "hemorrhagic disorder due to an extrinsic circulating anticoagulant (the drug"
                                + " taken)", "D68.9", "D68.4", "D68.318", "R79.1"));
            }
        }
    }

    private static final Pattern COAGULOPATHY = Pattern.compile("\\b(coagulopathy|coagulation (defect|disorder)|bleeding disorder|hemorrhagic disorder)\\b");

    private static final Pattern ON_DIALYSIS = Pattern.compile("\\b(on (hemo|peritoneal )?dialysis|on (hd|pd)|hemodialysis (mwf|tth|tts|three)"
            + "|dialysis dependent|dialysis-dependent)\\b");
    private static final Pattern E_COLI = Pattern.compile("\\b(due to|secondary to|from|with) (an? )?(e\\.? ?coli|escherichia coli)\\b");

    /**
     * An infection concluded "due to E. coli" whose code does not name the organism: the organism as the cause of a
     * disease classified elsewhere (B96.20; "use additional code (B95-B97) to identify infectious agent").
     */
    private void organismCausing() {
        otherOrganisms();
        if (isChecked("B96.2") || isChecked("A41.5") || isChecked("A04") || isChecked("J15.5")) {
            return;
        }
        for (NoteFacts.Found f : facts.all(E_COLI, concluded())) {
            String sentence = facts.sentenceOf(f);
            boolean infection = checked().anyMatch(d -> d.code().matches("N10|N30\\..*|N39\\.0|N41\\..*|L03\\..*|K81\\..*|K65\\..*|N70\\..*|M86\\..*|O23\\..*|O86\\..*")
                    && d.candidate.mentions().stream().anyMatch(m -> m.sentence() == f.mention().sentence()));
            if (infection && !sentence.contains("sepsis")) {
                add("B96.20", List.of(), f, "Escherichia coli as the cause of the infection (use additional code to identify the infectious agent)");
                return;
            }
        }
    }

    /**
     * Organisms as notes name them, with the B95-B96 code of an infection due to one (null: none of ours) and the sepsis
     * code that names it (A40-A41; null: none), in the order each rule tries them (E. coli, B96.20, has a rule of its own).
     */
    private record Organism(String names, String agentCode, String sepsisCode) { }

    private static final List<Organism> ORGANISM_NAMES = List.of(
            new Organism("mrsa|methicillin[- ]resistant staph\\w*( aureus)?", "B95.62", "A41.02"),
            new Organism("mssa|methicillin[- ]s(usceptible|ensitive) staph\\w*( aureus)?", "B95.61", "A41.01"),
            new Organism("group a strep\\w*|strep\\w* pyogenes", "B95.0", null),
            new Organism("e\\.? ?coli|escherichia coli", null, "A41.51"),
            new Organism("pseudomonas( aeruginosa)?", "B96.5", "A41.52"),
            new Organism("serratia", null, "A41.53"),
            new Organism("klebsiella( pneumoniae)?", "B96.1", null),
            new Organism("enterococc\\w*", "B95.2", "A41.81"),
            new Organism("proteus( mirabilis)?", "B96.4", null),
            new Organism("strep(tococcus)? pneumoniae|pneumococc\\w*", null, "A40.3"));

    /** An infection's agent as the note concludes it: "due to", "from", "grew" the organism. */
    private static final Map<Pattern, String> ORGANISMS = new LinkedHashMap<>();
    static {
        ORGANISM_NAMES.stream().filter(o -> o.agentCode() != null).forEach(o -> ORGANISMS.put(
                Pattern.compile("\\b(due to|secondary to|from|with|grew) (an? )?(" + o.names() + ")\\b"), o.agentCode()));
    }
    private static final Pattern INFECTION_NOT_NAMING_ITS_ORGANISM = Pattern.compile("N10|N30\\..*|N39\\.0|N41\\..*|L0[23]\\..*|K81\\..*|K65\\..*"
            + "|N70\\..*|M86\\..*|O23\\..*|O86\\..*|H66\\..*|J0[1-4]\\..*|L08\\..*|T81\\.4.*|M00\\..*");

    /** An infection concluded "due to" another organism than E. coli: its B95-B96 code (use additional code to identify the infectious agent). */
    private void otherOrganisms() {
        for (Map.Entry<Pattern, String> organism : ORGANISMS.entrySet()) {
            if (isChecked(organism.getValue().substring(0, 5))) {
                continue;
            }
            for (NoteFacts.Found f : facts.all(organism.getKey(), concluded())) {
                boolean infection = checked().anyMatch(d -> INFECTION_NOT_NAMING_ITS_ORGANISM.matcher(d.code()).matches()
                        && d.candidate.mentions().stream().anyMatch(m -> m.sentence() == f.mention().sentence()));
                if (infection && !facts.sentenceOf(f).contains("sepsis")) {
                    add(organism.getValue(), List.of(), f, "the organism as the cause of the infection (use additional code to identify the infectious agent)");
                    break;
                }
            }
        }
    }

    /** H. pylori found with an ulcer or gastritis is the cause of a disease classified elsewhere (B96.81), not an intestinal infection (A04.8). */
    private void organismAsCause() {
        if (isChecked("A04.8") && checked().anyMatch(d -> d.code().matches("K2[5-9]\\..*"))) {
            facts.first(H_PYLORI, CHART).ifPresent(f -> {
                uncheck("A04.8", "H. pylori causing the ulcer or gastritis is coded B96.81");
                add("B96.81", mentionsOf("A04.8"), f, "H. pylori as the cause of the disease classified elsewhere");
            });
        }
    }

    /** A BMI is reported only with a weight diagnosis (I.B.14, I.C.21.c.3), for an adult by its value. */
    private static final Pattern OBESITY_CLASS = Pattern.compile("\\bobesity,? class (1|2|3|iii|ii|i)\\b|\\bclass (1|2|3|iii|ii|i) obesity\\b");

    /** Obesity by the class written next to it (E66.81-), not a class number read elsewhere in the sentence ("GLP-1"). */
    private void obesityClass() {
        if (checked().noneMatch(d -> d.code().startsWith("E66."))) {
            return;
        }
        facts.first(OBESITY_CLASS, concluded()).ifPresent(f -> {
            Matcher m = OBESITY_CLASS.matcher(f.text());
            if (m.find()) {
                String n = m.group(1) != null ? m.group(1) : m.group(2);
                String digit = switch (n) {
                    case "1", "i" -> "1";
                    case "2", "ii" -> "2";
                    default -> "3";
                };
                combine("E66.81" + digit, List.of(), f, "obesity by the class documented", "E66.811", "E66.812", "E66.813", "E66.9");
            }
        });
    }

    private void bodyMassIndex() {
        obesityClass();
        if (!checked().anyMatch(d -> d.code().matches("E66\\..*|E43|E44\\..*|E46|R63\\.[45]|E88\\.82.*")) || isChecked("Z68")) {
            return;
        }
        for (NoteFacts.Found f : facts.all(BMI, CHART)) {
            Matcher m = BMI.matcher(f.text());
            if (!m.find()) {
                continue;
            }
            int age = age();
            if (age >= 2 && age < 20) {
                // a child's BMI is reported by its percentile for age (Z68.5-), never by the adult value
                pediatricBodyMassIndex();
                return;
            }
            double bmi = Double.parseDouble(m.group(2));
            String code = bmi < 20 ? "Z68.1" : bmi < 40 ? "Z68." + (int) Math.floor(bmi) : bmi < 45 ? "Z68.41" : bmi < 50 ? "Z68.42"
                    : bmi < 60 ? "Z68.43" : bmi < 70 ? "Z68.44" : "Z68.45";
            add(code, List.of(), f, "body mass index, with the weight diagnosis it goes with");
            return;
        }
    }

    private static final Pattern BMI_PERCENTILE = Pattern.compile("\\b(bmi|body mass index)\\b[^.;]{0,40}?\\b(\\d{1,2})(st|nd|rd|th)?\\s*(percentile|%ile|pctl)");

    private void pediatricBodyMassIndex() {
        facts.first(BMI_PERCENTILE, CHART).ifPresent(f -> {
            Matcher m = BMI_PERCENTILE.matcher(f.text());
            if (m.find()) {
                int p = Integer.parseInt(m.group(2));
                String code = p < 5 ? "Z68.51" : p < 85 ? "Z68.52" : p < 95 ? "Z68.53" : "Z68.54";
                add(code, List.of(), f, "pediatric body mass index by its percentile for age, with the weight diagnosis it goes with");
            }
        });
    }

    /** With an obstetric code: the weeks of gestation (Z3A) and, after a delivery, its outcome (Z37). */
    private void obstetrics() {
        if (!checked().anyMatch(d -> d.code().startsWith("O") || d.code().startsWith("Z34."))) {
            // the weeks of gestation go with an obstetric code or the supervision of a normal pregnancy (I.C.21.c.11)
            return;
        }
        for (NoteFacts.Found f : puerperium().isPresent() ? List.<NoteFacts.Found>of() : facts.all(WEEKS, CHART)) {
            Matcher m = WEEKS.matcher(f.text());
            if (m.find()) {
                int weeks = Integer.parseInt(m.group(1));
                if (weeks >= 8 && weeks <= 42) {
                    add("Z3A." + String.format("%02d", weeks), List.of(), f, "weeks of gestation");
                }
                break;
            }
        }
        anemiaInPregnancy();
        // the outcome of delivery goes on the mother's record of the delivery: a stay, not a prenatal visit planning a cesarean
        Optional<NoteFacts.Found> delivered = setting == EncounterSetting.INPATIENT ? facts.all(DELIVERY, CHART).stream()
                .filter(f -> !PLANNED_OR_PAST.matcher(facts.sentenceOf(f)).find()).findFirst() : Optional.empty();
        if (delivered.isPresent() && !isChecked("Z37")) {
            String text = facts.note().text().toLowerCase(Locale.ROOT);
            boolean twins = text.matches("(?s).*\\b(twins?|twin gestation|di-di|mono-di)\\b.*");
            boolean stillborn = text.matches("(?s).*\\b(stillborn|stillbirth|fetal demise)\\b.*");
            add(twins ? "Z37.2" : stillborn ? "Z37.1" : "Z37.0", List.of(), delivered.get(), "outcome of delivery");
        }
        if (delivered.isPresent()) {
            // a perineal laceration of the delivery is the obstetric code by its degree (O70), not an injury code
            facts.all(PERINEAL_LACERATION, CHART).stream().findFirst().ifPresent(f -> {
                String degree = f.text().replaceAll("[- ].*", "");
                String code = switch (degree) {
                    case "first", "1st" -> "O70.0";
                    case "second", "2nd" -> "O70.1";
                    case "third", "3rd" -> "O70.20";
                    default -> "O70.3";
                };
                add(code, List.of(), f, degree + "-degree perineal laceration during delivery");
            });
        }
    }

    private static final Pattern RELATIVE = Pattern.compile("\\b(mother|father|brother|sister|son|daughter|grandson|granddaughter|grandmother"
            + "|grandfather|aunt|uncle|cousin|sibling|siblings|family member|parents?|mom|dad)\\b");
    /** The puerperium written as now: "3 weeks postpartum", "6 wk postpartum visit", "2 wk s/p SVD" (six weeks after delivery at most). */
    private static final Pattern PUERPERIUM = Pattern.compile("\\b(\\d{1,2})[- ]?(d|days?|wk|wks|weeks?)[- ](postpartum|post-partum|pp|s/p|status post"
            + "|after)\\b([^.\\n]{0,40}\\b(delivery|svd|nsvd|c-section|cesarean|birth))?|\\bpostpartum (visit|check|day|follow-up)\\b");

    /** The puerperium of an outpatient visit (up to six weeks after a delivery), where the note writes it. */
    private Optional<NoteFacts.Found> puerperium() {
        if (setting != EncounterSetting.OUTPATIENT) {
            return Optional.empty();
        }
        for (NoteFacts.Found f : facts.all(PUERPERIUM, CHART)) {
            Matcher m = PUERPERIUM.matcher(f.text());
            if (!m.find()) {
                continue;
            }
            if (m.group(1) == null) {
                return Optional.of(f);
            }
            boolean postpartum = m.group(3).startsWith("post") || m.group(3).equals("pp") || m.group(5) != null;
            int days = Integer.parseInt(m.group(1)) * (m.group(2).startsWith("d") ? 1 : 7);
            if (postpartum && days <= 42) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** A condition of a chapter and the O99 subcategory that says it complicates pregnancy, childbirth or the puerperium (I.C.15.a.1). */
    private static final List<String[]> O99_BY_CHAPTER = List.of(
            new String[] {"F10\\..*", "O99.31"},
            new String[] {"F1[1-689]\\..*", "O99.32"},
            new String[] {"F17\\.2.*", "O99.33"},
            new String[] {"F(0[1-9]|[2-9]\\d)\\..*|F(0[1-9]|[2-9]\\d)", "O99.34"},
            new String[] {"E(0[0-7]|1[5-9]|2\\d|3[0-5]|5\\d|6[0-4]|6[7-8]|7\\d|8[0-9])\\..*|E(0[0-7]|1[5-9]|2\\d|3[0-5]|5\\d|6[0-4]|6[7-8]|7\\d|8[0-9])",
                    "O99.28"});

    /**
     * A mental, substance use or endocrine condition of a pregnant patient or in the puerperium is coded in chapter 15 first,
     * O99.3- or O99.28- by trimester (1, 2, 3) or puerperium (5), with the condition's own code after it ("use additional code";
     * I.C.15.a.1: "Postpartum depression" is O99.345 with F53.0, pre-existing hypothyroidism after a delivery O99.285 with E03.9).
     * Diabetes (O24), malnutrition (O25) and obesity (O99.21) have their own codes and are left out.
     */
    private void conditionsInPregnancyOrPuerperium() {
        Optional<NoteFacts.Found> puerperium = puerperium();
        String sixth;
        NoteFacts.Found at;
        if (puerperium.isPresent()) {
            sixth = "5";
            at = puerperium.get();
        } else {
            if (!checked().anyMatch(d -> d.code().startsWith("O") || d.code().startsWith("Z34."))
                    || facts.all(DELIVERY, CHART).stream().anyMatch(f -> !PLANNED_OR_PAST.matcher(facts.sentenceOf(f)).find())) {
                return;
            }
            Optional<NoteFacts.Found> weeks = facts.all(WEEKS, CHART).stream().filter(f -> WEEKS.matcher(f.text()).find()).findFirst();
            if (weeks.isEmpty()) {
                return;
            }
            Matcher m = WEEKS.matcher(weeks.get().text());
            m.find();
            int w = Integer.parseInt(m.group(1));
            if (w > 42) {
                return;
            }
            sixth = w < 14 ? "1" : w < 28 ? "2" : "3";
            at = weeks.get();
        }
        boolean added = false;
        for (PreCheck.Decision d : checked().toList()) {
            for (String[] row : O99_BY_CHAPTER) {
                if (d.code().matches(row[0])) {
                    String code = row[1] + sixth;
                    if (!isChecked(code) && cm.code(code).filter(IndexDictionary.Code::billable).isPresent()) {
                        add(code, d.candidate.mentions(), at, (row[1].equals("O99.28") ? "endocrine, nutritional or metabolic" : "mental or substance use")
                                + " condition complicating " + (sixth.equals("5") ? "the puerperium" : "pregnancy") + " (chapter 15 first, "
                                + d.code() + " after it)");
                        added = true;
                    }
                    break;
                }
            }
        }
        if (added) {
            // a pregnancy with a complication is not the supervision of a normal pregnancy
            checked().filter(d -> d.code().startsWith("Z34.")).toList().forEach(d -> d.uncheck("the pregnancy has a complication coded in chapter 15"));
        }
    }

    /** Contraception written in the assessment or plan: the encounter for it by method, first prescription or surveillance (Z30.0-, Z30.4-). */
    private void contraception() {
        Contraception.of(facts).ifPresent(found -> {
            add(found.code(), List.of(), found.evidence(), found.why());
            if (found.code().startsWith("Z30.0")) {
                checked().filter(d -> d.code().equals("Z30.09") || d.code().equals("Z30.9") || d.code().equals("Z30.019")
                        && !found.code().equals("Z30.019")).toList().forEach(d -> d.uncheck("the contraception encounter is coded by its method: "
                        + found.code()));
            }
            if (!Contraception.deviceInPlace(facts.note().text())) {
                uncheck("Z97.5", "an intrauterine device named among the options discussed, not one in place");
            }
        });
    }

    private static final Pattern ANEMIA_CODE = Pattern.compile("D5[0-9]\\..*|D6[0-4]\\..*|D5[0-9]|D6[0-4]");

    /**
     * An anemia of a pregnant patient (not delivered in this encounter) is the chapter 15 code by trimester, O99.01-,
     * first, with the anemia's own code as its type (I.C.15.a.1: conditions in pregnancy; "use additional code" at O99.0).
     */
    private void anemiaInPregnancy() {
        if (checked().noneMatch(d -> ANEMIA_CODE.matcher(d.code()).matches()) || isChecked("O99.0")
                || facts.all(DELIVERY, CHART).stream().anyMatch(f -> !PLANNED_OR_PAST.matcher(facts.sentenceOf(f)).find())) {
            return;
        }
        Integer weeks = null;
        NoteFacts.Found at = null;
        for (NoteFacts.Found f : facts.all(WEEKS, CHART)) {
            Matcher m = WEEKS.matcher(f.text());
            if (m.find()) {
                weeks = Integer.parseInt(m.group(1));
                at = f;
                break;
            }
        }
        if (weeks == null || weeks > 42) {
            return;
        }
        // trimesters are counted from the first day of the last menstrual period: first < 14 weeks, second 14 to 27, third 28 on
        String code = weeks < 14 ? "O99.011" : weeks < 28 ? "O99.012" : "O99.013";
        add(code, mentionsOf("D5"), at, "anemia complicating pregnancy by trimester (chapter 15 first, the anemia's type after it)");
    }

    private static final Pattern PERINEAL_LACERATION = Pattern.compile("\\b(first|1st|second|2nd|third|3rd|fourth|4th)[- ]degree (perineal )?"
            + "(laceration|tear)\\b");

    private static final Pattern PLANNED_OR_PAST = Pattern.compile("\\b(plan|planned|planning|desires?|scheduled|will|repeat|previous|prior"
            + "|history of|hx|s/p|status post|counsel\\w*|consent)\\b");
    private static final Pattern H_PYLORI = Pattern.compile("\\b(h\\.? ?pylori|helicobacter)\\b");
    private static final Pattern BMI = Pattern.compile("\\b(bmi|body mass index)\\s*(?:of|is|was|=|:)?\\s*(\\d{2}(\\.\\d+)?)");
    private static final Pattern WEEKS = Pattern.compile("\\b(\\d{1,2})\\s*(w(?=\\d)|w\\b|wk|wks|weeks?)(\\s*\\d\\s*d(ays?)?)?\\s*(of\\s*)?(gestation|ga\\b|pregnan)?");
    private static final Pattern DELIVERY = Pattern.compile("\\b(delivered|delivery of|cesarean (section|delivery)|c-section|liveborn|live birth|apgars?)\\b");

    /** A list of drugs begun this stay: "Started on aspirin, ticagrelor, high-intensity atorvastatin". */
    private static final Pattern STARTED_LIST = Pattern.compile("\\b(started|starting|initiated|begun|new)( on)?\\s+[a-z0-9 ,./-]*$");

    private static final Pattern SYSTEMIC_STEROID = Pattern.compile("\\b(prednisone|prednisolone|methylprednisolone|medrol)\\b");
    private static final Pattern CALCINEURIN_INHIBITOR = Pattern.compile("\\b(tacrolimus|prograf|envarsus|cyclosporine|ciclosporin|neoral"
            + "|sandimmune)\\b");
    private static final Pattern NUCLEOTIDE_SYNTHESIS_INHIBITOR = Pattern.compile("\\b(mycophenolate( mofetil)?|mycophenolic acid|cellcept"
            + "|myfortic|mmf|azathioprine|imuran)\\b");
    private static final Pattern MTOR_INHIBITOR = Pattern.compile("\\b(sirolimus|rapamune|everolimus|zortress)\\b");
    private static final Pattern METHOTREXATE = Pattern.compile("\\b(methotrexate|mtx)\\b");
    private static final Pattern MAINTENANCE_DOSE = Pattern.compile("\\b(daily|qd|qday|weekly|q ?week|long[- ]term|chronic|maintenance)\\b");
    /** A short course: "prednisone 40 mg daily x 5 days", a taper, a burst, a dose pack. */
    private static final Pattern SHORT_COURSE = Pattern.compile("\\bx ?\\d+ ?(more )?(days?|d|wks?|weeks?)\\b|\\b(for|over) \\d+ (days?|weeks?)\\b"
            + "|\\b(taper\\w*|burst|dose ?pack|stress dose)\\b");

    /**
     * A drug taken on a maintenance schedule (a daily steroid, weekly methotrexate; I.C.21.c.3: Z79 is for continuous use), not a
     * short course, a taper or a drug just started.
     */
    private void maintenance(Pattern drugs, String code, String why) {
        for (NoteFacts.Found f : facts.all(drugs, CHART)) {
            String around = facts.around(f, 40);
            if (MAINTENANCE_DOSE.matcher(around).find() && !SHORT_COURSE.matcher(around).find() && !NOT_LONG_TERM.matcher(around).find()) {
                add(code, List.of(), f, why);
                return;
            }
        }
    }

    /**
     * The drug is resumed at discharge: "metformin held, resumed at discharge", not another drug's resumption later in the sentence
     * ("basal-bolus insulin in hospital, metformin held, resumed at discharge" resumes the metformin only).
     */
    private static boolean resumedAfter(String sentence, String drug) {
        int at = sentence.indexOf(drug);
        Matcher r = RESUMED.matcher(sentence);
        while (r.find()) {
            if (at < 0) {
                continue;
            }
            String between = r.start() >= at + drug.length() ? sentence.substring(at + drug.length(), r.start())
                    : sentence.substring(Math.min(r.end(), at), at);
            if (!INSULIN.matcher(between).find() && !ORAL_HYPOGLYCEMIC.matcher(between).find() && !ANTICOAGULANT.matcher(between).find()
                    && !ANTIPLATELET.matcher(between).find() && !ASPIRIN.matcher(between).find()) {
                return true;
            }
        }
        return false;
    }

    private void longTerm(Pattern drugs, String code, String why) {
        for (NoteFacts.Found f : facts.all(drugs, CHART)) {
            String sentence = facts.sentenceOf(f);
            String before = sentence.substring(0, Math.max(0, Math.min(sentence.length(), sentence.indexOf(f.text()))));
            if (STARTED_LIST.matcher(before).find()) {
                continue;
            }
            String around = facts.around(f, 40);
            if (!NOT_LONG_TERM.matcher(around).find() || resumedAfter(sentence, f.text())) {
                add(code, List.of(), f, why);
                return;
            }
        }
    }

    private static final Pattern HIV_WITHOUT_DISEASE = Pattern.compile("\\b(asymptomatic|undetectable|virally suppressed|viral load (is )?(undetectable"
            + "|suppressed)|hiv[- ]positive|hiv\\+|positive for hiv)");
    /** AIDS, HIV disease or an HIV-related illness written as the patient's (not "never AIDS-defining", not "hearing aids"). */
    private static final Pattern HIV_DISEASE = Pattern.compile("(?<!hearing |walking |mobility |visual )\\baids\\b|\\baids-defining|\\bhiv disease\\b"
            + "|\\bhiv-related\\b|\\bopportunistic infections?\\b|\\b(pneumocystis|pcp pneumonia|kaposi|toxoplasmosis|cryptococc\\w*|cmv retinitis"
            + "|wasting syndrome)\\b|\\bcd4 (count )?(of )?(<|under|below|less than) ?200\\b");
    private static final Pattern ANTIRETROVIRAL = Pattern.compile("\\b(antiretroviral\\w*|haart|art|biktarvy|bictegravir|dolutegravir|tivicay|triumeq"
            + "|dovato|genvoya|descovy|emtricitabine|tenofovir|raltegravir|darunavir|efavirenz|rilpivirine|odefsey|juluca|symtuza|cabotegravir|cabenuva)\\b");

    /**
     * HIV (I.C.1.a.2): B20 is for AIDS, HIV disease or an HIV-related illness (also one in the past); a patient with HIV and none of
     * these, written asymptomatic, suppressed or HIV positive, is Z21. Antiretroviral therapy taken long term is Z79.899
     * (I.C.21.c.3: long-term drug therapy, no code of its own).
     */
    private void hivStatus() {
        if (isChecked("B20") && facts.first(HIV_WITHOUT_DISEASE, CONCLUDED).isPresent() && facts.first(HIV_DISEASE, CHART).isEmpty()) {
            add("Z21", mentionsOf("B20"), facts.first(HIV_WITHOUT_DISEASE, CONCLUDED).get(),
                    "asymptomatic HIV infection status: no AIDS, HIV disease or HIV-related illness written (I.C.1.a.2.d)");
            uncheck("B20", "no AIDS, HIV disease or HIV-related illness is written: asymptomatic HIV infection status Z21 (I.C.1.a.2.d)");
        }
        if (isChecked("B20") || isChecked("Z21")) {
            // "HIV infection": the human immunodeficiency virus's words are no other "viral infection NOS"
            checked().filter(d -> d.code().equals("B34.9")).toList().forEach(d -> d.uncheck("the viral infection written is the HIV infection coded"));
            longTerm(ANTIRETROVIRAL, "Z79.899", "long-term (current) drug therapy: antiretroviral therapy");
        }
    }

    private static final Pattern ER_POSITIVE = Pattern.compile("\\b(er\\+|er[- ]positive|estrogen receptor[- ]positive|er/pr\\+|er/pr[- ]positive)");
    private static final Pattern ER_NEGATIVE = Pattern.compile("\\b(er-(?!\\w)|er[- ]negative|estrogen receptor[- ]negative)");
    private static final Pattern HER2 = Pattern.compile("\\b(her2|her-2|her2/neu)\\b");

    /**
     * A breast cancer's estrogen receptor status (C50 "use additional code", Z17.0/Z17.1) when the note writes it. With
     * the HER2 status also written FY2026 has combined codes (Z17.4-): left to the coder, not guessed.
     */
    private void receptorStatus() {
        if (!isChecked("C50.") || isChecked("Z17.") || facts.first(HER2, CHART).isPresent()) {
            return;
        }
        Optional<NoteFacts.Found> positive = facts.first(ER_POSITIVE, CHART);
        Optional<NoteFacts.Found> negative = facts.first(ER_NEGATIVE, CHART);
        if (positive.isPresent() != negative.isPresent()) {
            add(positive.isPresent() ? "Z17.0" : "Z17.1", List.of(), positive.orElseGet(negative::get),
                    "estrogen receptor status (use additional code at the breast cancer code)");
        }
    }

    /** The organism a sepsis is "due to" in the concluded words: the sepsis code that names it (A40-A41), not A41.9. */
    private static final Map<Pattern, String> SEPSIS_ORGANISMS = new LinkedHashMap<>();
    static {
        ORGANISM_NAMES.stream().filter(o -> o.sepsisCode() != null).forEach(o -> SEPSIS_ORGANISMS.put(
                Pattern.compile("\\b(" + o.names() + ")\\b"), o.sepsisCode()));
    }
    private static final Pattern SEPSIS = Pattern.compile("\\b(sepsis|septic|septicemia|bacteremia)\\b");

    private void sepsisOrganism() {
        if (!isChecked("A41.9")) {
            return;
        }
        for (NoteFacts.Found f : facts.all(SEPSIS, concluded())) {
            String sentence = facts.sentenceOf(f);
            for (Map.Entry<Pattern, String> organism : SEPSIS_ORGANISMS.entrySet()) {
                Matcher m = organism.getKey().matcher(sentence);
                if (m.find()) {
                    combine(organism.getValue(), mentionsOf("A41.9"), f, "sepsis due to the organism the note names", "A41.9");
                    return;
                }
            }
        }
    }

    private static final Pattern LOWER_RESPIRATORY_INFECTION = Pattern.compile("J1[2-8]\\..*|J1[2-8]|J20\\..*|J21\\..*|J22");

    /** COPD with an acute lower respiratory infection is J44.0, with the infection coded too (I.C.10.a; "with" convention). */
    private void copdWithInfection() {
        Optional<PreCheck.Decision> copd = checked().filter(d -> d.code().matches("J44\\.[19]")).findFirst();
        if (copd.isEmpty() || checked().noneMatch(d -> LOWER_RESPIRATORY_INFECTION.matcher(d.code()).matches())) {
            return;
        }
        combine("J44.0", mentionsOf(copd.get().code()), null, "chronic obstructive pulmonary disease with an acute lower respiratory infection",
                "J44.9");
    }

    /** Influenza with its type written ("influenza A", "flu B", "H1N1"): a test identified the virus. */
    private static final Pattern IDENTIFIED_INFLUENZA = Pattern.compile("\\b(influenza|flu) (type )?[ab]\\b|\\bh1n1\\b");
    private static final Pattern NEGATIVE_RESULT = Pattern.compile("^\\W*(\\w+\\W+){0,2}?(negative|neg|not detected)\\b");

    /**
     * Influenza whose virus a test named (type A or B, I.C.10.c: the provider's statement of an identified virus) is J10,
     * "due to other identified influenza virus", not J11 "unidentified": the same manifestation in the other category
     * (J11.1 -> J10.1, J11.00 -> J10.00). A result written negative ("flu A negative") names no virus.
     */
    private void identifiedInfluenza() {
        List<PreCheck.Decision> unidentified = checked().filter(d -> d.code().startsWith("J11")).toList();
        if (unidentified.isEmpty()) {
            return;
        }
        for (NoteFacts.Found f : facts.all(IDENTIFIED_INFLUENZA, concluded())) {
            String after = facts.note().text().substring(f.end()).toLowerCase(Locale.ROOT);
            char type = facts.note().text().charAt(f.end() - 1);
            // the type as written, a capital ("had influenza a week ago" names none)
            if (Character.isLowerCase(type) || NEGATIVE_RESULT.matcher(after).find()) {
                continue;
            }
            for (PreCheck.Decision d : unidentified) {
                String identified = "J10" + d.code().substring(3);
                if (cm.code(identified).filter(IndexDictionary.Code::billable).isPresent()) {
                    add(identified, d.candidate.mentions(), f, "influenza due to an identified influenza virus: the note names its type");
                    uncheck(d.code(), "the note names the influenza virus's type: " + identified + " is coded");
                }
            }
            return;
        }
    }

    private static final Pattern INFLUENZA = Pattern.compile("J(09|10|11)\\..*");
    /** Cough, fever, aches, a running or stuffy nose, a sore throat, headache: what influenza itself is. */
    private static final Pattern INFLUENZA_SYMPTOMS = Pattern.compile("R05.*|R50\\.9|M79\\.1.*|J34\\.89|R09\\.81|J02\\.9|R51\\.9");

    /**
     * The respiratory and general symptoms of influenza are integral to its code (I.B.5; J10.1/J11.1 read "with other
     * respiratory manifestations"): not coded beside it. Its complications (pneumonia, otitis, encephalopathy) have codes
     * of their own and stay.
     */
    private void influenzaSymptoms() {
        Optional<PreCheck.Decision> influenza = checked().filter(d -> INFLUENZA.matcher(d.code()).matches()).findFirst();
        if (influenza.isEmpty()) {
            return;
        }
        checked().filter(d -> INFLUENZA_SYMPTOMS.matcher(d.code()).matches()).toList()
                .forEach(d -> d.uncheck("a symptom of influenza, integral to " + influenza.get().code() + " (" + title(influenza.get().code()) + ")"));
    }

    private static final Pattern GOUT = Pattern.compile("\\bgout(y)?\\b");
    private static final Pattern GOUT_CAUSE = Pattern.compile("\\b(drug|lead|diuretic|renal|kidney|secondary|chronic|tophaceous|tophi|pseudogout)\\b");
    /** The joint words of a note and the site of the M10 titles they belong to. */
    private static final Map<Pattern, String> GOUT_SITES = new LinkedHashMap<>();

    static {
        GOUT_SITES.put(Pattern.compile("\\b(toes?|great toe|hallux|mtp|podagra|ankle|foot|feet|heel|midfoot)\\b"), "ankle and foot");
        GOUT_SITES.put(Pattern.compile("\\bknees?\\b"), "knee");
        GOUT_SITES.put(Pattern.compile("\\bwrists?\\b"), "wrist");
        GOUT_SITES.put(Pattern.compile("\\b(hand|fingers?|mcp|pip|dip|thumb)\\b"), "hand");
        GOUT_SITES.put(Pattern.compile("\\belbows?\\b"), "elbow");
        GOUT_SITES.put(Pattern.compile("\\bshoulders?\\b"), "shoulder");
        GOUT_SITES.put(Pattern.compile("\\bhips?\\b"), "hip");
    }

    /**
     * Gout concluded with the joint it is in and no cause (drug, lead, renal, secondary) nor chronic (M1A): idiopathic,
     * that is primary, gout of the site and side (M10.0-), the kind the tabular files "primary gout" under; M10.9 and the
     * M10 header name no site.
     */
    private void goutBySite() {
        for (NoteFacts.Found f : facts.all(GOUT, concluded())) {
            if (f.section() != NoteSections.CONCLUSION) {
                continue;
            }
            String sentence = facts.sentenceOf(f);
            if (GOUT_CAUSE.matcher(sentence).find() || sentence.matches("(?s).*\\b(history of|hx of|h/o)\\s+gout.*")) {
                continue;
            }
            String site = null;
            for (var s : GOUT_SITES.entrySet()) {
                if (s.getKey().matcher(sentence).find()) {
                    site = site == null ? s.getValue() : "multiple";
                }
            }
            if (site == null) {
                continue;
            }
            String side = sentence.matches("(?s).*\\b(right|r)\\b.*") && !sentence.matches("(?s).*\\b(left|l)\\b.*") ? "right"
                    : sentence.matches("(?s).*\\b(left|l)\\b.*") && !sentence.matches("(?s).*\\b(right|r)\\b.*") ? "left" : "unspecified";
            String wantedSite = site;
            Optional<IndexDictionary.Code> code = cm.billableUnder("M10.0").stream().filter(k -> {
                String t = k.title().toLowerCase(Locale.ROOT);
                return wantedSite.equals("multiple") ? t.contains("multiple sites") : t.endsWith(side + " " + wantedSite);
            }).findFirst();
            if (code.isPresent()) {
                combine(code.get().code(), List.of(), f, "gout of the " + site + " with no cause written: idiopathic (primary) gout by site",
                        "M10.9", "M10", "M10.00");
                return;
            }
        }
    }

    // ---- one code per condition -----------------------------------------------------------------------------------

    /**
     * One code per condition. An unspecified code gives way to a specific one of its subcategory (of its category for a
     * ".9" code, and of any category whose title names the same condition: "Anemia, unspecified" beside an iron
     * deficiency anemia) when the specific one matches more of the words; an "Other ..." code needs words the
     * unspecified one lacks, else it gives way. An acute-on-chronic code replaces the acute and the chronic one.
     */
    private void specificity() {
        List<PreCheck.Decision> all = checked().toList();
        for (PreCheck.Decision x : all) {
            for (PreCheck.Decision y : all) {
                if (x == y || !x.checked || !y.checked || x.code().matches("[VWXYZ].*") || y.code().matches("[VWXYZ].*")) {
                    continue;
                }
                String tx = title(x.code());
                String ty = title(y.code());
                if (x.code().startsWith("T14") && y.code().startsWith("S")) {
                    x.uncheck("an injury of unspecified body region beside the injury coded by site: " + y.code());
                    continue;
                }
                if (tx.toLowerCase(Locale.ROOT).contains("unspecified part of") && !ty.toLowerCase(Locale.ROOT).contains("unspecified part of")
                        && x.code().length() >= 5 && y.code().length() >= 5 && x.code().substring(0, 5).equals(y.code().substring(0, 5))) {
                    // "Fracture of unspecified part of neck of left femur" beside the part written (subcapital: S72.01-)
                    x.uncheck("the part is documented: " + y.code() + " (" + ty + ") is coded");
                    continue;
                }
                if (acuteOnChronic(ty) && !acuteOnChronic(tx) && category(x.code()).equals(category(y.code()))
                        && (rest(tx).equals(rest(ty)) || unspecified(tx) && firstWords(rest(tx)).equals(firstWords(rest(ty))))
                        && !rest(tx).equals(tx.toLowerCase(Locale.ROOT))) {
                    // "Chronic respiratory failure with hypercapnia" (J96.12) beside "Acute and chronic ..." (J96.22): another subcategory
                    x.uncheck("acute on chronic is coded with one code: " + y.code() + " (" + ty + ")");
                    continue;
                }
                if (tx.startsWith("Diverticulosis") && ty.startsWith("Diverticulitis") && x.code().length() >= 5 && y.code().length() >= 5
                        && x.code().substring(0, 5).equals(y.code().substring(0, 5))) {
                    // diverticulitis is an inflammation of the diverticula: its code includes the diverticulosis of the same site
                    x.uncheck("the diverticulitis code of the same site includes the diverticulosis: " + y.code() + " (" + ty + ")");
                    continue;
                }
                if (x.code().matches("[A-Z]\\d\\d\\.9") && !unspecified(ty) && x.code().charAt(0) == y.code().charAt(0)
                        && !category(x.code()).equals(category(y.code())) && sameWords(x, y)) {
                    // a chapter's catch-all ("Respiratory disorder, unspecified" from "chronic ... respiratory failure due to COPD") found on
                    // the words of a specific code of the chapter is that condition
                    java.util.Set<String> words = evidenceWords(x, y);
                    if (overlap(ty, words) >= overlap(tx, words)) {
                        x.uncheck("one code per condition at the most specific level: " + y.code() + " (" + ty + ") is coded");
                        continue;
                    }
                }
                if (category(x.code()).equals(category(y.code())) && UNSPECIFIED_SITE.matcher(tx.toLowerCase(Locale.ROOT)).find()
                        && !UNSPECIFIED_SITE.matcher(ty.toLowerCase(Locale.ROOT)).find() && sameSite(tx, ty)) {
                    // "Unilateral primary osteoarthritis, unspecified knee" beside "Bilateral primary osteoarthritis of knee", "Pressure ulcer
                    // of other site, unspecified stage" beside "... of sacral region, stage 4": the site or side is documented
                    x.uncheck("the site or side is documented: " + y.code() + " (" + ty + ") is coded");
                    continue;
                }
                boolean related = sameFamily(x.code(), y.code()) || namesSameCondition(tx, ty);
                if (!related) {
                    continue;
                }
                // "Anemia, unspecified" gives way to "Iron deficiency anemia, unspecified": the second names the kind
                boolean narrower = unspecified(ty) && namesSameCondition(tx, ty) && !namesSameCondition(ty, tx);
                if (unspecified(tx) && (!unspecified(ty) || narrower)) {
                    java.util.Set<String> words = evidenceWords(x, y);
                    int ox = overlap(tx, words);
                    int oy = overlap(ty, words);
                    if (ty.startsWith("Other ") && oy <= ox) {
                        y.uncheck("an \"other\" code needs a kind the note names; " + x.code() + " (" + tx + ") is coded");
                    } else if (oy >= ox) {
                        x.uncheck("one code per condition at the most specific level: " + y.code() + " (" + ty + ") is coded");
                    }
                } else if (acuteOnChronic(ty) && !acuteOnChronic(tx) && category(x.code()).equals(category(y.code()))
                        && rest(tx).equals(rest(ty)) && !rest(tx).equals(tx.toLowerCase(Locale.ROOT))) {
                    x.uncheck("acute on chronic is coded with one code: " + y.code() + " (" + ty + ")");
                } else if (x.code().startsWith("T14") && y.code().startsWith("S")) {
                    x.uncheck("an injury of unspecified body region beside the injury coded by site: " + y.code());
                } else if (!x.derived && !y.derived && x.code().length() > 5 && y.code().length() > 5 && sameWords(x, y)
                        && x.code().substring(0, 5).equals(y.code().substring(0, 5)) && !unspecified(ty) && !unspecified(tx)
                        && !(DIABETES_CODE.matcher(x.code()).matches() && DIABETES_CODE.matcher(y.code()).matches())) {
                    // (diabetes: as many codes of its category as its complications need, I.C.4.a: E11.69 with the osteomyelitis
                    // beside E11.621 with the foot ulcer)
                    // two siblings from the same words ("index" vs "middle" finger): keep the one the words fit best
                    java.util.Set<String> words = evidenceWords(x, y);
                    int ox = overlap(tx, words);
                    int oy = overlap(ty, words);
                    if (oy > ox || oy == ox && (y.candidate.score() > x.candidate.score()
                            || y.candidate.score() == x.candidate.score() && y.code().compareTo(x.code()) < 0)) {
                        x.uncheck("one code per condition: " + y.code() + " (" + ty + ") fits the words better");
                    }
                }
            }
        }
    }

    /**
     * A checked code of an unspecified kind ("Maternal care for unspecified type scar from previous cesarean delivery")
     * beside exactly one sibling whose own words the note affirms where the code is written ("low transverse"): the
     * coder goes as deep as the documentation allows (I.B.1, I.B.3).
     */
    private static final String INDEX_ROUTE = "Alphabetic Index: ";

    /**
     * A main term written alone ("... c/w colitis") is the same condition the note names elsewhere with its kind ("Clostridioides
     * difficile colitis": the index's "Colitis > Clostridium difficile"): one condition, one code, the deeper one (K52.9 gives way).
     */
    /**
     * Anaphylaxis (T78.0-, T78.2, T88.6, T80.52-) is defined by its hives, angioedema, wheeze, hypotension and vomiting: integral to
     * its code, not coded beside it (signs and symptoms routinely part of a condition, I.B.5).
     */
    private static final Pattern REPEATED_FALLS = Pattern.compile("\\b(repeated|recurrent|frequent|multiple|several|\\d+|two|three|four) (\\w+ )?falls\\b"
            + "|\\bfalls? (repeatedly|recurrently|frequently)\\b");

    /** "Repeated falls" (R29.6) only when the note writes them: one fall that injured is the external cause (W00-W19), not R29.6. */
    private void repeatedFalls() {
        if (isChecked("R29.6") && facts.first(REPEATED_FALLS, CHART).isEmpty()) {
            uncheck("R29.6", "one fall is not \"repeated falls\": the fall of an injury is its external cause (W00-W19)");
        }
    }

    private void anaphylaxisManifestations() {
        if (checked().noneMatch(d -> d.code().matches("T78\\.0.*|T78\\.2.*|T88\\.6.*|T80\\.52.*"))) {
            return;
        }
        checked().filter(d -> d.code().matches("L50\\..*|T78\\.3.*|R06\\.2|I95\\.9|R11\\..*|R21|R23\\.0|R06\\.1|R49\\.0")).toList()
                .forEach(d -> d.uncheck("a manifestation that defines the anaphylaxis coded: integral to it"));
    }

    private static final Pattern ANOTHER = Pattern.compile("\\b(second|another|separate|additional)\\b");

    private void mainTermAlone() {
        for (PreCheck.Decision x : checked().toList()) {
            List<String> routes = x.candidate.mentions().stream().filter(PreCheck::indexRoute).map(Candidate.Mention::route).distinct().toList();
            if (routes.isEmpty() || !routes.stream().allMatch(r -> r.startsWith(INDEX_ROUTE) && !r.contains(" > "))) {
                continue;
            }
            if (x.candidate.mentions().stream().filter(PreCheck::indexRoute).anyMatch(m -> ANOTHER.matcher(sentenceText(m.sentence())).find())) {
                // "A second pneumonia in the left lung": another condition of the same kind
                continue;
            }
            java.util.Set<String> mainTerms = new java.util.HashSet<>(routes);
            checked().filter(y -> y != x && !y.code().equals(x.code()) && y.candidate.mentions().stream()
                            .anyMatch(m -> mainTerms.stream().anyMatch(t -> m.route().startsWith(t + " > "))))
                    .findFirst().ifPresent(y -> x.uncheck("the same condition the note names with its kind: " + y.code() + " (" + title(y.code()) + ")"));
        }
    }

    private static final Pattern NOT_SPECIFIED_AS = Pattern.compile("\\bnot specified as ([a-z]+)");

    /**
     * Two codes of one subcategory, "..., recurrent" and "..., not specified as recurrent" (A04.71, A04.72): the first only when the
     * note affirms the word where the condition is written ("initial episode" is no recurrence), else the second.
     */
    private void notSpecifiedAs() {
        for (PreCheck.Decision x : checked().toList()) {
            Matcher m = NOT_SPECIFIED_AS.matcher(title(x.code()).toLowerCase(Locale.ROOT));
            if (!m.find() || x.code().length() < 5) {
                continue;
            }
            String word = m.group(1);
            String parent = x.code().substring(0, x.code().length() - 1);
            for (PreCheck.Decision y : checked().filter(y -> y != x && y.code().startsWith(parent) && y.code().length() == x.code().length()).toList()) {
                String ty = title(y.code()).toLowerCase(Locale.ROOT);
                if (!ty.matches("(?s).*\\b" + word + "\\b.*") || ty.contains("not specified as")) {
                    continue;
                }
                if (affirmedWords(y).contains(word)) {
                    x.uncheck("the note writes it " + word + ": " + y.code());
                } else {
                    y.uncheck("not written " + word + " where the condition is: " + x.code() + " (" + title(x.code()) + ")");
                }
            }
        }
    }

    private void unspecifiedKind() {
        for (PreCheck.Decision x : checked().toList()) {
            String tx = title(x.code()).toLowerCase(Locale.ROOT);
            if (x.code().length() < 5 || !tx.contains("unspecified") || x.candidate.mentions().isEmpty()) {
                continue;
            }
            java.util.Set<String> own = new java.util.HashSet<>();
            WORD.matcher(tx).results().forEach(r -> own.add(r.group()));
            java.util.Set<String> affirmed = affirmedWords(x);
            String parent = x.code().substring(0, x.code().length() - 1);
            List<String> fitting = new ArrayList<>();
            for (IndexDictionary.Code sibling : cm.billableUnder(parent.endsWith(".") ? parent.substring(0, parent.length() - 1) : parent)) {
                String ts = sibling.title().toLowerCase(Locale.ROOT);
                if (sibling.code().equals(x.code()) || sibling.code().length() != x.code().length() || ts.contains("unspecified")) {
                    continue;
                }
                List<String> extra = WORD.matcher(sibling.title().toLowerCase(Locale.ROOT)).results().map(java.util.regex.MatchResult::group)
                        .filter(w -> w.length() > 2 && !own.contains(w) && !KIND_FILLER.contains(w)).toList();
                if (!extra.isEmpty() && affirmed.containsAll(extra) && !SIDES.containsAll(extra)) {
                    fitting.add(sibling.code());
                }
            }
            if (fitting.size() == 1) {
                combine(fitting.get(0), x.candidate.mentions(), null, "the kind the note documents", x.code());
            }
        }
    }

    private static final Pattern SIDE_WORD = Pattern.compile("\\b(right|left|bilateral)\\b");
    private static final Pattern SIDE_LETTER = Pattern.compile("(?<![\\d.]\\s?)\\b([LR])\\s+(?=[a-z]{3,})");

    /**
     * Laterality (I.B.13): a code of an unspecified side ("Puncture wound with foreign body of unspecified hand") whose sentences
     * write one side ("... of L hand", "left") is the sibling of that side, the title the same but for the side.
     */
    private void sideWritten() {
        for (PreCheck.Decision x : checked().toList()) {
            String tx = title(x.code()).toLowerCase(Locale.ROOT);
            if (!tx.contains("unspecified") || x.candidate.mentions().isEmpty()) {
                continue;
            }
            // the side of each sentence that writes one ("L ICA stenosis"; one that writes both sides says nothing of this one)
            java.util.Set<String> sides = new java.util.HashSet<>();
            for (Candidate.Mention m : x.candidate.mentions()) {
                String raw = facts.note().text().substring(facts.note().sentences().get(m.sentence()).start(), facts.note().sentences().get(m.sentence()).end());
                java.util.Set<String> here = new java.util.HashSet<>();
                Matcher letter = SIDE_LETTER.matcher(raw);
                while (letter.find()) {
                    here.add(letter.group(1).equals("L") ? "left" : "right");
                }
                Matcher word = SIDE_WORD.matcher(raw.toLowerCase(Locale.ROOT));
                while (word.find()) {
                    here.add(word.group(1));
                }
                if (here.size() == 1) {
                    sides.addAll(here);
                }
            }
            if (sides.size() != 1) {
                continue;
            }
            String side = sides.iterator().next();
            String wanted = tx.replaceFirst("\\bunspecified\\b", side);
            String parent = x.code().substring(0, Math.min(5, x.code().length()));
            cm.billableUnder(parent).stream().filter(k -> k.code().length() == x.code().length() && !k.code().equals(x.code())
                    && k.title().toLowerCase(Locale.ROOT).equals(wanted)).findFirst()
                    .ifPresent(k -> {
                        add(k.code(), x.candidate.mentions(), null, "laterality (I.B.13): the side the note writes (" + side + ")");
                        uncheck(x.code(), "the note writes the side (" + side + "): " + k.code());
                    });
        }
    }

    private static final java.util.Set<String> SIDES = java.util.Set.of("right", "left", "bilateral", "dominant", "nondominant", "side");
    private static final java.util.Set<String> KIND_FILLER = java.util.Set.of("other", "specified", "with", "and", "the", "for", "not", "elsewhere",
            "classified", "type");

    private static final Pattern WITHOUT_WHAT = Pattern.compile("\\bwithout ([a-z ]+?)(,|$| and | or )");

    /**
     * Two codes of one category, "... without X" and "... with X" (N40.0 and N40.1, K21.00 and K21.01): one condition,
     * one code; the "with" code when the note affirms X where the condition is written, else the "without" one.
     */
    private void withOrWithout() {
        List<PreCheck.Decision> all = checked().toList();
        for (PreCheck.Decision x : all) {
            Matcher m = WITHOUT_WHAT.matcher(title(x.code()).toLowerCase(Locale.ROOT).replaceAll("\\([^)]*\\)", "").replaceAll("\\s+", " "));
            // each "without" of the title: "Migraine without aura, not intractable, without status migrainosus" has two
            while (m.find()) {
                withOrWithout(x, m.group(1).trim(), all);
            }
        }
    }

    private void withOrWithout(PreCheck.Decision x, String what, List<PreCheck.Decision> all) {
        for (PreCheck.Decision y : all) {
            String ty = title(y.code()).toLowerCase(Locale.ROOT).replaceAll("\\([^)]*\\)", "").replaceAll("\\s+", " ");
            if (x == y || !x.checked || !y.checked || !category(x.code()).equals(category(y.code())) || !ty.contains("with " + what)) {
                continue;
            }
            java.util.Set<String> affirmed = affirmedWords(x, y);
            boolean documented = WORD.matcher(what).results().map(java.util.regex.MatchResult::group)
                    .filter(w -> w.length() > 3 && !w.equals("with")).allMatch(w -> affirmed.stream().anyMatch(a -> a.startsWith(w.substring(0, Math.min(5, w.length())))));
            if (documented) {
                x.uncheck("one code per condition: the note documents " + what + ", " + y.code() + " (" + title(y.code()) + ")");
            } else {
                y.uncheck("one code per condition: the note does not document " + what + ", " + x.code() + " (" + title(x.code()) + ")");
            }
        }
    }

    /**
     * A code reached only through an index path ending in "NEC" (not elsewhere classified: "Rhinitis > allergic >
     * seasonal NEC") gives way to a code of its category checked from the same sentence: the words are classified there.
     */
    private void notElsewhereClassified() {
        List<PreCheck.Decision> all = checked().toList();
        for (PreCheck.Decision x : all) {
            List<Candidate.Mention> indexed = x.candidate.mentions().stream().filter(PreCheck::indexRoute).toList();
            if (x.derived || indexed.isEmpty() || !indexed.stream().allMatch(m -> m.route().endsWith(" NEC")
                    || m.route().startsWith(IndexDictionary.Source.TITLE.label() + ": Other "))) {
                continue;
            }
            all.stream().filter(y -> y != x && y.checked && category(y.code()).equals(category(x.code()))
                    && y.candidate.mentions().stream().anyMatch(o -> indexed.stream().anyMatch(m -> m.sentence() == o.sentence())))
                    .findFirst().ifPresent(y -> x.uncheck("not elsewhere classified: the words are classified at " + y.code() + " (" + title(y.code()) + ")"));
        }
    }

    /** The words of the sentences the codes are written in, negated ones left out. */
    private java.util.Set<String> affirmedWords(PreCheck.Decision... decisions) {
        java.util.Set<Integer> sentences = new java.util.HashSet<>();
        for (PreCheck.Decision d : decisions) {
            d.candidate.mentions().forEach(m -> sentences.add(m.sentence()));
        }
        java.util.Set<String> words = new java.util.HashSet<>();
        for (org.codedesk.casecoding.text.ClinicalText.Word w : facts.note().words()) {
            if (sentences.contains(w.sentence()) && w.assertion() != org.codedesk.casecoding.text.Assertion.ABSENT) {
                WORD.matcher(w.text().toLowerCase(Locale.ROOT)).results().forEach(r -> words.add(r.group()));
            }
        }
        return words;
    }

    /** A title of an unspecified side or an unnamed site: "..., unspecified knee", "... of other site, unspecified stage". */
    private static final Pattern UNSPECIFIED_SITE = Pattern.compile("\\bunspecified (knee|hip|shoulder|elbow|wrist|hand|ankle|foot|eye|ear|side"
            + "|upper limb|lower limb|leg|arm)\\b|\\b(of )?(other|unspecified) site\\b");
    private static final Pattern SITE_WORDS = Pattern.compile("\\b(knee|hip|shoulder|elbow|wrist|hand|ankle|foot|eye|ear)\\b");

    /** Whether the unspecified-site title x and the site-specific title y speak of the same joint (or x names none). */
    private static boolean sameSite(String x, String y) {
        Matcher m = SITE_WORDS.matcher(x.toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return true;
        }
        return y.toLowerCase(Locale.ROOT).matches("(?s).*\\b" + m.group(1) + "s?\\b.*");
    }

    // ---- round i22k -------------------------------------------------------------------------------------------

    /** I13 includes every condition of I11 and I12 (its Includes note): I10, I11.- and I12.- do not stand beside it. */
    private void hypertensiveCombinationHolds() {
        if (!isChecked("I13")) {
            return;
        }
        checked().filter(d -> d.code().equals("I10") || d.code().startsWith("I11") || d.code().startsWith("I12")).toList()
                .forEach(d -> d.uncheck("hypertensive heart and chronic kidney disease is one code (I13 includes I11 and I12)"));
    }

    private static final Pattern ULCER_CODE = Pattern.compile("K2[5-8]\\.[379]");
    private static final Pattern BLEEDING = Pattern.compile("\\b(bleed\\w*|bled|hemorrhag\\w*|haemorrhag\\w*|melena|hematemesis|visible vessel"
            + "|active oozing|oozing|coffee[- ]ground)\\b");
    private static final Pattern ACUTE_ULCER = Pattern.compile("\\bacute (gastric|duodenal|peptic|gastrojejunal|stomach|pyloric|bulb\\w*)( bulb)? ulcers?\\b");

    /**
     * A peptic ulcer that bled is the ulcer "with hemorrhage" (K25-K28, fourth character 0 acute or 4 chronic or unspecified): the
     * bleeding written with the ulcer ("Bleeding duodenal ulcer", "upper GI bleed from duodenal ulcer"; not "no bleeding"); "acute"
     * only when it is the ulcer's word ("acute duodenal ulcer", not "acute upper GI bleed"); the melena, hematemesis or GI
     * hemorrhage code is then integral to it (I.B.5).
     */
    private void ulcerWithHemorrhage() {
        for (PreCheck.Decision d : checked().filter(x -> ULCER_CODE.matcher(x.code()).matches()).toList()) {
            String category = category(d.code());
            String ulcerWord = switch (category) {
                case "K25" -> "(gastric|stomach|antral|pyloric)";
                case "K26" -> "(duodenal|duodenum|bulb)";
                case "K27" -> "(peptic)";
                default -> "(gastrojejunal|marginal|anastomotic)";
            };
            Pattern ulcer = Pattern.compile("\\b" + ulcerWord + "\\b[^.;]{0,40}\\bulcers?\\b|\\bulcers?\\b[^.;]{0,20}\\b" + ulcerWord + "\\b");
            NoteFacts.Found bled = null;
            boolean acute = false;
            List<Candidate.Mention> base = new ArrayList<>(d.candidate.mentions());
            for (NoteFacts.Found f : facts.all(ulcer, CONCLUDED)) {
                String sentence = facts.sentenceOf(f);
                Matcher b = BLEEDING.matcher(sentence);
                while (b.find()) {
                    String before = sentence.substring(Math.max(0, b.start() - 25), b.start());
                    if (!before.matches("(?s).*\\b(no|not|without|denies|never)\\b[^.,;]*$")) {
                        // every concluded mention of the bleeding ulcer is its evidence ("1. Bleeding duodenal ulcer" places it first)
                        bled = bled == null ? f : bled;
                        base.add(f.mention());
                        break;
                    }
                }
                acute |= ACUTE_ULCER.matcher(sentence).find();
            }
            if (bled == null) {
                continue;
            }
            String code = category + "." + (acute ? "0" : "4");
            if (cm.code(code).isEmpty()) {
                continue;
            }
            combine(code, base, bled, "a peptic ulcer that bled: the ulcer with hemorrhage", d.code());
            checked().filter(x -> x.code().equals("K92.0") || x.code().equals("K92.1") || x.code().equals("K92.2")).toList()
                    .forEach(x -> x.uncheck("the bleeding is part of the ulcer with hemorrhage (" + code + "): a sign integral to the diagnosis"));
        }
        if (checked().anyMatch(d -> d.code().matches("K2[5-9]\\..*")) && !isChecked("B96.81")) {
            // H. pylori found with the ulcer or gastritis: use additional code to identify the organism (B96.81)
            // found: a positive test or its treatment, and no result written negative ("biopsies for H. pylori", "negative for H. pylori": none)
            boolean negative = facts.all(H_PYLORI, CHART).stream().anyMatch(f -> facts.sentenceOf(f).matches("(?s).*\\b(neg|negative|not detected)\\b.*"));
            facts.all(H_PYLORI, CHART).stream().filter(f -> !negative && facts.sentenceOf(f).matches("(?s).*\\b(positive|pos|detected|found|infection"
                            + "|attributed|due to|quadruple|triple|eradicat\\w*)\\b.*|(?s).*\\+.*"))
                    .findFirst().ifPresent(f -> add("B96.81", List.of(), f, "H. pylori as the cause of the ulcer or gastritis (use additional code)"));
        }
    }

    private static final Pattern DEMENTIA = Pattern.compile("\\b(dementia|alzheimer'?s dementia)\\b");
    private static final Pattern SEVERITY = Pattern.compile("\\b(mild|moderate|severe|advanced|end[- ]stage|late[- ]stage)\\b");
    private static final Pattern AGITATION = Pattern.compile("\\b(agitation|agitated|aggressive|aggression|combative|violent|behavioral disturbance"
            + "|behavioural disturbance)\\b");

    /**
     * Alzheimer's disease with dementia (G30.-: use additional code to identify dementia, F02.8-, F02.A-, F02.B-, F02.C-): the
     * dementia by the severity the note writes (mild A, moderate B, severe or advanced C, else 8), with agitation (x11) when
     * written and not negated, else without behavioral disturbance (x0).
     */
    private void dementiaOfAlzheimer() {
        if (!isChecked("G30") || isChecked("F02") || isChecked("F03")) {
            return;
        }
        facts.all(DEMENTIA, CHART).stream().findFirst().ifPresent(f -> {
            String text = facts.note().text().toLowerCase(Locale.ROOT);
            String severity = "8";
            for (NoteFacts.Found d : facts.all(DEMENTIA, CHART)) {
                Matcher m = SEVERITY.matcher(facts.sentenceOf(d));
                if (m.find()) {
                    severity = switch (m.group(1)) {
                        case "mild" -> "A";
                        case "moderate" -> "B";
                        default -> "C";
                    };
                    break;
                }
            }
            boolean agitation = false;
            Matcher a = AGITATION.matcher(text);
            while (a.find()) {
                String before = text.substring(Math.max(0, a.start() - 25), a.start());
                if (!before.matches("(?s).*\\b(no|not|without|denies|never)\\b[^.,;]*$")) {
                    agitation = true;
                    break;
                }
            }
            String code = "F02." + severity + (agitation ? "11" : "0");
            add(code, mentionsOf("G30"), f, "the dementia of Alzheimer's disease (use additional code at G30), by its severity");
        });
    }

    private static final Pattern PROSTHESIS_LOOSENING = Pattern.compile("\\b(loosening|loose|instability|unstable|dislocat\\w*|wear|broken|fractured)"
            + "\\b[^.;]{0,50}\\b(total )?(knee|hip)\\b[^.;]{0,15}\\b(arthroplasty|prosthesis|prosthetic|replacement|implant|components?)\\b"
            + "|\\b(tka|tha|(total )?(knee|hip) (arthroplasty|prosthesis|replacement))\\b[^.;]{0,40}\\b(loosening|loose|instability|unstable"
            + "|dislocat\\w*|wear|broken|fractured)\\b");

    /**
     * A mechanical complication of an internal joint prosthesis (T84.0-) by its kind (broken 1, dislocation or instability 2, loosening
     * 3, wear 6), joint and side (right hip 0, left hip 1, right knee 2, left knee 3), the encounter of its treatment (A initial):
     * "aseptic loosening of the L total knee" T84.033A. Concluded, not a risk or a past one.
     */
    private void jointProsthesisComplication() {
        if (isChecked("T84.0")) {
            return;
        }
        for (NoteFacts.Found f : facts.all(PROSTHESIS_LOOSENING, CONCLUDED)) {
            String sentence = facts.sentenceOf(f);
            if (sentence.matches("(?s).*\\b(no|without|risk|prevent\\w*|precautions)\\b.*(loos|dislocat|instab|wear).*")) {
                continue;
            }
            String kind = f.text().matches("(?s).*\\b(loosening|loose)\\b.*") ? "3" : f.text().matches("(?s).*\\b(dislocat\\w*|instability|unstable)\\b.*")
                    ? "2" : f.text().matches("(?s).*\\bwear\\b.*") ? "6" : "1";
            boolean knee = f.text().matches("(?s).*\\b(knee|tka)\\b.*");
            String side = RevisionAndAmputation.sideOf(sentence);
            if (!side.equals("right") && !side.equals("left")) {
                continue;
            }
            String code = "T84.0" + kind + (knee ? (side.equals("right") ? "2" : "3") : (side.equals("right") ? "0" : "1")) + "A";
            add(code, List.of(), f, "mechanical complication of the " + side + " " + (knee ? "knee" : "hip") + " joint prosthesis, initial encounter");
            return;
        }
    }

    private static final Pattern NEWBORN = Pattern.compile("\\b(newborn|neonat\\w*|nicu|nursery|infant|baby|dol ?\\d"
            + "|\\d+[- ](day|days|hour|hours|hr|week|weeks|wk|wks|month|months|mo)[- ]old|perinatal|congenital)\\b");

    /**
     * Codes of chapter 16 (P00-P96, conditions originating in the perinatal period) belong to the newborn's record and are never
     * reported on the mother's (I.C.16.a): not with an obstetric code, nor in a note that names no newborn ("rubella immune" of the
     * prenatal labs is no congenital rubella).
     */
    private void perinatalCodesAreTheNewborns() {
        boolean mother = isChecked("O") || isChecked("Z3A") || isChecked("Z37");
        if (!mother && NEWBORN.matcher(facts.note().text().toLowerCase(Locale.ROOT)).find()) {
            return;
        }
        checked().filter(d -> d.code().matches("P[0-9].*")).toList()
                .forEach(d -> d.uncheck("a perinatal condition (chapter 16) is coded on the newborn's record, not this one"));
    }

    /** "Infection NOS" (B99.9) gives way to the sepsis or the infection coded ("infected sacral pressure ulcer" of a sepsis). */
    private void infectionNamedBesideSepsis() {
        if (!isChecked("B99.9")) {
            return;
        }
        if (checked().anyMatch(d -> !d.code().equals("B99.9") && (d.code().matches("A[0-4].*|B[0-9].*|R65\\.2.*")
                || title(d.code()).toLowerCase(Locale.ROOT).matches("(?s).*\\b(infection|infectious|sepsis|cellulitis|abscess|osteomyelitis|pneumonia)\\b.*")))) {
            uncheck("B99.9", "the infection is coded by what it is (the sepsis or the infection named)");
        }
    }

    private static final Pattern BLOOD_TYPE = Pattern.compile("\\b(blood type|blood group|rh[- ]?(negative|positive|neg|pos|\\+|-))");

    /** A blood type (Z67.-) read in the labs or the prenatal history is a result; it is reported when the provider concludes on it. */
    private void bloodTypeOnlyWhenConcluded() {
        if (isChecked("Z67") && facts.first(BLOOD_TYPE, EnumSet.of(NoteSections.CONCLUSION)).isEmpty()) {
            checked().filter(d -> d.code().startsWith("Z67")).toList()
                    .forEach(d -> d.uncheck("a blood type in the results or history is not a diagnosis the provider concluded"));
        }
    }

    private static boolean sameSentence(PreCheck.Decision x, PreCheck.Decision y) {
        return x.candidate.mentions().stream().anyMatch(a -> y.candidate.mentions().stream().anyMatch(b -> a.sentence() == b.sentence()));
    }

    /** Whether two codes were found on the same words of the note (a mention of one overlaps a mention of the other). */
    private static boolean sameWords(PreCheck.Decision x, PreCheck.Decision y) {
        return x.candidate.mentions().stream().anyMatch(a -> y.candidate.mentions().stream()
                .anyMatch(b -> a.sentence() == b.sentence() && a.first() <= b.last() && b.first() <= a.last()));
    }

    /** A ".9" code is compared within its category, any other within its subcategory (E11.40 is not E11.65's rival). */
    private static boolean sameFamily(String x, String y) {
        int dot = x.indexOf('.');
        if (dot < 0 || x.length() <= dot + 1) {
            return category(x).equals(category(y));
        }
        return x.charAt(dot + 1) == '9' ? category(x).equals(category(y)) : y.startsWith(x.substring(0, dot + 2));
    }

    /** "Anemia, unspecified" and "Iron deficiency anemia, unspecified"; "Unspecified atrial fibrillation" and "Other persistent atrial fibrillation". */
    private static boolean namesSameCondition(String unspecifiedTitle, String other) {
        String t = unspecifiedTitle.toLowerCase(Locale.ROOT);
        String head = t.startsWith("unspecified ") ? t.substring("unspecified ".length()) : t.endsWith(", unspecified") ? t.substring(0, t.length() - 13) : null;
        return head != null && head.length() > 4 && !head.contains(",") && other.toLowerCase(Locale.ROOT).contains(head);
    }

    private java.util.Set<String> evidenceWords(PreCheck.Decision... decisions) {
        java.util.Set<String> words = new java.util.HashSet<>();
        for (PreCheck.Decision d : decisions) {
            for (Candidate.Mention m : d.candidate.mentions()) {
                org.codedesk.casecoding.text.ClinicalText.Sentence s = facts.note().sentences().get(m.sentence());
                Matcher w = WORD.matcher(facts.note().text().substring(s.start(), s.end()).toLowerCase(Locale.ROOT));
                while (w.find()) {
                    words.add(w.group());
                }
            }
        }
        return words;
    }

    private static final Pattern WORD = Pattern.compile("[a-z0-9]+");

    private static int overlap(String title, java.util.Set<String> words) {
        int n = 0;
        Matcher w = WORD.matcher(title.toLowerCase(Locale.ROOT));
        while (w.find()) {
            if (w.group().length() > 2 && !w.group().equals("unspecified") && !w.group().equals("other") && words.contains(w.group())) {
                n++;
            }
        }
        return n;
    }

    private static boolean unspecified(String title) {
        String t = title.toLowerCase(Locale.ROOT);
        return t.contains("unspecified") || t.contains("without complications") || t.endsWith("uncomplicated") || t.contains(", not otherwise");
    }

    private static boolean acuteOnChronic(String title) {
        String t = title.toLowerCase(Locale.ROOT);
        return t.startsWith("acute on chronic ") || t.startsWith("acute and chronic ");
    }

    /** The first two words of a title ("respiratory failure ..."). */
    private static String firstWords(String title) {
        String[] w = title.trim().split("[ ,]+");
        return w.length >= 2 ? w[0] + " " + w[1] : title;
    }

    /** The title without its acuity ("Chronic systolic (congestive) heart failure" gives "systolic (congestive) heart failure"). */
    private static String rest(String title) {
        return title.toLowerCase(Locale.ROOT).replaceFirst("^(acute on chronic|acute and chronic|acute|chronic) ", "");
    }

    /**
     * A sign or symptom whose words are part of a checked diagnosis's words in the same sentence is integral to it
     * (I.B.4-5): "Phantom limb syndrome with pain" is G54.6, not also a pain in the leg.
     */
    private void symptomsWithinDiagnoses() {
        List<PreCheck.Decision> all = checked().toList();
        for (PreCheck.Decision s : all) {
            if (!symptom(s.code()) || s.derived || s.candidate.mentions().isEmpty()) {
                continue;
            }
            for (PreCheck.Decision d : all) {
                if (d == s || !d.checked || symptom(d.code()) || d.code().matches("[VWXYZ].*")) {
                    continue;
                }
                List<Candidate.Mention> concludedMentions = s.candidate.mentions().stream()
                        .filter(m -> NoteSections.of(facts.note(), m.sentence()) == NoteSections.CONCLUSION).toList();
                boolean within = !concludedMentions.isEmpty() && concludedMentions.stream().allMatch(m -> d.candidate.mentions().stream()
                        .anyMatch(o -> o.sentence() == m.sentence() && PreCheck.indexRoute(o) && !o.route().startsWith("Coding rule")
                                && o.last() - o.first() <= 8 && m.first() >= o.first() && m.first() <= o.last()));
                if (within) {
                    s.uncheck("a sign or symptom within the words of " + d.code() + " (" + title(d.code()) + "): integral to it");
                    break;
                }
            }
        }
    }

    private boolean symptom(String code) {
        // melena, hematemesis and "GI hemorrhage" (K92.0-K92.2) are the signs of a bleeding lesion, filed in chapter 11
        return code.startsWith("R") && !code.matches("R65\\.[12].*") || code.matches("K92\\.[012]")
                || title(code).toLowerCase(Locale.ROOT).matches("^(pain|elevated|abnormal)\\b.*");
    }

    /** "urinary frequency (R35.0)": an item of a "Use additional code" note, its words and the code it names. */
    private static final Pattern ADDITIONAL_ITEM = Pattern.compile("([a-z][a-z '-]*?)\\s*\\(([A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?)\\)");

    /**
     * The codes a "Use additional code" note of a checked diagnosis lists ("for associated symptoms, when specified:
     * incomplete bladder emptying (R39.14), ... urinary frequency (R35.0), ... weak urinary stream (R39.12)" at N40.1),
     * when every word of an item is written, affirmed, in a sentence of the conclusion that holds the diagnosis: the
     * tabular names the code for those words, so it replaces a code the index gave the same words ("incomplete bladder
     * emptying" is R39.14 there, not the index's R33.9 retention), and the listed codes are not rivals of each other.
     */
    private void symptomsAUseAdditionalNoteNames() {
        Map<Integer, Set<String>> listedWords = new HashMap<>();
        for (PreCheck.Decision d : checked().toList()) {
            if (!d.checked || d.code().matches("[RVWXYZ].*")) {
                continue;
            }
            Set<Integer> sentences = new java.util.HashSet<>();
            d.candidate.mentions().stream().filter(m -> NoteSections.of(facts.note(), m.sentence()) == NoteSections.CONCLUSION)
                    .forEach(m -> sentences.add(m.sentence()));
            if (sentences.isEmpty()) {
                continue;
            }
            for (String text : rules.useAdditionalTexts(d.code())) {
                Matcher m = ADDITIONAL_ITEM.matcher(text);
                while (m.find()) {
                    String code = m.group(2);
                    List<String> itemStems = Stems.words(m.group(1)).stream().filter(w -> w.length() > 2 && !Stems.isFiller(w))
                            .map(Stems::stem).toList();
                    if (itemStems.isEmpty() || cm.code(code).filter(IndexDictionary.Code::billable).isEmpty()) {
                        continue;
                    }
                    for (int s : sentences) {
                        Map<String, Candidate.Mention> affirmed = affirmedStems(s);
                        if (!affirmed.keySet().containsAll(itemStems)) {
                            continue;
                        }
                        List<Candidate.Mention> words = itemStems.stream().map(affirmed::get).toList();
                        int first = words.stream().mapToInt(Candidate.Mention::first).min().orElseThrow();
                        int last = words.stream().mapToInt(Candidate.Mention::last).max().orElseThrow();
                        Candidate.Mention where = new Candidate.Mention(s, first, last, Assertion.PRESENT,
                                "Coding rule: \"" + m.group(1).trim() + "\" (use additional code at " + d.code() + ")");
                        add(code, List.of(where), null, m.group(1).trim() + " (the \"Use additional code\" note at " + d.code() + " lists "
                                + code + ")");
                        PreCheck.Decision added = dx.get(code);
                        if (added != null) {
                            added.listedBy = d.code();
                        }
                        itemStems.forEach(stem -> listedWords.computeIfAbsent(s, k -> new java.util.HashSet<>()).add(stem));
                        break;
                    }
                }
            }
        }
        // a symptom code the index gave the words of listed items gives way to the codes the tabular names for them
        for (PreCheck.Decision other : checked().toList()) {
            if (!other.checked || !other.code().startsWith("R") || other.listedBy != null) {
                continue;
            }
            List<Candidate.Mention> routes = other.candidate.mentions().stream().filter(PreCheck::indexRoute).toList();
            boolean within = !routes.isEmpty() && routes.stream().allMatch(o -> listedWords.containsKey(o.sentence())
                    && wordsOf(o).stream().allMatch(listedWords.get(o.sentence())::contains));
            if (within) {
                other.uncheck("the \"Use additional code\" note of a checked code names other codes for these words");
            }
        }
    }

    /** The content stems of the words of a mention. */
    private List<String> wordsOf(Candidate.Mention m) {
        List<String> stems = new ArrayList<>();
        for (int w = m.first(); w <= m.last(); w++) {
            facts.note().words().get(w).stems().stream().filter(st -> st.length() > 2 && !Stems.isFiller(st)).forEach(stems::add);
        }
        return stems;
    }

    /** The stems of the affirmed words of one sentence, each with where it is written. */
    private Map<String, Candidate.Mention> affirmedStems(int sentence) {
        Map<String, Candidate.Mention> stems = new HashMap<>();
        ClinicalText.Sentence s = facts.note().sentences().get(sentence);
        for (int w = s.firstWord(); w < s.endWord(); w++) {
            ClinicalText.Word word = facts.note().words().get(w);
            if (word.assertion() == Assertion.PRESENT || word.assertion() == Assertion.HISTORY) {
                for (String stem : word.stems()) {
                    stems.putIfAbsent(stem, new Candidate.Mention(sentence, w, w, word.assertion(), ""));
                }
            }
        }
        return stems;
    }

    /**
     * Codes that are not reported beside others: a bacteremia beside a sepsis (R78.81 Excludes1: sepsis, code to the
     * infection), a liveborn infant (Z38, the newborn's record) beside the mother's obstetric codes, O80 (uncomplicated
     * full-term delivery) beside any other chapter 15 code (I.C.15.b.4).
     */
    private static final Pattern PSYCHOTIC_DISORDER = Pattern.compile("F2[0-5]\\..*|F2[0-5]|F30\\.2|F31\\.[25]|F32\\.3|F33\\.3");

    private void notCodedTogether() {
        List<PreCheck.Decision> all = checked().toList();
        boolean sepsis = all.stream().anyMatch(d -> d.code().matches("A4[01]\\..*|A02\\.1|A22\\.7|A26\\.7|A32\\.7|A39\\.4|B37\\.7|R65\\.2.*"));
        boolean obstetric = all.stream().anyMatch(d -> d.code().matches("O.*|Z37.*|Z3A.*"));
        boolean otherObstetric = all.stream().anyMatch(d -> d.code().startsWith("O") && !d.code().equals("O80"));
        boolean weeksKnown = all.stream().anyMatch(d -> d.code().matches("Z3A\\.[1-4]\\d|Z3A\\.0[89]"));
        boolean psychotic = all.stream().anyMatch(d -> PSYCHOTIC_DISORDER.matcher(d.code()).matches());
        for (PreCheck.Decision d : all) {
            if (sepsis && d.code().equals("R78.81")) {
                d.uncheck("a bacteremia is integral to the sepsis coded (R78.81 Excludes1: sepsis)");
            } else if (obstetric && d.code().startsWith("Z38")) {
                d.uncheck("a liveborn infant code belongs on the newborn's record; the mother's is the outcome of delivery (Z37)");
            } else if (otherObstetric && d.code().equals("O80")) {
                d.uncheck("O80 is for a delivery with no other chapter 15 code (I.C.15.b.4)");
            } else if (weeksKnown && d.code().equals("Z3A.00")) {
                d.uncheck("the weeks of gestation are documented: not \"weeks not specified\"");
            } else if (psychotic && d.code().equals("F22")) {
                d.uncheck("paranoia or delusions within a psychotic disorder coded (schizophrenia, schizoaffective, a mood disorder with psychotic"
                        + " features) are integral to it, not a delusional disorder of its own");
            }
        }
    }

    // ---- Excludes1 ----------------------------------------------------------------------------------------------------

    /**
     * Severe sepsis (R65.2-, "code first underlying infection") with no systemic infection coded: sepsis of unspecified organism
     * (A41.9, I.C.1.d.4: the systemic infection first; A41.9 when the organism is not documented).
     */
    private void severeSepsisNeedsItsInfection() {
        Optional<PreCheck.Decision> severe = checked().filter(d -> d.code().startsWith("R65.2")).findFirst();
        if (severe.isPresent() && checked().noneMatch(d -> d.code().matches(SYSTEMIC_INFECTION))) {
            add("A41.9", severe.get().candidate.mentions(), null, "severe sepsis: the systemic infection is coded first (code first underlying"
                    + " infection at R65.2; organism not documented, I.C.1.d.4)");
        }
    }

    private static final String SYSTEMIC_INFECTION = "A4[01]\\..*|A02\\.1|A22\\.7|A26\\.7|A32\\.7|A39\\.[24]|A42\\.7|A54\\.86|B37\\.7|O85|O86\\.04"
            + "|P36\\..*|T81\\.44.*|T80\\.2.*|T82\\.7.*|T83\\.51.*|T85\\.7.*|O03\\.37|O04\\.87|O07\\.37|O08\\.82";

    /**
     * "Unspecified asthma" or an obstruction "unspecified as to cause" beside a code of its category that names the kind or the
     * cause ("Mild intermittent asthma", "Intestinal adhesions with partial obstruction"): one condition at the most specific
     * level the note supports (I.B.1).
     */
    private void unnamedKindBesideNamed() {
        List<PreCheck.Decision> all = checked().toList();
        for (PreCheck.Decision x : all) {
            String tx = title(x.code()).toLowerCase(Locale.ROOT);
            // an "other" code reached only through "NEC" or the general words of its title names no kind either
            boolean otherUnnamed = tx.startsWith("other ") && !x.candidate.mentions().isEmpty() && x.candidate.mentions().stream()
                    .allMatch(m -> m.route().contains("NEC") || m.route().startsWith(IndexDictionary.Source.TITLE.label() + ": Other "));
            if (x.code().matches("[STVWXYZ].*") || !(tx.startsWith("unspecified ") || tx.contains("unspecified as to cause") || otherUnnamed)) {
                continue;
            }
            all.stream().filter(y -> y != x && y.checked && category(y.code()).equals(category(x.code()))).filter(y -> {
                String ty = title(y.code()).toLowerCase(Locale.ROOT);
                return !ty.startsWith("unspecified ") && !ty.startsWith("other ") && !ty.contains("unspecified as to cause");
            }).findFirst().ifPresent(y -> x.uncheck("one code per condition at the most specific level: " + y.code() + " (" + title(y.code())
                    + ") names the kind or the cause"));
        }
    }

    private static final Pattern INDUCED_WRITTEN = Pattern.compile("\\b(induced|withdrawal|intoxication|delirium|psychosis|psychotic"
            + "|amnestic|dementia|sexual dysfunction|sleep disorder)\\b");

    /**
     * "Alcohol use disorder" or "tobacco use disorder" is the abuse or dependence itself (the "disorder" of its DSM-5 name):
     * the "with unspecified ...-induced disorder" code needs a disorder the substance induced, which the note does not write;
     * the uncomplicated code of the same level is coded instead.
     */
    private void substanceUseUncomplicated() {
        if (INDUCED_WRITTEN.matcher(facts.note().text().toLowerCase(Locale.ROOT)).find()) {
            return;
        }
        for (PreCheck.Decision x : checked().filter(d -> d.code().matches("F1[0-9]\\..*")).toList()) {
            String tx = title(x.code());
            int with = tx.indexOf(" with unspecified ");
            if (with < 0 || !tx.toLowerCase(Locale.ROOT).contains("induced disorder")) {
                continue;
            }
            String wanted = tx.substring(0, with).replaceAll(",$", "") + ", uncomplicated";
            cm.billableUnder(category(x.code())).stream().filter(k -> k.title().equalsIgnoreCase(wanted)).findFirst().ifPresent(k ->
                    combine(k.code(), x.candidate.mentions(), null, "a use disorder without an induced disorder written: uncomplicated", x.code()));
        }
    }

    /** The joint a replacement operation of this stay leaves (0SR9 right hip ...), by its status code. */
    private static final Map<String, String> JOINT_STATUS = Map.of("0SR9", "Z96.641", "0SRR", "Z96.641", "0SRB", "Z96.642", "0SRS", "Z96.642",
            "0SRC", "Z96.651", "0SRT", "Z96.651", "0SRV", "Z96.651", "0SRD", "Z96.652", "0SRU", "Z96.652", "0SRW", "Z96.652");

    /**
     * A joint replaced during this stay is reported with the operation's code, not with the status of having the implant
     * ("s/p right THA" in the discharge diagnoses of the stay that placed it).
     */
    private static final Pattern ANEURYSM = Pattern.compile("(?i)\\b(aneurysm\\w*|ectasia|ectatic)\\b");
    private static final Pattern CORONARY_CONTEXT = Pattern.compile("(?i)\\b(coronary|pci|stents?|catheterization|angiograph\\w*|cabg|stemi|nstemi)\\b");
    private static final Pattern STEMI_ARTERY = Pattern.compile("\\b(stemi|st[- ]elevation)\\b[^;]{0,90}?\\b(rca|right coronary|lad|left anterior descending"
            + "|left main|lcx|circumflex)\\b|\\b(rca|right coronary|lad|left anterior descending|left main|lcx|circumflex)\\b[^;.]{0,40}\\b(stemi|st[- ]elevation)\\b");

    /**
     * A STEMI by the artery the conclusion names (the index: "Infarct, myocardial > ST elevation > inferior > involving right coronary
     * artery" I21.11, "anterior > involving left anterior descending" I21.02, "left main" I21.01): the artery's code replaces the
     * wall's "other coronary artery" and the unspecified site. "LAD" beside coronary words is the artery, never the leukocyte adhesion
     * deficiency (D71.1).
     */
    private void stemiByArtery() {
        if (CORONARY_CONTEXT.matcher(facts.note().text()).find() && !facts.note().text().toLowerCase(Locale.ROOT).contains("leukocyte adhesion")) {
            uncheck("D71.1", "\"LAD\" in a note about the coronary arteries is the left anterior descending artery");
        }
        Optional<PreCheck.Decision> stemi = checked().filter(d -> d.code().matches("I21\\.(0[129]|1[19]|2.*|3)")).findFirst();
        if (stemi.isEmpty()) {
            return;
        }
        facts.first(STEMI_ARTERY, CONCLUDED).ifPresent(f -> {
            Matcher m = STEMI_ARTERY.matcher(f.text());
            if (!m.find()) {
                return;
            }
            String artery = m.group(2) != null ? m.group(2) : m.group(3);
            String code = switch (artery) {
                case "rca", "right coronary" -> "I21.11";
                case "lad", "left anterior descending" -> "I21.02";
                case "left main" -> "I21.01";
                default -> null; // the circumflex is "other coronary artery" of the wall the note writes
            };
            if (code != null) {
                combine(code, stemi.get().candidate.mentions(), f, "ST elevation myocardial infarction by the artery involved", "I21.09", "I21.19",
                        "I21.3", "I21.29", "I21.9");
            }
        });
    }

    private static final Pattern HEMORRHOID_DEGREE = Pattern.compile("\\b(?:grade|degree)\\s*(1|2|3|4|i|ii|iii|iv)\\b[^.;]{0,30}?\\bhemorrhoids?\\b"
            + "|\\b(first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:degree|grade)\\b[^.;]{0,30}?\\bhemorrhoids?\\b"
            + "|\\bhemorrhoids?\\b,?\\s*(?:\\(\\s*)?(?:grade|degree)\\s*(1|2|3|4|i|ii|iii|iv)\\b");

    /** Hemorrhoids by the degree (grade) written: K64.0-K64.3 ("grade 1 internal hemorrhoids" is first degree), not "other" or unspecified. */
    private void hemorrhoidDegree() {
        if (!isChecked("K64.8") && !isChecked("K64.9")) {
            return;
        }
        facts.first(HEMORRHOID_DEGREE, CONCLUDED).ifPresent(f -> {
            Matcher m = HEMORRHOID_DEGREE.matcher(f.text());
            if (!m.find()) {
                return;
            }
            String g = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            String digit = switch (g) {
                case "1", "i", "first", "1st" -> "0";
                case "2", "ii", "second", "2nd" -> "1";
                case "3", "iii", "third", "3rd" -> "2";
                default -> "3";
            };
            List<Candidate.Mention> base = new ArrayList<>();
            for (String c : List.of("K64.8", "K64.9")) {
                if (isChecked(c)) {
                    base.addAll(dx.get(c).candidate.mentions());
                }
            }
            combine("K64." + digit, base, f, "hemorrhoids by the degree written", "K64.8", "K64.9");
        });
    }

    private void replacedThisStay() {
        if (setting != EncounterSetting.INPATIENT) {
            return;
        }
        for (NamedProcedures.Built b : NamedProcedures.build(facts, code -> true).codes()) {
            if (b.code().startsWith("027")) {
                // a stent placed during this stay is the dilation's device, not the status of a past angioplasty (Z95.5); the
                // dilation of a coronary artery is the procedure, not a dilatation (aneurysm) of it
                uncheck("Z95.5", "the coronary stent was placed during this stay (" + b.code() + "): the procedure is coded, not the implant's status");
                if (!ANEURYSM.matcher(facts.note().text()).find()) {
                    uncheck("I25.41", "the coronary dilation of this stay (" + b.code() + ") is the procedure, not an aneurysm");
                    // "Dilatation > artery > heart" (I25.3) read from "PCI" or "angioplasty" is the same procedure
                    uncheck("I25.3", "the coronary dilation of this stay (" + b.code() + ") is the procedure, not an aneurysm of the heart");
                }
            }
            if (b.code().matches("0[DF]T.*")) {
                // a resection of this stay is the operation, not the acquired absence of a past one
                checked().filter(d -> d.code().startsWith("Z90.4")).toList().forEach(d -> d.uncheck("the resection was done during this stay ("
                        + b.code() + "): the operation is coded, not an acquired absence"));
            }
            String status = JOINT_STATUS.get(b.code().substring(0, 4));
            if (status != null) {
                uncheck(status, "the joint was replaced during this stay (" + b.code() + "): the operation is coded, not the implant's status");
            }
        }
    }

    /** "that with hydronephrosis (N13.2)": an Excludes1 item of the form "... with X (code)". */
    private static final Pattern WITH_ITEM = Pattern.compile("\\bwith ([a-z][a-z ,'-]*?)\\s*\\(([A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?)\\)");

    /**
     * The tabular's own pointer to a combination code: an Excludes1 note at a checked code that sends "... with X" to
     * another code, when X is another checked condition (N20.1 calculus of ureter, "that with hydronephrosis (N13.2)",
     * beside a hydronephrosis: N13.2 replaces both; I.A.12.a, I.B.9).
     */
    private void combinationsTheTabularPointsTo() {
        for (PreCheck.Decision a : checked().toList()) {
            if (!a.checked || a.code().matches("[VWXYZ].*")) {
                continue;
            }
            for (String text : rules.excludes1Texts(a.code())) {
                Matcher m = WITH_ITEM.matcher(text);
                while (m.find()) {
                    String combination = m.group(2);
                    List<String> words = WORD.matcher(m.group(1).toLowerCase(Locale.ROOT)).results().map(java.util.regex.MatchResult::group)
                            .filter(w -> w.length() > 3).toList();
                    if (words.isEmpty() || cm.code(combination).filter(IndexDictionary.Code::billable).isEmpty() || isChecked(combination)) {
                        continue;
                    }
                    Optional<PreCheck.Decision> b = checked().filter(d -> d != a && !d.code().matches("[VWXYZ].*")
                            && words.stream().allMatch(w -> title(d.code()).toLowerCase(Locale.ROOT).contains(w))).findFirst();
                    if (b.isPresent()) {
                        List<Candidate.Mention> base = new ArrayList<>(a.candidate.mentions());
                        base.addAll(b.get().candidate.mentions());
                        combine(combination, base, null, title(a.code()) + " with " + m.group(1).trim() + " (the Excludes1 note at " + a.code()
                                + " points to it)", a.code(), b.get().code());
                    }
                }
            }
        }
    }

    private void excludes1(List<String> warnings) {
        List<PreCheck.Decision> all = checked().toList();
        for (CodingRules.Excludes1 pair : rules.excludes1Pairs(all.stream().map(PreCheck.Decision::code).toList())) {
            PreCheck.Decision a = dx.get(pair.code());
            PreCheck.Decision b = dx.get(pair.excluded());
            if (a == null || b == null || !a.checked || !b.checked) {
                continue;
            }
            // the note at A points to B as where the condition is classified; keep the specific one when B is a catch-all
            // ... unless the words of the note fit the code holding the note better ("Streptococcus pneumoniae" is J13's, not
            // J15.4's "other streptococci", although each excludes the other)
            java.util.Set<String> words = evidenceWords(a, b);
            PreCheck.Decision loser = unspecified(title(b.code())) && !unspecified(title(a.code()))
                    || title(b.code()).matches("(?i)(other|.* other) .*") && overlap(title(a.code()), words) > overlap(title(b.code()), words)
                    || namedFirstAndReadInside(a, b)
                    // "sciatica NOS (M54.3)" at M51.1: the excluded code is the condition not otherwise specified; a note that
                    // specifies it (sciatica with the disc disorder, M51.16) keeps the code holding the note
                    || notOtherwiseSpecified(pair.text(), b.code()) && !unspecified(title(a.code())) ? b : a;
            PreCheck.Decision winner = loser == a ? b : a;
            warnings.add("Excludes1: " + a.code() + " (" + title(a.code()) + ") and " + b.code() + " (" + title(b.code()) + ") are not coded"
                    + " together; " + pair.owner() + " says: \"" + pair.text() + "\". " + loser.code() + " is left unchecked: keep the one the"
                    + " documentation supports.");
            loser.uncheck("Excludes1 with " + winner.code() + ": the two are not coded together");
        }
    }

    /**
     * The condition the provider names, and the excluded code read from its own qualifiers: "Schizoaffective disorder,
     * bipolar type, current episode manic with psychotic features" is F25.0, although "disorder ... bipolar ... manic with
     * psychotic features" also reaches F31.2, the code F25's Excludes1 note points to. True when every mention of
     * {@code b} starts inside a mention of {@code a} in the same sentence, after a's first word.
     */
    private static final Pattern NOT_OTHERWISE_SPECIFIED = Pattern.compile("\\bNOS\\b");
    private static final Pattern NOTE_ITEM_CODE = Pattern.compile("\\(([A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{0,4})?)-?(,[^)]*)?\\)");

    /** The item of an Excludes1 note that names {@code excluded} says "NOS" ("sciatica NOS (M54.3)"). */
    private static boolean notOtherwiseSpecified(String note, String excluded) {
        for (String item : note.split("[;\\n]")) {
            Matcher m = NOTE_ITEM_CODE.matcher(item);
            while (m.find()) {
                if (excluded.startsWith(m.group(1)) && NOT_OTHERWISE_SPECIFIED.matcher(item).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean namedFirstAndReadInside(PreCheck.Decision a, PreCheck.Decision b) {
        List<Candidate.Mention> bs = b.candidate.mentions().stream().filter(PreCheck::indexRoute).toList();
        List<Candidate.Mention> as = a.candidate.mentions().stream().filter(PreCheck::indexRoute).toList();
        return !bs.isEmpty() && bs.stream().allMatch(mb -> as.stream().anyMatch(ma -> ma.sentence() == mb.sentence()
                && ma.first() < mb.first() && mb.first() <= ma.last()));
    }

    // ---- external causes ----------------------------------------------------------------------------------------------

    /** A dose written with decimals ("Tdap 0.5 mL IM given") stays in the sentence. */
    private static final Pattern VACCINE_GIVEN = Pattern.compile("\\b(vaccines?|vaccination|immunizations?|flu shot|tdap|dtap|mmr|ipv|shingrix"
            + "|pneumovax|prevnar)\\b(?:[^.;]|\\.\\d){0,60}\\b(given|administered|today)\\b|\\b(given|administered)\\b(?:[^.;]|\\.\\d){0,40}\\b(vaccines?|flu shot|tdap"
            + "|dtap|mmr|shingrix)\\b");

    /** A vaccine given at the visit: the encounter for immunization (Z23, I.C.21.c.2). */
    private void immunization() {
        if (!isChecked("Z23")) {
            facts.first(VACCINE_GIVEN, CHART).ifPresent(f -> add("Z23", List.of(), f, "encounter for immunization: a vaccine given at this visit"));
        }
        if (isChecked("Z23")) {
            // a vaccine given is no immunization "not carried out for unspecified reason"
            uncheck("Z28.9", "a vaccine was given at this visit (Z23)");
        }
    }

    private static final Pattern WELL_CHILD = Pattern.compile("\\b(well[- ]child|well[- ]baby|routine (child|pediatric) (health )?(exam|examination|check|visit))\\b");
    /** The patient's age in years ("11 yo", "4-year-old", "11 YEAR"); months and weeks are under one. */
    private static final Pattern AGE = Pattern.compile("\\b(\\d{1,3})[- ]?(yo|y/o|y\\.o\\.|years?[- ]old|yr[- ]old|(?:years?|yrs?)(?!\\s*(?:of|ago|prior|before|after|earlier|later|since|x)\\b)|months?[- ]old|mos?[- ]old|weeks?[- ]old|wk[- ]old)\\b");

    /** The patient's age in years from the first age written, or -1. */
    private int age() {
        return facts.first(AGE).map(f -> {
            Matcher m = AGE.matcher(f.text());
            if (!m.find()) {
                return -1;
            }
            return m.group(2).matches("(months?|mos?|weeks?|wk).*") ? 0 : Integer.parseInt(m.group(1));
        }).orElse(-1);
    }

    /**
     * A well-child visit (a child under 18): the routine child health examination (I.C.21.c.13), Z00.121 when it finds something
     * the note codes (a condition other than an encounter, status or history Z code) or writes an abnormal finding, else Z00.129.
     */
    private void wellChild() {
        if (checked().anyMatch(d -> d.code().startsWith("Z00."))) {
            return;
        }
        int age = age();
        if (age < 0 || age >= 18) {
            return;
        }
        facts.first(WELL_CHILD).ifPresent(f -> {
            boolean finding = checked().anyMatch(d -> !d.code().matches("[ZVWXY].*")) || facts.first(ABNORMAL_FINDING, CONCLUDED).isPresent();
            add(finding ? "Z00.121" : "Z00.129", List.of(), f, "routine child health examination" + (finding ? " with abnormal findings" : ""));
        });
    }

    private static final Pattern ADULT_EXAM = Pattern.compile("\\b((annual|yearly|routine|complete|comprehensive|preventive|periodic) (adult )?"
            + "(physical|physical exam|physical examination|exam|examination|health exam|check-?up|wellness (visit|exam)|preventive (visit|exam))"
            + "|annual wellness visit|well adult (visit|exam)|preventive (care )?visit)\\b");
    private static final Pattern NOT_THIS_VISIT = Pattern.compile("\\b(last|prior|previous|next|due|overdue|schedul\\w*)\\b");

    /**
     * An adult's annual or routine physical (I.C.21.c.13, Z00.0-): Z00.01 when it finds something the note codes (a condition,
     * not an encounter, status or history Z code) or writes abnormal findings, else Z00.00; listed first, its findings after it.
     */
    private void adultExamination() {
        if (setting != EncounterSetting.OUTPATIENT || checked().anyMatch(d -> d.code().startsWith("Z00.")) || age() < 18) {
            return;
        }
        facts.all(ADULT_EXAM, CHART).stream().filter(f -> (f.section() == NoteSections.CONCLUSION || CHIEF_COMPLAINT_LINE.matcher(
                facts.note().sentences().get(f.mention().sentence()).section().toLowerCase(Locale.ROOT)).find())
                && !NOT_THIS_VISIT.matcher(facts.around(f, 20)).find()).findFirst().ifPresent(f -> {
            boolean finding = checked().anyMatch(d -> !d.code().matches("[ZVWXY].*")) || facts.first(ABNORMAL_FINDING, CONCLUDED).isPresent();
            add(finding ? "Z00.01" : "Z00.00", List.of(), f, "general adult medical examination" + (finding ? " with abnormal findings" : ""));
        });
    }

    private static final Pattern CHIEF_COMPLAINT_LINE = Pattern.compile("\\b(cc|chief complaint|reason for visit)\\b");

    private static final Pattern ABNORMAL_FINDING = Pattern.compile("(?<!no )\\babnormal findings?\\b");

    /** External causes (V00-Y99) go with an injury or a poisoning the note codes (I.C.20): alone they are not reported. */
    private void externalCausesNeedAnInjury() {
        if (checked().noneMatch(d -> d.code().matches("[ST].*"))) {
            checked().filter(d -> d.code().matches("[VWXY].*")).toList()
                    .forEach(d -> d.uncheck("an external cause without an injury or poisoning coded (I.C.20)"));
        }
    }

    private void externalCauses() {
        // an injury: chapter 19's S codes, and the burns and corrosions (T20-T32) and frostbite (T33-T34) by site
        Optional<PreCheck.Decision> injury = checked().filter(d -> d.code().matches("S.*|T(2\\d|3[0-4])\\..*") && d.code().replace(".", "").length() == 7)
                .findFirst();
        if (injury.isEmpty() || checked().anyMatch(d -> d.code().matches("Y9[239].*"))) {
            return;
        }
        // the index may have given the mechanism ("Fall from tree"): the place, activity and status are still the story's; an
        // unspecified one ("Unspecified fall" from the word "fall") gives way to the mechanism the story writes
        List<PreCheck.Decision> unspecifiedMechanism = checked().filter(d -> d.code().matches("[VWX].*")
                && (d.code().startsWith("W19") || title(d.code()).startsWith("Unspecified"))).toList();
        if (!unspecifiedMechanism.isEmpty() && checked().filter(d -> d.code().matches("[VWX].*")).count() == unspecifiedMechanism.size()) {
            char seventh = injury.get().code().charAt(injury.get().code().length() - 1);
            List<ExternalCauses.Cause> story = ExternalCauses.of(facts, seventh, code -> cm.code(code).isPresent(), false);
            if (!story.isEmpty() && story.get(0).axis().equals("mechanism") && unspecifiedMechanism.stream().noneMatch(d -> d.code().equals(story.get(0).code()))) {
                unspecifiedMechanism.forEach(d -> d.uncheck("the story of the injury writes how it happened: " + story.get(0).code()));
            }
        }
        boolean mechanismCoded = checked().anyMatch(d -> d.code().matches("[VWX].*"));
        char seventh = injury.get().code().charAt(injury.get().code().length() - 1);
        for (ExternalCauses.Cause cause : ExternalCauses.of(facts, seventh, code -> cm.code(code).isPresent(), mechanismCoded)) {
            add(cause.code(), List.of(), cause.evidence(), "external cause of the injury (" + cause.axis() + ")");
        }
    }

    private static final Pattern CORONARY_ARTERY = Pattern.compile("\\b(coronary|rca|lad|lcx|circumflex|left main|lm|obtuse marginal|diagonal"
            + "|stemi|nstemi|myocardial infarction)\\b");
    private static final Pattern LOWER_LIMB_ARTERY = Pattern.compile("\\b(femoral|sfa|cfa|popliteal|tibial|peroneal|dorsalis pedis|lower extremity"
            + "|lower limb|leg)\\b");
    private static final Pattern UPPER_LIMB_ARTERY = Pattern.compile("\\b(brachial|radial|ulnar|axillary|upper extremity|upper limb|arm)\\b");
    private static final Pattern ILIAC_ARTERY = Pattern.compile("\\biliac\\b");

    /**
     * An arterial embolism or thrombosis by the artery the conclusion names (the index: "Thrombosis > artery > limb > lower" I74.3,
     * "> upper" I74.2, "> iliac" I74.5): a femoral or popliteal artery is of the lower limb. A coronary thrombosis is not I74: the
     * index sends it to the infarction (or I24.0), so "RCA 100% thrombotic occlusion" of a STEMI is the I21 code alone.
     */
    private void arterialThrombosisBySite() {
        for (PreCheck.Decision d : checked().filter(x -> x.code().equals("I82.90")).toList()) {
            // "90% proximal LAD stenosis w/ thrombus": the thrombus of a coronary artery is the infarction's, not a vein's (I82.90)
            String words = d.candidate.mentions().stream().filter(PreCheck::indexRoute).map(m -> sentenceText(m.sentence()))
                    .reduce("", (a, b) -> a + " " + b);
            if (CORONARY_ARTERY.matcher(words).find() && !words.matches("(?s).*\\b(vein|venous|dvt)\\b.*")) {
                d.uncheck("a thrombus in a coronary artery is part of the infarction (or I24.0), not a venous thrombosis");
            }
        }
        for (PreCheck.Decision d : checked().filter(x -> x.code().equals("I74.9") || x.code().equals("I74.4")).toList()) {
            String words = d.candidate.mentions().stream().filter(PreCheck::indexRoute).map(m -> sentenceText(m.sentence()))
                    .reduce("", (a, b) -> a + " " + b);
            if (CORONARY_ARTERY.matcher(words).find() && !LOWER_LIMB_ARTERY.matcher(words).find() && !UPPER_LIMB_ARTERY.matcher(words).find()) {
                d.uncheck("a coronary artery's thrombosis is coded as the infarction (or I24.0), not I74");
                continue;
            }
            String site = ILIAC_ARTERY.matcher(words).find() ? "I74.5" : LOWER_LIMB_ARTERY.matcher(words).find() ? "I74.3"
                    : UPPER_LIMB_ARTERY.matcher(words).find() ? "I74.2" : null;
            if (site != null) {
                combine(site, d.candidate.mentions(), null, "embolism or thrombosis of the artery the note names", d.code());
            }
        }
    }

    /** A spine joint that is a region of its own: L5-S1 lumbosacral, T12-L1 thoracolumbar, C7-T1 cervicothoracic (joint index, region words). */
    private static final Map<Integer, String[]> JUNCTIONS = Map.of(24, new String[] {"lumbar region", "lumbosacral region"},
            19, new String[] {"thoracic region", "thoracolumbar region"}, 7, new String[] {"cervical region", "cervicothoracic region"});

    /**
     * A spine code by the region of the level written with it: "spondylolisthesis L5-S1" is of the lumbosacral region (M43.17),
     * not the lumbar one the index's "lumbar" gave, when every level the conclusion writes with it is that junction.
     */
    private void spineRegionByLevel() {
        for (PreCheck.Decision d : checked().filter(x -> x.code().startsWith("M")).toList()) {
            String t = title(d.code()).toLowerCase(Locale.ROOT);
            java.util.TreeSet<Integer> joints = new java.util.TreeSet<>();
            for (Candidate.Mention m : d.candidate.mentions()) {
                if (PreCheck.indexRoute(m) && NoteSections.of(facts.note(), m.sentence()) == NoteSections.CONCLUSION) {
                    joints.addAll(SpinalFusion.joints(sentenceText(m.sentence())));
                }
            }
            if (joints.size() != 1 || !JUNCTIONS.containsKey(joints.first())) {
                continue;
            }
            String[] region = JUNCTIONS.get(joints.first());
            String regionWord = region[0].replace(" region", "");
            boolean regionWritten = d.candidate.mentions().stream().filter(m -> NoteSections.of(facts.note(), m.sentence()) == NoteSections.CONCLUSION)
                    .anyMatch(m -> sentenceText(m.sentence()).matches("(?s).*\\b" + regionWord + "\\b.*"));
            if (!t.contains(region[0]) || t.contains(region[1]) || regionWritten) {
                // the provider's own region word ("Lumbar disc herniation L5-S1") is coded as written
                continue;
            }
            String wanted = t.replace(region[0], region[1]);
            cm.billableUnder(category(d.code())).stream().filter(k -> k.title().toLowerCase(Locale.ROOT).equals(wanted)).findFirst()
                    .ifPresent(k -> combine(k.code(), d.candidate.mentions(), null, "the level written (" + region[1] + ")", d.code()));
        }
    }

    /**
     * Low back pain (M54.5-) beside a lumbar or lumbosacral spine disorder the note codes (spondylolisthesis, stenosis, disc
     * disorder, radiculopathy) is a symptom routinely part of it (I.B.5; M54.5 excludes lumbago due to a disc displacement).
     */
    private void backPainOfASpineDisorder() {
        Optional<PreCheck.Decision> spine = checked().filter(d -> d.code().matches("M(4[0-9]|5[0-4])\\..*") && !d.code().startsWith("M54.5")
                && title(d.code()).toLowerCase(Locale.ROOT).matches(".*\\b(lumbar|lumbosacral)\\b.*")).findFirst();
        spine.ifPresent(s -> checked().filter(d -> d.code().startsWith("M54.5")).toList()
                .forEach(d -> d.uncheck("low back pain is part of the lumbar spine disorder coded: " + s.code() + " (" + title(s.code()) + ")")));
    }

    /**
     * "Other postprocedural complications and disorders of digestive system" (K91.89) says "use additional code, if applicable,
     * to further specify disorder": a postoperative ileus is K91.89 with the ileus, K56.7.
     */
    private void postproceduralDisorderSpecified() {
        checked().filter(d -> d.code().equals("K91.89")).findFirst().ifPresent(d -> {
            boolean ileus = d.candidate.mentions().stream().anyMatch(m -> sentenceText(m.sentence()).matches("(?s).*\\bileus\\b.*"));
            if (ileus && !isChecked("K56.")) {
                add("K56.7", d.candidate.mentions(), null, "the disorder the postprocedural complication is (use additional code at K91.89)");
            }
        });
    }

    private String sentenceText(int sentence) {
        org.codedesk.casecoding.text.ClinicalText.Sentence s = facts.note().sentences().get(sentence);
        return facts.note().text().substring(s.start(), s.end()).toLowerCase(Locale.ROOT);
    }

    /**
     * The code a checked code's "Code first" note names, when the conclusion writes that condition in the same sentence
     * ("Pneumonia due to COVID-19": J12.82 says "Code first COVID-19 (U07.1)"): every word of its title is written there.
     */
    private void codeFirstTheNoteNames() {
        for (PreCheck.Decision d : checked().toList()) {
            for (String named : rules.codeFirst(d.code())) {
                if (isChecked(named) || cm.code(named).filter(IndexDictionary.Code::billable).isEmpty()) {
                    continue;
                }
                java.util.Set<String> titleWords = new java.util.HashSet<>();
                Matcher w = WORD.matcher(title(named).toLowerCase(Locale.ROOT));
                while (w.find()) {
                    titleWords.add(w.group());
                }
                titleWords.removeAll(java.util.Set.of("of", "the", "and", "or", "with", "due", "to", "in", "unspecified", "other", "disease"));
                if (titleWords.isEmpty()) {
                    continue;
                }
                for (Candidate.Mention m : d.candidate.mentions()) {
                    if (NoteSections.of(facts.note(), m.sentence()) == NoteSections.HISTORY) {
                        continue;
                    }
                    java.util.Set<String> sentenceWords = new java.util.HashSet<>();
                    Matcher sw = WORD.matcher(sentenceText(m.sentence()));
                    while (sw.find()) {
                        sentenceWords.add(sw.group());
                    }
                    if (sentenceWords.containsAll(titleWords)) {
                        add(named, List.of(m), null, "the condition the \"code first\" note of " + d.code() + " names, written with it");
                        break;
                    }
                }
            }
        }
    }

    // ---- principal diagnosis first --------------------------------------------------------------------------------

    /** Checked codes first, the principal (inpatient) or first-listed (outpatient) diagnosis at the top; then the rest by score. */
    List<PreCheck.Decision> order(Map<String, PreCheck.Decision> diagnoses) {
        List<PreCheck.Decision> checkedList = new ArrayList<>(diagnoses.values().stream().filter(d -> d.checked).toList());
        checkedList.sort(Comparator.comparingInt(this::group).thenComparingInt(this::position));
        if (!checkedList.isEmpty()) {
            promoteCodeFirst(checkedList);
        }
        List<PreCheck.Decision> result = new ArrayList<>(checkedList);
        diagnoses.values().stream().filter(d -> !d.checked).sorted(Comparator.comparingDouble((PreCheck.Decision d) -> -d.candidate.score()))
                .forEach(result::add);
        return result;
    }

    /** Obstetric codes lead (I.C.15.a), then sepsis for a stay (I.C.1.d.4), other conditions, status and history Z codes, external causes last. */
    private int group(PreCheck.Decision d) {
        String c = d.code();
        if (c.startsWith("O") || c.startsWith("Z51.") || c.startsWith("Z12.") || c.startsWith("Z00.")) {
            // obstetric codes lead (I.C.15.a); an encounter for chemotherapy, radiation or immunotherapy (I.C.2.e.2) or a screening
            // that found something (I.C.21.c.5) is listed first
            return 0;
        }
        if (setting == EncounterSetting.INPATIENT && (c.startsWith("A40") || c.startsWith("A41"))) {
            return 1;
        }
        if (c.matches("T(3[6-9]|4\\d|50)\\..*") && c.length() >= 7) {
            // poisoning: the T code first, then its manifestations (I.C.19.e.5.b); an adverse effect or underdosing code
            // follows the condition it caused or left untreated (I.C.19.e.5.a, c)
            return "1234".indexOf(c.charAt(6)) >= 0 ? 1 : 3;
        }
        if (c.matches("[VWXY].*")) {
            // external causes: mechanism, then place, activity and status (I.C.20)
            return c.startsWith("Y92") ? 6 : c.startsWith("Y93") ? 7 : c.startsWith("Y99") ? 8 : 5;
        }
        // contraceptive management may be the reason for the visit: ranked by where the note concludes it, like a condition
        // asymptomatic HIV infection status (Z21) is the HIV infection of the visit (I.C.1.a.2.d), ranked like a condition
        return c.startsWith("Z") && !c.matches("Z30\\.[04].*") && !c.equals("Z21") ? 4 : 2;
    }

    /** Where the code is first concluded: a "principal diagnosis" line first, then the conclusion, the course, elsewhere. */
    private int position(PreCheck.Decision d) {
        int best = Integer.MAX_VALUE;
        // where the index or a rule found the code, not where a phrase learned from coded cases sits ("chest pain" near I10,
        // "COPD" near a tobacco code); without such a mention, where the code's own evidence words are
        List<Candidate.Mention> indexed = d.candidate.mentions().stream().filter(PreCheck::indexRoute).toList();
        List<Candidate.Mention> evidence = d.candidate.mentions().stream().filter(m -> m.route().startsWith("Evidence words")).toList();
        for (Candidate.Mention m : !indexed.isEmpty() ? indexed : !evidence.isEmpty() ? evidence : d.candidate.mentions()) {
            String section = facts.note().sentences().get(m.sentence()).section();
            NoteSections kind = NoteSections.of(section);
            int at = facts.note().words().get(m.first()).start();
            org.codedesk.casecoding.text.ClinicalText.Sentence sentence = facts.note().sentences().get(m.sentence());
            String line = facts.note().text().substring(sentence.start(), sentence.end()).toLowerCase(Locale.ROOT);
            int rank = section.matches(".*\\b(principal|primary)\\b.*") || line.contains("(principal)") ? 0
                    // what the patient was admitted with, unless the line starts with the symptoms ("Reason for admission: diarrhea, AKI"
                    // of a C. diff colitis): then the condition established after study (Section II) is the first discharge diagnosis
                    : section.matches(".*\\b(reason for admission|admitting)\\b.*") && !symptomLed(m.sentence()) ? 1
                    : setting == EncounterSetting.INPATIENT && admittedFor(line, at - sentence.start()) ? 1
                    // a stay for a procedure: the condition it was done for is the reason for the admission, not an incidental finding
                    : setting == EncounterSetting.INPATIENT && section.matches("(?i).*\\bindications?\\b.*") && !symptom(d.code())
                            && firstOfItsSection(m.sentence()) && !postoperativeDiagnosis() ? 1
                    : setting == EncounterSetting.OUTPATIENT && kind == NoteSections.CONCLUSION && inChiefComplaint(m) ? 1
                    : setting == EncounterSetting.INPATIENT && firstDischargeDiagnosis(m.sentence()) && admissionSymptomLed() ? 2
                    : kind == NoteSections.CONCLUSION ? 3 : kind == NoteSections.TREATED ? 4 : 5;
            best = Math.min(best, rank * 1_000_000 + at);
        }
        return best;
    }

    private static final Pattern ADMITTING = Pattern.compile("(?i)\\b(reason for admission|admitting)\\b");

    /** The first finding of a sentence is a sign or symptom ("Reason for admission: diarrhea, AKI"), coded or not. */
    private boolean symptomLed(int sentence) {
        PreCheck.Decision first = null;
        int firstWord = Integer.MAX_VALUE;
        for (PreCheck.Decision d : dx.values()) {
            for (Candidate.Mention m : d.candidate.mentions()) {
                if (m.sentence() == sentence && PreCheck.indexRoute(m) && m.first() < firstWord) {
                    firstWord = m.first();
                    first = d;
                }
            }
        }
        return first != null && symptom(first.code());
    }

    /** The note's reason for admission starts with symptoms: the discharge diagnoses say what was established. */
    private boolean admissionSymptomLed() {
        List<org.codedesk.casecoding.text.ClinicalText.Sentence> all = facts.note().sentences();
        for (int i = 0; i < all.size(); i++) {
            if (ADMITTING.matcher(all.get(i).section()).find()) {
                return symptomLed(i);
            }
        }
        return false;
    }

    private static final Pattern DISCHARGE_DIAGNOSES = Pattern.compile("(?i)\\b(discharge|final) (diagnos[ie]s|dx)\\b");

    /** The first sentence under a "Discharge diagnoses" or "Final diagnoses" heading (its first item). */
    private boolean firstDischargeDiagnosis(int sentence) {
        List<org.codedesk.casecoding.text.ClinicalText.Sentence> all = facts.note().sentences();
        String section = all.get(sentence).section();
        if (!DISCHARGE_DIAGNOSES.matcher(section).find()) {
            return false;
        }
        // the heading line itself ("Discharge diagnoses:") holds no item
        for (int i = sentence - 1; i >= 0 && all.get(i).section().equals(section); i--) {
            org.codedesk.casecoding.text.ClinicalText.Sentence s = all.get(i);
            for (int w = s.firstWord(); w < s.endWord(); w++) {
                if (facts.note().words().get(w).stems().stream().noneMatch(x -> x.startsWith(org.codedesk.casecoding.text.ClinicalText.HEADING_MARK))
                        && facts.note().words().get(w).text().chars().anyMatch(Character::isLetter)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The first sentence under its heading: an indication's reason, before the comorbidities it goes on to list. */
    private boolean firstOfItsSection(int sentence) {
        List<org.codedesk.casecoding.text.ClinicalText.Sentence> all = facts.note().sentences();
        return sentence == 0 || !all.get(sentence - 1).section().equals(all.get(sentence).section());
    }

    /** An operative note's postoperative diagnosis says what was found and treated: it, not the indication, comes first. */
    private boolean postoperativeDiagnosis() {
        return facts.note().sentences().stream().anyMatch(x -> x.section().toLowerCase(Locale.ROOT).matches(".*\\b(postoperative|post-op|postop) diagnos.*"));
    }

    private static final Pattern CHIEF_COMPLAINT = Pattern.compile("\\b(cc|chief complaint|reason for visit|presenting complaint)\\b");
    private java.util.Set<String> chiefComplaint;

    /**
     * The visit's reason (IV.G: the condition chiefly responsible for the outpatient visit is listed first): a concluded
     * mention most of whose words the chief complaint line holds ("CC: chest pain" and "Chest wall pain").
     */
    private boolean inChiefComplaint(Candidate.Mention m) {
        if (chiefComplaint == null) {
            chiefComplaint = new java.util.HashSet<>();
            for (org.codedesk.casecoding.text.ClinicalText.Word w : facts.note().words()) {
                if (CHIEF_COMPLAINT.matcher(facts.note().sentences().get(w.sentence()).section()).find()) {
                    chiefComplaint.addAll(w.stems());
                }
            }
        }
        if (chiefComplaint.isEmpty()) {
            return false;
        }
        int content = 0;
        int held = 0;
        for (int w = m.first(); w <= m.last(); w++) {
            org.codedesk.casecoding.text.ClinicalText.Word word = facts.note().words().get(w);
            if (word.text().length() < 3 || org.codedesk.casecoding.text.Stems.isFiller(word.text().toLowerCase(Locale.ROOT))) {
                continue;
            }
            content++;
            held += word.stems().stream().anyMatch(chiefComplaint::contains) ? 1 : 0;
        }
        return content > 0 && held >= Math.min(2, content) && held * 2 >= content;
    }

    private static final Pattern ADMITTED_FOR = Pattern.compile("\\b(admitted (for|with)|admission for|hospitalized (for|with)|admitted to \\w+ for)\\s");

    /**
     * The words at {@code offset} of a sentence are what the patient was admitted for ("admitted for left lower leg
     * cellulitis failing outpatient cephalexin"): the condition established after study as chiefly responsible for the
     * admission (Section II), within a few words after the phrase.
     */
    static boolean admittedFor(String sentence, int offset) {
        Matcher m = ADMITTED_FOR.matcher(sentence);
        while (m.find()) {
            if (offset >= m.end() && offset - m.end() <= 40 && sentence.substring(m.end(), offset).matches("[^,;.]*")) {
                return true;
            }
        }
        return false;
    }

    /** "Code first" at the principal code names another checked code: that one is sequenced first (N18 after E11.22, I50 after I13). */
    private void promoteCodeFirst(List<PreCheck.Decision> list) {
        // a diabetes code whose complication is the first-listed condition, written in the same sentence ("Acute osteomyelitis of right
        // great toe, diabetic": E11.69, use additional code to identify the complication), goes before it (I.A.15, I.C.4.a)
        PreCheck.Decision lead = list.get(0);
        if (group(lead) == 2 && !DIABETES_CODE.matcher(lead.code()).matches()) {
            list.stream().filter(d -> d != lead && d.code().matches("E(08|09|10|11|13)\\.6[29]") && sameSentence(d, lead)).findFirst().ifPresent(d -> {
                list.remove(d);
                list.add(0, d);
            });
        }
        for (int step = 0; step < 2; step++) {
            PreCheck.Decision principal = list.get(0);
            List<String> first = rules.codeFirst(principal.code());
            Optional<PreCheck.Decision> before = list.stream().filter(d -> d != principal && first.stream().anyMatch(p -> startsWith(d.code(), p)))
                    .findFirst();
            if (before.isEmpty()) {
                return;
            }
            list.remove(before.get());
            list.add(0, before.get());
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private java.util.stream.Stream<PreCheck.Decision> checked() {
        return dx.values().stream().filter(d -> d.checked);
    }

    private boolean isChecked(String prefix) {
        return checked().anyMatch(d -> d.code().startsWith(prefix));
    }

    private List<Candidate.Mention> mentionsOf(String prefix) {
        List<Candidate.Mention> mentions = new ArrayList<>();
        checked().filter(d -> d.code().startsWith(prefix)).forEach(d -> mentions.addAll(d.candidate.mentions()));
        return mentions;
    }

    private Set<NoteSections> concluded() {
        return NoteSections.hasConclusion(facts.note()) ? CONCLUDED
                : EnumSet.of(NoteSections.CONCLUSION, NoteSections.TREATED, NoteSections.NARRATIVE);
    }

    /** Checks the combination code and unchecks the codes it replaces. */
    private void combine(String code, List<Candidate.Mention> base, NoteFacts.Found words, String why, String... replaces) {
        if (cm.code(code).isEmpty()) {
            return;
        }
        List<Candidate.Mention> replaced = new ArrayList<>();
        for (String r : replaces) {
            PreCheck.Decision d = dx.get(r);
            if (!r.equals(code) && d != null && d.checked) {
                replaced.addAll(d.candidate.mentions());
            }
        }
        transferred = replaced;
        add(code, base, words, "combination code (\"with\" convention): " + why);
        transferred = List.of();
        for (String r : replaces) {
            if (!r.equals(code)) {
                uncheck(r, "replaced by the combination code " + code + " (" + why + ")");
            }
        }
    }

    /**
     * The mentions of the codes a combination replaces, joining the combination code's evidence when it is already there:
     * "Recurrent sigmoid diverticulitis" on the principal diagnosis line, read first as the part-unspecified K57.92, makes K57.32 the
     * principal diagnosis.
     */
    private List<Candidate.Mention> transferred = List.of();

    private void add(String code, List<Candidate.Mention> base, NoteFacts.Found words, String why) {
        if (cm.code(code).filter(IndexDictionary.Code::billable).isEmpty()) {
            return;
        }
        PreCheck.Decision existing = dx.get(code);
        List<Candidate.Mention> joining = new ArrayList<>();
        if (existing != null) {
            // the rule's words join the evidence: where the rule found the code counts for the order (principal first)
            List<Candidate.Mention> offered = new ArrayList<>(transferred);
            if (!transferred.isEmpty()) {
                // only when they place the code earlier: a code known by evidence words on the principal line (E10.10 "Diabetic
                // ketoacidosis") is not moved to where the replaced code's index words are in the course
                List<Candidate.Mention> with = new ArrayList<>(existing.candidate.mentions());
                with.addAll(transferred);
                PreCheck.Decision probe = new PreCheck.Decision(Candidate.derived(code, false, existing.candidate.score(), dedupe(with)), true, null, true);
                if (position(probe) > position(existing)) {
                    offered.clear();
                }
            }
            transferred = List.of();
            if (words != null) {
                offered.add(words.mention());
            }
            for (Candidate.Mention o : offered) {
                if (existing.candidate.mentions().stream().noneMatch(m -> m.sentence() == o.sentence() && m.first() == o.first())
                        && joining.stream().noneMatch(m -> m.sentence() == o.sentence() && m.first() == o.first())) {
                    joining.add(o);
                }
            }
        }
        if (existing != null && !joining.isEmpty()) {
            List<Candidate.Mention> merged = new ArrayList<>(existing.candidate.mentions());
            merged.addAll(joining);
            PreCheck.Decision d = new PreCheck.Decision(Candidate.derived(code, false, existing.candidate.score(), dedupe(merged)), true, null,
                    existing.derived);
            d.notes.addAll(existing.notes);
            d.notes.add(capitalise(why));
            dx.put(code, d);
            return;
        }
        if (existing != null) {
            if (!existing.checked) {
                existing.checked = true;
                existing.reason = null;
            }
            existing.notes.add(capitalise(why));
            return;
        }
        List<Candidate.Mention> mentions = new ArrayList<>(base);
        if (words != null) {
            mentions.add(words.mention());
        }
        if (mentions.isEmpty()) {
            return;
        }
        PreCheck.Decision d = new PreCheck.Decision(Candidate.derived(code, false, 0.9, dedupe(mentions)), true, null, true);
        d.notes.add(capitalise(why));
        dx.put(code, d);
    }

    private static List<Candidate.Mention> dedupe(List<Candidate.Mention> mentions) {
        Map<String, Candidate.Mention> unique = new LinkedHashMap<>();
        mentions.forEach(m -> unique.putIfAbsent(m.first() + ":" + m.last(), m));
        return List.copyOf(unique.values());
    }

    private void uncheck(String code, String why) {
        PreCheck.Decision d = dx.get(code);
        if (d != null) {
            d.uncheck(why);
        }
    }

    private String title(String code) {
        return cm.code(code).map(IndexDictionary.Code::title).orElse(code);
    }

    private static String category(String code) {
        return code.length() >= 3 ? code.substring(0, 3) : code;
    }

    private static boolean startsWith(String code, String prefix) {
        return code.replace(".", "").startsWith(prefix.replace(".", ""));
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
