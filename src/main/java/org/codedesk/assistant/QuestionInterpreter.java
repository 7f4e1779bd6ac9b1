package org.codedesk.assistant;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codedesk.edits.Setting;

/**
 * Understands a coding question without a language model: finds the codes, modifiers, date and setting in
 * it, and the intent from its wording. Pure: what is a HCPCS code or a modifier is given by the caller.
 * Thread-safe.
 */
final class QuestionInterpreter {

    private static final Pattern CPT = Pattern.compile("\\b(" + org.codedesk.catalog.CodeSystem.CPT_CODE + ")\\b");
    private static final Pattern LETTER_CODE = Pattern.compile("\\b([A-Z]\\d[0-9A-Z](?:\\.[0-9A-Z]{1,4}|[0-9A-Z]{1,4})?)\\b");
    private static final Pattern PCS = Pattern.compile("\\b([0-9BCDFGHX][0-9A-HJ-NP-Z]{6})\\b");
    // "modifier 25", "25 modifier", "99213-25": scanned separately, as "IS MODIFIER 25" holds two overlapping candidates
    private static final List<Pattern> MODIFIER_WORDS = List.of(Pattern.compile("\\bMODIFIERS?\\s*[-:]?\\s*([A-Z0-9]{2})\\b"),
            Pattern.compile("\\b([A-Z0-9]{2})\\s+MODIFIERS?\\b"), Pattern.compile("-([A-Z0-9]{2})\\b"));
    private static final Pattern TWO = Pattern.compile("\\b([A-Z0-9]{2})\\b");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b");

    private final Set<String> modifiers;
    private final Predicate<String> isHcpcs;

    /**
     * @param modifiers every modifier known (two characters, upper case)
     * @param isHcpcs   whether a letter + 4 digits key is a HCPCS Level II code (else it is read as ICD-10-CM: J1100
     *                  is a HCPCS drug code and also ICD-10-CM J11.00)
     */
    QuestionInterpreter(Set<String> modifiers, Predicate<String> isHcpcs) {
        this.modifiers = modifiers;
        this.isHcpcs = isHcpcs;
    }

    Interpretation interpret(String question) {
        String text = question == null ? "" : question.trim();
        Set<String> procedures = new LinkedHashSet<>();
        Set<String> diagnoses = new LinkedHashSet<>();
        Set<String> pcs = new LinkedHashSet<>();
        Set<String> mods = new LinkedHashSet<>();
        Optional<LocalDate> date = Optional.empty();
        Matcher d = ISO_DATE.matcher(text);
        if (d.find()) {
            try {
                date = Optional.of(LocalDate.parse(d.group(1)));
            } catch (DateTimeParseException e) {
                // not a real date: left as words
            }
        }
        String upper = ISO_DATE.matcher(text).replaceAll(" ").toUpperCase(Locale.ROOT);
        Matcher m = PCS.matcher(upper);
        while (m.find()) {
            if (m.group(1).chars().filter(Character::isDigit).count() >= 2 && m.group(1).chars().anyMatch(Character::isLetter)) {
                pcs.add(m.group(1));
            }
        }
        m = CPT.matcher(upper);
        while (m.find()) {
            procedures.add(m.group(1));
        }
        m = LETTER_CODE.matcher(upper);
        while (m.find()) {
            String key = m.group(1).replace(".", "");
            if (pcs.contains(key)) {
                continue;
            }
            if (key.length() == 5 && !m.group(1).contains(".") && key.substring(1).chars().allMatch(Character::isDigit) && isHcpcs.test(key)) {
                procedures.add(key);
            } else {
                diagnoses.add(key);
            }
        }
        for (Pattern modifierWord : MODIFIER_WORDS) {
            m = modifierWord.matcher(upper);
            while (m.find()) {
                if (modifiers.contains(m.group(1))) {
                    mods.add(m.group(1));
                }
            }
        }
        m = TWO.matcher(upper);
        while (m.find()) {
            // letter modifiers (XS, LT, GA) stand alone; a bare two-digit number is a modifier only next to others
            if (modifiers.contains(m.group(1)) && Character.isLetter(m.group(1).charAt(0)) && !m.group(1).equals("OR") && !m.group(1).equals("IN")
                    && !m.group(1).equals("AS") && !m.group(1).equals("TO")) {
                mods.add(m.group(1));
            }
        }
        if (!mods.isEmpty()) {
            m = TWO.matcher(upper);
            while (m.find()) {
                if (modifiers.contains(m.group(1)) && Character.isDigit(m.group(1).charAt(0))) {
                    mods.add(m.group(1));
                }
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        Optional<Setting> setting = lower.contains("outpatient hospital") || lower.contains("hospital outpatient") || lower.contains("opps")
                ? Optional.of(Setting.OUTPATIENT_HOSPITAL) : lower.contains("dme") || lower.contains("supplier") ? Optional.of(Setting.DME) : Optional.empty();
        String words = CPT.matcher(LETTER_CODE.matcher(text).replaceAll(" ")).replaceAll(" ").replaceAll("\\s+", " ").trim();
        Intent intent = intent(lower, procedures.size(), diagnoses.size() + pcs.size(), mods.size());
        return new Interpretation(intent, new ArrayList<>(procedures), new ArrayList<>(diagnoses), new ArrayList<>(pcs), new ArrayList<>(mods),
                date, setting, words);
    }

    private static Intent intent(String q, int procedures, int otherCodes, int modifiers) {
        if (has(q, "covered", "coverage", "cover ", "medical necessity", "medically necessary", " lcd", " ncd", "abn", "diagnoses support",
                "diagnosis support", "diagnoses supports", "support medical", "procedures does", "does it support", "supports")) {
            return Intent.COVERAGE;
        }
        if (procedures >= 2 && has(q, "together", "same day", "same date", "bundl", "ptp", "ncci", "cci", "unbundl", "with ")) {
            return Intent.PTP_PAIR;
        }
        if (has(q, "mue", "medically unlikely", "how many units", "max units", "maximum units", "units of")) {
            return Intent.MUE;
        }
        if (has(q, "global period", "global days", "global surgery", "global of", "postoperative period", "post-op period")) {
            return Intent.GLOBAL_PERIOD;
        }
        if (procedures > 0 && has(q, "rvu", "relative value", "fee schedule", "reimburs", "how much", "payment", "pay for", "pays for", "paid")) {
            return Intent.FEE_SCHEDULE;
        }
        if (has(q, "icd-9", "icd9", "icd 9", "gem", "crosswalk", "map to", "maps to", "mapping")) {
            return Intent.CROSSWALK;
        }
        if (modifiers > 0 && (procedures + otherCodes == 0 || q.contains("modifier"))) {
            return Intent.MODIFIER;
        }
        if (procedures + otherCodes > 0 && !has(q, "code for", "how do i code", "how to code")) {
            return Intent.CODE_LOOKUP;
        }
        if (has(q, "guideline", "how do i code", "how to code", "can i code", "should i code", "when do i code", "sequenc", "principal diagnosis")) {
            return Intent.GUIDELINE;
        }
        return Intent.FIND_CODE;
    }

    private static boolean has(String text, String... words) {
        for (String w : words) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
