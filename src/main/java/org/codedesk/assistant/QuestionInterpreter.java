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
    // a hyphen makes a modifier only after a code or standing alone ("99213-25", "-59"), never inside "ICD-10-CM"
    private static final List<Pattern> MODIFIER_WORDS = List.of(Pattern.compile("\\b(?:MODIFIERS?|MODS?)\\s*[-:]?\\s*([A-Z0-9]{2})\\b"),
            Pattern.compile("\\b([A-Z0-9]{2})\\s+(?:MODIFIERS?|MOD)\\b"), Pattern.compile("(?:^|[\\s(,/])-([A-Z0-9]{2})\\b"),
            Pattern.compile("\\b(?:\\d{5}|[A-Z]\\d{4})-([A-Z0-9]{2})\\b"), Pattern.compile("\\b(?:WITH|W/)\\s*(\\d{2})\\b(?!\\s*(?:MG|MCG|UNITS?|MIN))"));
    private static final Pattern US_DATE = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})\\b");
    private static final Pattern TWO = Pattern.compile("\\b([A-Z0-9]{2})\\b");
    static final Pattern ICD9 = Pattern.compile("\\b(\\d{3}\\.\\d{1,2})\\b");
    private static final Pattern X_MODIFIER = Pattern.compile("(?i)\\b(x[epsu])\\b");
    private static final Pattern FISCAL_YEAR = Pattern.compile("(?i)\\bfy\\s?'?(\\d{4}|\\d{2})\\b");
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
        Matcher us = US_DATE.matcher(text);
        while (date.isEmpty() && us.find()) {
            // a date of birth is no date of service; nor is a year before ICD-10 (2015)
            String before = text.substring(Math.max(0, us.start() - 12), us.start()).toLowerCase(Locale.ROOT);
            int year = Integer.parseInt(us.group(3));
            year = year < 100 ? 2000 + year : year;
            if (before.contains("dob") || before.contains("birth") || before.contains("born") || year < 2015) {
                continue;
            }
            try {
                date = Optional.of(LocalDate.of(year, Integer.parseInt(us.group(1)), Integer.parseInt(us.group(2))));
            } catch (java.time.DateTimeException e) {
                // not a real date: left as words
            }
        }
        // "in FY2024", "fy 25": the ICD-10 fiscal year starts on October 1 of the year before
        Matcher fy = FISCAL_YEAR.matcher(text);
        if (date.isEmpty() && fy.find()) {
            int year = Integer.parseInt(fy.group(1));
            year = year < 100 ? 2000 + year : year;
            if (year >= 2016 && year <= 2100) {
                date = Optional.of(LocalDate.of(year - 1, 10, 1));
            }
        }
        text = CodingVocabulary.correctTypos(FISCAL_YEAR.matcher(US_DATE.matcher(text).replaceAll(" ")).replaceAll(" "));
        String original = ISO_DATE.matcher(text).replaceAll(" ");
        String upper = original.toUpperCase(Locale.ROOT);
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
            if (pcs.contains(key) || CodingVocabulary.notACode(key)) {
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
        m = TWO.matcher(original);
        while (m.find()) {
            // letter modifiers (XS, LT, GA) stand alone when written in capitals and not a word of the trade (PT, CM, FX: patient,
            // ICD-10-CM, fracture); a bare two-digit number is a modifier only next to others
            String token = m.group(1);
            if (modifiers.contains(token) && Character.isLetter(token.charAt(0)) && !CodingVocabulary.WORDS_NOT_MODIFIERS.contains(token)) {
                mods.add(token);
            }
        }
        // the X{EPSU} modifiers are no word in any case: "can xu override..."
        m = X_MODIFIER.matcher(original);
        while (m.find()) {
            if (modifiers.contains(m.group(1).toUpperCase(Locale.ROOT))) {
                mods.add(m.group(1).toUpperCase(Locale.ROOT));
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
        List<Intent> intents = intents(" " + lower + " ", procedures.size(), diagnoses.size(), pcs.size(), mods.size());
        // an ICD-9-CM diagnosis code ("250.00") with words of a conversion: the GEMs backward
        if (diagnoses.isEmpty() && pcs.isEmpty() && ICD9.matcher(original).find() && has(lower, "icd", "gem", "crosswalk", "map", "convert", "equivalent")) {
            intents = List.of(Intent.CROSSWALK);
        }
        return new Interpretation(intents.get(0), new ArrayList<>(procedures), new ArrayList<>(diagnoses), new ArrayList<>(pcs), new ArrayList<>(mods),
                date, setting, words, intents.subList(1, intents.size()));
    }

    /** Intents a question's other parts may add to its first one ("mue and global for 20610", "is I50.2 billable, icd9?"). */
    private static final Set<Intent> COMBINABLE = java.util.EnumSet.of(Intent.MUE, Intent.GLOBAL_PERIOD, Intent.FEE_SCHEDULE, Intent.CROSSWALK,
            Intent.CODE_LOOKUP, Intent.ADD_ON, Intent.SEVENTH_CHARACTER);

    private static final Pattern ADD_ON_SIGN = Pattern.compile("\\+\\s?\\d{4}[0-9T]");
    private static final Pattern DOSE = Pattern.compile("\\d\\s*(mg|mcg|gm?|ml|units?)\\b");

    /** Every intent the wording shows, the first one deciding; the others only when combinable with it. */
    static List<Intent> intents(String q, int procedures, int diagnoses, int pcs, int modifiers) {
        int otherCodes = diagnoses + pcs;
        List<Intent> found = new ArrayList<>();
        if (has(q, "covered", "coverage", "cover ", "medical necessity", "medically necessary", " lcd", " ncd", "abn", "diagnoses support",
                "diagnosis support", "diagnoses supports", "support medical", " support ", "dx support", "procedures does", "does it support", "supports")) {
            found.add(Intent.COVERAGE);
        }
        if (procedures + otherCodes == 0 && (Knowledge.asksPcs(q) || has(q, " poa", "present on admission", "code also", "placeholder", "dummy x", "\"with\"",
                "'with'", " with convention", " with mean", "excludes1 vs", "excludes 1 vs", "excludes 1 and excludes 2", "excludes1 and excludes2",
                "excludes2 note", "excludes1 note", "excludes 2 note", "excludes 1 note", "what is an excludes", "diff between excludes", "with assumed",
                "use additional", "code first mean", "code first note", "classified elsewhere", "see also", "nos mean", "nec mean", "does nos",
                "does nec", "nec vs nos", "nos vs nec", "not elsewhere classified", "not otherwise specified", "combination code", "laterality",
                "borderline")
                || has(q, " r/o ", "rule out", "ruled out", "probable", "suspected", "suspect ", "likely", "questionable", "possible ", "still to be ruled"))) {
            found.add(Intent.CONCEPT);
        }
        if (diagnoses >= 2 && has(q, "together", " with ", " and ", "same claim", "exclude", " + ", " & ", " w/ ")) {
            found.add(Intent.EXCLUDES);
        }
        if (procedures >= 2 && has(q, "together", "same day", "same date", "bundl", "ptp", "ncci", "cci", "unbundl", "with ")) {
            found.add(Intent.PTP_PAIR);
        }
        if (procedures > 0 && (has(q, "add-on", "addon", "add on", "primary") || ADD_ON_SIGN.matcher(q).find())) {
            found.add(Intent.ADD_ON);
        }
        if (procedures > 0 && DOSE.matcher(q).find() && has(q, "unit")) {
            found.add(Intent.DRUG_UNITS);
        }
        if (modifiers > 0 && procedures == 0 && has(q, "bypass", "override", "get past", "get around", "indicator")) {
            found.add(Intent.MODIFIER);
        }
        if (modifiers == 0 && procedures == 0 && has(q, "modifier indicator", "mod indicator", "mod ind ")) {
            found.add(Intent.MODIFIER);
        }
        if (has(q, "mue", "medically unlikely", "how many units", "max units", "maximum units", "units of", " mai ", "units allowed")) {
            found.add(Intent.MUE);
        }
        if (procedures > 0 && has(q, "rvu", "relative value", "fee schedule", "reimburs", "how much", "payment", "pay for", "pays for", "paid", "pfs",
                "status ind", "physician fee", "mpfs")) {
            found.add(Intent.FEE_SCHEDULE);
        }
        if (has(q, "global period", "global days", "global surgery", "global of", "postoperative period", "post-op period", "post op days",
                "postop days") || procedures > 0 && has(q, "global")) {
            found.add(Intent.GLOBAL_PERIOD);
        }
        if (diagnoses > 0 && has(q, "7th", "seventh", "initial encounter", "subsequent", "sequela", "initial visit", "2nd visit", "f/u visit",
                "late effect", "1st encounter")) {
            found.add(Intent.SEVENTH_CHARACTER);
        }
        if (has(q, "icd-9", "icd9", "icd 9", "gem", "crosswalk", "map to", "maps to", "mapping")) {
            found.add(Intent.CROSSWALK);
        }
        if (modifiers > 0 && (procedures + otherCodes == 0 || q.contains("modifier"))) {
            found.add(Intent.MODIFIER);
        }
        if (procedures + otherCodes > 0 && (!has(q, "code for", "how do i code", "how to code") || has(q, "new code for", "replace"))) {
            found.add(Intent.CODE_LOOKUP);
        }
        if (has(q, "guideline", "how do i code", "how to code", "can i code", "should i code", "when do i code", "sequenc", "principal diagnosis",
                "goes first", "go first", "which first", "list first", "listed first", "first listed", "primary dx", "code first")) {
            found.add(Intent.GUIDELINE);
        }
        found.add(Intent.FIND_CODE);
        Intent first = found.get(0);
        List<Intent> intents = new ArrayList<>(List.of(first));
        if (COMBINABLE.contains(first)) {
            for (Intent i : found) {
                boolean lookupAsked = i != Intent.CODE_LOOKUP || has(q, "billable", "valid", "header");
                if (COMBINABLE.contains(i) && !intents.contains(i) && lookupAsked) {
                    intents.add(i);
                }
            }
        }
        // the fee schedule answer gives the global period too
        if (intents.contains(Intent.FEE_SCHEDULE)) {
            intents.remove(Intent.GLOBAL_PERIOD);
        }
        return intents;
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
