package org.codedesk.assistant;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shorthand coders write (pt, dx, fx, hx, s/p, w/, w/o, d/t, r/o, htn, dm2, chf...) and the words that look like codes
 * or modifiers but are not (A1C, B12, PT, CM, FX): expanded to the words the code titles use before a search, and kept
 * from being read as codes. Typos of the words that decide an intent ("globel", "modifer") are corrected to the nearest
 * such word within one edit. Pure and thread-safe.
 */
final class CodingVocabulary {

    /** Shorthand → the words of the code titles (order matters only for the multi-word keys, tried first). */
    private static final Map<String, String> SHORTHAND = Map.ofEntries(
            Map.entry("pt", "patient"), Map.entry("pts", "patients"), Map.entry("dx", "diagnosis"), Map.entry("fx", "fracture"),
            Map.entry("hx", "history"), Map.entry("h/o", "history of"), Map.entry("s/p", "status post"), Map.entry("w/", "with"),
            Map.entry("w/o", "without"), Map.entry("d/t", "due to"), Map.entry("r/o", "rule out"), Map.entry("c/o", "complains of"),
            Map.entry("htn", "hypertension"), Map.entry("dm", "diabetes mellitus"), Map.entry("dm2", "type 2 diabetes mellitus"),
            Map.entry("t2dm", "type 2 diabetes mellitus"), Map.entry("dm1", "type 1 diabetes mellitus"), Map.entry("t1dm", "type 1 diabetes mellitus"),
            Map.entry("iddm", "type 1 diabetes mellitus"), Map.entry("niddm", "type 2 diabetes mellitus"),
            Map.entry("chf", "heart failure"), Map.entry("copd", "chronic obstructive pulmonary disease"), Map.entry("afib", "atrial fibrillation"),
            Map.entry("a-fib", "atrial fibrillation"), Map.entry("uti", "urinary tract infection"), Map.entry("mi", "myocardial infarction"),
            Map.entry("ami", "acute myocardial infarction"), Map.entry("cva", "cerebral infarction"), Map.entry("tia", "transient cerebral ischemic attack"),
            Map.entry("cad", "atherosclerotic heart disease of native coronary artery"), Map.entry("ckd", "chronic kidney disease"),
            Map.entry("aki", "acute kidney failure"), Map.entry("arf", "acute kidney failure"), Map.entry("esrd", "end stage renal disease"),
            Map.entry("hld", "hyperlipidemia"), Map.entry("gerd", "gastro-esophageal reflux disease"), Map.entry("osa", "obstructive sleep apnea"),
            Map.entry("gad", "generalized anxiety disorder"), Map.entry("mdd", "major depressive disorder"), Map.entry("pna", "pneumonia"),
            Map.entry("sob", "shortness of breath"), Map.entry("cp", "chest pain"), Map.entry("n/v", "nausea with vomiting"),
            Map.entry("ha", "headache"), Map.entry("lbp", "low back pain"), Map.entry("ams", "altered mental status"),
            Map.entry("dvt", "deep vein thrombosis"), Map.entry("pe", "pulmonary embolism"), Map.entry("bph", "benign prostatic hyperplasia"),
            Map.entry("ra", "rheumatoid arthritis"), Map.entry("oa", "osteoarthritis"), Map.entry("ms", "multiple sclerosis"),
            Map.entry("hiv", "human immunodeficiency virus"), Map.entry("uri", "upper respiratory infection"), Map.entry("hypothyroid", "hypothyroidism"),
            Map.entry("vit", "vitamin"), Map.entry("def", "deficiency"), Map.entry("unsp", "unspecified"), Map.entry("nos", "unspecified"),
            Map.entry("bilat", "bilateral"), Map.entry("lt", "left"), Map.entry("rt", "right"), Map.entry("l", "left"), Map.entry("r", "right"),
            Map.entry("ep", "episode"), Map.entry("infxn", "infection"), Map.entry("inf", "infection"), Map.entry("abd", "abdominal"),
            Map.entry("flu", "influenza"), Map.entry("lbw", "low birth weight"), Map.entry("sx", "symptoms"), Map.entry("etoh", "alcohol"),
            Map.entry("a1c", ""), Map.entry("hgba1c", ""), Map.entry("w", "with"),
            Map.entry("diabetic", "diabetes mellitus"), Map.entry("ekg", "electrocardiogram"),
            Map.entry("ecg", "electrocardiogram"), Map.entry("cbc", "complete blood count"), Map.entry("bmp", "basic metabolic panel"),
            Map.entry("cmp", "comprehensive metabolic panel"), Map.entry("lipid", "lipid panel"), Map.entry("lap", "laparoscopic"),
            Map.entry("appy", "appendectomy"), Map.entry("chole", "cholecystectomy"), Map.entry("tka", "total knee arthroplasty"),
            Map.entry("tha", "total hip arthroplasty"), Map.entry("egd", "esophagogastroduodenoscopy"), Map.entry("colo", "colonoscopy"),
            Map.entry("infx", "infection"), Map.entry("pos", "positive"), Map.entry("neg", "negative"), Map.entry("smoker", "nicotine dependence"),
            Map.entry("smoking", "nicotine dependence"), Map.entry("low potassium", "hypokalemia"),
            Map.entry("difficulty swallowing", "dysphagia"), Map.entry("former smoker", "history of nicotine dependence"),
            Map.entry("warfarin", "anticoagulants"), Map.entry("coumadin", "anticoagulants"), Map.entry("eliquis", "anticoagulants"),
            Map.entry("renal", "kidney"), Map.entry("benign htn", "hypertension"),
            // vaccines: the encounter is for immunization, whatever the vaccine ("flu shot z code" is Z23, not influenza)
            Map.entry("flu shot", "encounter for immunization"), Map.entry("flu vaccine", "encounter for immunization"),
            Map.entry("shot", "immunization"), Map.entry("vaccine", "immunization"), Map.entry("vax", "immunization"),
            Map.entry("vaccination", "immunization"),
            // more of the trade's abbreviations, each to the words of the titles
            Map.entry("ca", "malignant neoplasm"), Map.entry("mets", "secondary malignant neoplasm"), Map.entry("dz", "disease"),
            Map.entry("ptsd", "post-traumatic stress disorder"), Map.entry("adhd", "attention-deficit hyperactivity disorder"),
            Map.entry("ibs", "irritable bowel syndrome"), Map.entry("dka", "diabetes mellitus with ketoacidosis"),
            Map.entry("pvd", "peripheral vascular disease"), Map.entry("stemi", "st elevation myocardial infarction"),
            Map.entry("nstemi", "non-st elevation myocardial infarction"), Map.entry("hfref", "systolic heart failure"),
            Map.entry("hfpef", "diastolic heart failure"), Map.entry("tbi", "traumatic brain injury"), Map.entry("djd", "osteoarthritis"),
            Map.entry("svt", "supraventricular tachycardia"), Map.entry("pyelo", "pyelonephritis"), Map.entry("lac", "laceration"),
            Map.entry("fb", "foreign body"), Map.entry("gi bleed", "gastrointestinal hemorrhage"), Map.entry("sz", "seizures"),
            Map.entry("cabg", "aortocoronary bypass graft"), Map.entry("bx", "biopsy"),
            // the index: "Diabetes, uncontrolled - meaning hyperglycemia - see Diabetes, by type, with hyperglycemia"
            Map.entry("uncontrolled", "with hyperglycemia"), Map.entry("poorly controlled", "with hyperglycemia"),
            Map.entry("out of control", "with hyperglycemia"),
            // a screening named by its test is coded by what is screened for: "screening colonoscopy" dx is screening of the colon
            Map.entry("screening colonoscopy", "screening malignant neoplasm colon"),
            Map.entry("screening mammogram", "screening malignant neoplasm breast"));

    /**
     * Letters and digits that look like a code or a modifier but are words of the trade: lab values, vertebrae, vitamins,
     * the code-set names and the shorthand above written in capitals ("PT", "CM", "FX", "DX").
     */
    private static final Set<String> NOT_CODES = Set.of("A1C", "B12", "B6", "D3", "T3", "T4", "C1", "C2", "L4", "L5", "S1", "T12", "T11", "T10",
            "CO2", "O2", "H2O", "K2");

    /** Two letters that are words or shorthand before they are modifiers: read as a modifier only when placed like one. */
    static final Set<String> WORDS_NOT_MODIFIERS = Set.of("CM", "PT", "FX", "DX", "HX", "SX", "RX", "TX", "PO", "AS", "OR", "IN", "TO", "ON",
            "AT", "NO", "IT", "IS", "OF", "BE", "DO", "MD", "PA", "ER", "ED", "OP", "AM", "PM", "UP", "US", "WE", "ME", "HA", "CP", "PE", "RA",
            "OA", "MS", "GO", "SO", "IF", "BY", "AN", "MY", "OK", "EP", "CC", "QD", "NP", "DC", "OT", "ST", "SE", "CA", "GI",
            "UA", "IV", "IM", "SQ", "SC", "LA", "NV", "MI", "DM", "HR", "BP", "RN");

    /** The words that decide an intent: a question's word one edit away from one of these is read as it. */
    private static final List<String> INTENT_WORDS = List.of("global", "modifier", "billable", "units", "primary", "excludes", "character",
            "sequela", "subsequent", "initial", "encounter", "crosswalk", "coverage", "covered", "guideline", "guidelines", "bypass", "medically",
            "unlikely", "payment", "reimbursement", "indicator", "placeholder", "together", "replaced", "deleted", "diagnosis", "uncertain",
            "inpatient", "outpatient", "period", "adjudication", "probable", "suspected", "questionable", "possible", "discharge", "appendectomy", "pneumonia", "hypertension", "fracture", "unspecified");

    /** The intent words and the one-word ICD-10-PCS root operations and approaches ("fusoin" → "fusion"). */
    private static final List<String> TYPO_TARGETS = java.util.stream.Stream.concat(INTENT_WORDS.stream(),
            Knowledge.PCS_TERMS.stream().filter(t -> !t.contains(" ") && t.length() >= 5)).distinct().toList();

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z/\\-]*[A-Za-z/]|[A-Za-z]");

    /** Whether a code-shaped token (upper case, no dot) is a word of the trade rather than a code. */
    static boolean notACode(String token) {
        // shorthand of the vocabulary is a word even when shaped like a code ("t2dm" is not T2D.M)
        return NOT_CODES.contains(token) || SHORTHAND.containsKey(token.toLowerCase(Locale.ROOT));
    }

    /** The question with intent words misspelled by one edit corrected ("globel" → "global"); codes and short words untouched. */
    static String correctTypos(String text) {
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = m.group();
            String lower = word.toLowerCase(Locale.ROOT);
            String fixed = word;
            if (lower.length() >= 5 && !TYPO_TARGETS.contains(lower)) {
                for (String w : TYPO_TARGETS) {
                    if (Math.abs(w.length() - lower.length()) <= 1 && withinOneEdit(lower, w)) {
                        fixed = w;
                        break;
                    }
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(fixed));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The words for a search: shorthand expanded ("dm2 w/o complications" → "type 2 diabetes mellitus without complications"). */
    static String expand(String words) {
        String text = " " + words.toLowerCase(Locale.ROOT).replaceAll("[?!,;:()\"]", " ").replaceAll("\\s+", " ") + " ";
        for (Map.Entry<String, String> e : SHORTHAND.entrySet()) {
            if (e.getKey().contains(" ")) {
                text = text.replace(" " + e.getKey() + " ", " " + e.getValue() + " ");
            }
        }
        StringBuilder out = new StringBuilder();
        for (String token : text.trim().split(" ")) {
            String expanded = SHORTHAND.get(token);
            if (expanded == null && token.endsWith(".")) {
                expanded = SHORTHAND.get(token.substring(0, token.length() - 1));
            }
            out.append(expanded != null ? expanded : token).append(' ');
        }
        return out.toString().trim();
    }

    /** Levenshtein distance at most 1, with an adjacent swap counted as one edit (the commonest slip). */
    static boolean withinOneEdit(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (a.length() == b.length()) {
            int first = -1;
            int diffs = 0;
            for (int i = 0; i < a.length(); i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    if (diffs++ == 0) {
                        first = i;
                    }
                }
            }
            if (diffs == 1) {
                return true;
            }
            return diffs == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1) && a.charAt(first + 1) == b.charAt(first)
                    && a.substring(first + 2).equals(b.substring(first + 2));
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = a.length() > b.length() ? b : a;
        if (longer.length() - shorter.length() != 1) {
            return false;
        }
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        return shorter.substring(i).equals(longer.substring(i + 1));
    }

    private CodingVocabulary() {
    }
}
