package org.codedesk.catalog.plain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Abbreviations of the official titles and descriptors spelled out for a lay reader. Two kinds: shorthand that is
 * replaced by its words ("w/o" → "without", "inj" → "injection", "mg" → "milligrams"), and initialisms that are kept and
 * explained the first time a text uses them ("HIV" → "HIV (human immunodeficiency virus)"). The list is the
 * abbreviations found in the FY2026 ICD-10-CM and PCS titles and the HCPCS long descriptors; {@link #unexplained}
 * finds what is still left (the bench reports them).
 */
final class Abbreviations {

    /** Replaced by their words, case-insensitively, as whole tokens. */
    private static final Map<String, String> SHORTHAND = new LinkedHashMap<>();
    /** Kept, with their meaning in parentheses at first use; matched case-sensitively. */
    private static final Map<String, String> INITIALISMS = new LinkedHashMap<>();

    static {
        shorthand("w/o", "without");
        shorthand("w/", "with");
        shorthand("wo", "without");
        shorthand("incl", "including");
        shorthand("inj", "injection");
        shorthand("mg", "milligrams");
        shorthand("mcg", "micrograms");
        shorthand("ml", "milliliters");
        shorthand("cc", "milliliters");
        shorthand("cm", "centimeters");
        shorthand("mm", "millimeters");
        shorthand("sq", "square");
        shorthand("oz", "ounces");
        shorthand("ea", "each");
        shorthand("hr", "hour");
        shorthand("hrs", "hours");
        shorthand("min", "minutes");
        shorthand("mins", "minutes");
        shorthand("e.g.", "for example");
        shorthand("i.e.", "that is");
        shorthand("etc", "and so on");
        shorthand("etc.", "and so on"); // the period is the abbreviation's, not the end of a sentence
        shorthand("approx", "about");
        shorthand("ext", "external");
        shorthand("unsp", "unspecified");
        shorthand("oth", "other");
        shorthand("NOS", "not otherwise specified");
        shorthand("NEC", "not elsewhere classified");
        shorthand("NOC", "not otherwise classified");

        initialism("HIV", "human immunodeficiency virus");
        initialism("AIDS", "acquired immune deficiency syndrome");
        initialism("COVID-19", "coronavirus disease 2019");
        initialism("DME", "durable medical equipment");
        initialism("dmepos", "durable medical equipment, prosthetics, orthotics and supplies");
        initialism("VA", "Veterans Affairs");
        // the HCPCS long descriptors write some initialisms in lower case
        initialism("esrd", "end-stage kidney disease");
        initialism("hiv", "human immunodeficiency virus");
        initialism("hcv", "hepatitis C virus");
        initialism("fda", "Food and Drug Administration");
        initialism("dme", "durable medical equipment");
        initialism("lpn", "licensed practical nurse");
        initialism("Ct", "computed tomography, a detailed X-ray scan");
        initialism("va", "Veterans Affairs");
        initialism("DMEPOS", "durable medical equipment, prosthetics, orthotics and supplies");
        initialism("HCPCS", "Healthcare Common Procedure Coding System");
        initialism("CPT", "Current Procedural Terminology");
        initialism("CT", "computed tomography, a detailed X-ray scan");
        initialism("CTA", "computed tomography of the blood vessels");
        initialism("MRI", "magnetic resonance imaging, a scan using magnets");
        initialism("MRA", "magnetic resonance imaging of the blood vessels");
        initialism("PET", "positron emission tomography, a scan using a tracer");
        initialism("ECG", "a heart tracing");
        initialism("EKG", "a heart tracing");
        initialism("EEG", "a brain wave test");
        // "IV" is not here: in ICD-10-CM titles it is a stage ("stage IV"), not "intravenous"
        initialism("IM", "into a muscle");
        initialism("SC", "under the skin");
        initialism("SQ", "under the skin");
        initialism("ESRD", "end-stage kidney disease");
        initialism("CKD", "chronic kidney disease");
        initialism("COPD", "chronic obstructive pulmonary disease, a long-term lung disease");
        initialism("ASC", "ambulatory surgical center");
        initialism("OPPS", "hospital outpatient payment system");
        initialism("RVU", "relative value unit");
        initialism("RVUs", "relative value units");
        initialism("IOL", "intraocular lens");
        initialism("IOLs", "intraocular lenses");
        initialism("TURP", "prostate surgery through the urethra");
        initialism("CABG", "heart bypass surgery");
        initialism("PTCA", "opening a heart artery with a balloon");
        initialism("CAT", "computed tomography, a detailed X-ray scan");
        initialism("BETOS", "Berenson-Eggers type of service");
        initialism("NCD", "national coverage determination");
        initialism("LCD", "local coverage determination");
        initialism("ICD", "International Classification of Diseases");
        initialism("DNA", "genetic material");
        initialism("RNA", "genetic material");
        initialism("HPV", "human papillomavirus");
        initialism("MRSA", "a germ that resists many antibiotics");
        initialism("ADHD", "attention-deficit hyperactivity disorder");
        initialism("PTSD", "post-traumatic stress disorder");
        initialism("STEMI", "a heart attack seen on a heart tracing");
        initialism("NSTEMI", "a heart attack not seen as ST elevation on a heart tracing");
        initialism("ST", "a part of the heart tracing");
        initialism("BMI", "body mass index");
        initialism("UV", "ultraviolet");
        initialism("CSF", "spinal fluid");
        initialism("GI", "digestive");
        initialism("ENT", "ear, nose and throat");
        initialism("ICU", "intensive care unit");
        initialism("ESA", "a drug that helps make red blood cells");
        initialism("TENS", "a nerve stimulator on the skin");
        initialism("CPAP", "a breathing machine with steady air pressure");
        initialism("BiPAP", "a breathing machine with two air pressures");
        initialism("PICC", "a thin tube put into an arm vein");
        initialism("HbA1c", "a blood sugar test");
        initialism("PSA", "prostate-specific antigen");
        initialism("Rh", "a blood type factor");
        // the initialisms the ICD-10-CM titles and index entries use most outside the brackets that spell them out
        initialism("NK", "natural killer, a kind of white blood cell");
        initialism("ABO", "the main blood group system");
        initialism("ALK", "a gene some lymphomas carry");
        initialism("NSAID", "a pain and swelling drug such as ibuprofen");
        initialism("LSD", "a hallucinogenic street drug");
        initialism("COVID", "coronavirus disease");
        initialism("HELLP", "a pregnancy problem with broken red blood cells, high liver enzymes and low platelets");
        initialism("EMT", "emergency medical technician");
        initialism("NIHSS", "National Institutes of Health Stroke Scale");
        initialism("PRIND", "a stroke-like attack that went away");
        initialism("IBM", "inclusion body myositis, a muscle disease");
        initialism("PTLD", "a lymph tissue growth after a transplant");
        initialism("DISH", "a stiffening of the spine's ligaments");
        initialism("ATV", "all-terrain vehicle");
        initialism("IED", "improvised explosive device, a homemade bomb");
        initialism("BB", "a small metal pellet");
        initialism("SIRS", "a body-wide inflammation response");
    }

    private static final Pattern TOKEN = Pattern.compile("(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9./-]*/?)(?![A-Za-z0-9])");
    private static final Pattern CAPS = Pattern.compile("\\b([A-Z][A-Z0-9]{1,}[a-z]?)\\b");

    private static final java.util.Set<String> CAPITAL_SHORTHAND = java.util.Set.of("NOS", "NEC", "NOC");

    private static boolean quoted(String text, int start, int end) {
        return start > 0 && end < text.length() && "'\"".indexOf(text.charAt(start - 1)) >= 0 && text.charAt(start - 1) == text.charAt(end);
    }

    private Abbreviations() {
    }

    private static void shorthand(String abbreviation, String words) {
        SHORTHAND.put(abbreviation.toLowerCase(java.util.Locale.ROOT), words);
    }

    private static void initialism(String abbreviation, String meaning) {
        INITIALISMS.put(abbreviation, meaning);
    }

    /** The text with shorthand replaced and each known initialism explained at its first use in the text. */
    static String spellOut(String text) {
        if (text == null) {
            return null;
        }
        String result = text.replace("w/o ", "without ").replace("W/O ", "without ").replace("w/ ", "with ").replace("W/ ", "with ");
        Matcher m = TOKEN.matcher(result);
        StringBuilder out = new StringBuilder();
        java.util.Set<String> explained = new java.util.HashSet<>();
        while (m.find()) {
            String token = m.group(1);
            String bare = token.endsWith(".") && !SHORTHAND.containsKey(token.toLowerCase(java.util.Locale.ROOT))
                    ? token.substring(0, token.length() - 1) : token;
            String tail = token.substring(bare.length());
            String replacement = token;
            String words = SHORTHAND.get(bare.toLowerCase(java.util.Locale.ROOT));
            if (INITIALISMS.containsKey(bare)) {
                // an initialism is explained once; "SQ" is "under the skin", not the shorthand "sq" (square); one in parentheses
                // is itself the explanation of the words before it ("used durable medical equipment (DME)")
                boolean inParentheses = m.start() > 0 && result.charAt(m.start() - 1) == '(';
                if (inParentheses) {
                    explained.add(bare);
                } else if (explained.add(bare)) {
                    replacement = bare + " (" + INITIALISMS.get(bare) + ")" + tail;
                }
            } else if (words != null && (!bare.equals(bare.toUpperCase(java.util.Locale.ROOT)) || CAPITAL_SHORTHAND.contains(bare))
                    && !quoted(result, m.start(), m.end())) {
                // shorthand in capitals is another thing ("CC" is a modifier, not cubic centimeters): only NOS, NEC, NOC are
                // written so; a quoted token is a name, not shorthand
                replacement = words + tail;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        // "1 mg" became "1 milligrams": one unit is singular
        return out.toString().replaceAll("\\b1 (milligram|microgram|milliliter|centimeter|millimeter|ounce|hour|minute)s\\b", "1 $1");
    }

    /** The text without the explanations added to initialisms (which are given once per text, so not in every sentence). */
    static String withoutExplanations(String text) {
        String result = text;
        for (var e : INITIALISMS.entrySet()) {
            result = result.replace(e.getKey() + " (" + e.getValue() + ")", e.getKey());
        }
        return result;
    }

    /** The sentences with each initialism explained at its first use only ("HIV (human immunodeficiency virus)" once). */
    static java.util.List<org.codedesk.catalog.PlainLanguage.Sentence> explainOnce(java.util.List<org.codedesk.catalog.PlainLanguage.Sentence> sentences) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.List<org.codedesk.catalog.PlainLanguage.Sentence> out = new java.util.ArrayList<>();
        for (org.codedesk.catalog.PlainLanguage.Sentence s : sentences) {
            String text = s.text();
            for (var e : INITIALISMS.entrySet()) {
                String explained = e.getKey() + " (" + e.getValue() + ")";
                int first = text.indexOf(explained);
                if (first < 0) {
                    continue;
                }
                String head = text.substring(0, first + explained.length());
                String tail = text.substring(first + explained.length()).replace(explained, e.getKey());
                text = seen.add(e.getKey()) ? head + tail : text.replace(explained, e.getKey());
            }
            out.add(text.equals(s.text()) ? s : new org.codedesk.catalog.PlainLanguage.Sentence(text, s.field(), s.value()));
        }
        return out;
    }

    /** Tokens of the text that look like abbreviations (two or more capitals) and are neither explained nor known words. */
    static java.util.List<String> unexplained(String text) {
        java.util.List<String> found = new java.util.ArrayList<>();
        if (text == null) {
            return found;
        }
        Matcher m = CAPS.matcher(text);
        while (m.find()) {
            String token = m.group(1);
            if (token.matches("[A-Z]\\d+.*|\\d.*|I{1,3}[A-C]?|IV[A-C]?|VI{0,3}[A-C]?|X") || token.matches("[A-Z][0-9A-Z]{2,6}") && token.matches(".*\\d.*")) {
                continue; // codes, stages and roman numerals are not abbreviations
            }
            int after = m.end();
            boolean explainedHere = after < text.length() - 1 && text.charAt(after) == ' ' && text.charAt(after + 1) == '(';
            boolean explainedBefore = text.substring(0, m.start()).contains(token + " (");
            // "improvised explosive device [IED]", "(NIHSS) score": an initialism opening brackets names the words before it
            boolean namesTheWordsBefore = m.start() > 1 && (text.charAt(m.start() - 1) == '(' || text.charAt(m.start() - 1) == '[')
                    && Character.isLetter(text.charAt(m.start() - 2 - (text.charAt(m.start() - 2) == ' ' ? 1 : 0)));
            if (!explainedHere && !explainedBefore && !namesTheWordsBefore) {
                found.add(token);
            }
        }
        return found;
    }
}
