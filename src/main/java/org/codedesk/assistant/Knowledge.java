package org.codedesk.assistant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codedesk.assistant.Answer.Citation;
import org.codedesk.assistant.Answer.Statement;
import org.codedesk.assistant.guidelines.Guidelines;
import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodePage;
import org.codedesk.catalog.CodeSystem;

/**
 * Answers beyond a code page, each statement cited: the Excludes1/Excludes2 notes between two diagnoses, the complete code
 * a 7th character makes, HCPCS drug units from the descriptor's dose, and guideline concepts (POA indicators, uncertain
 * diagnoses outpatient vs inpatient, "code also", "with", Excludes notes, the placeholder X) from the section of the
 * imported Official Guidelines that defines them. Every code named comes from the catalog's pages. Thread-safe.
 */
final class Knowledge {

    private final Catalog catalog;
    private final Guidelines guidelines;

    Knowledge(Catalog catalog, Guidelines guidelines) {
        this.catalog = catalog;
        this.guidelines = guidelines;
    }

    // --- Excludes1 / Excludes2 between two diagnoses ---

    private static final Pattern NOTE_CODE = Pattern.compile("\\b([A-Z]\\d[0-9A-Z](?:\\.[0-9A-Z]{0,4})?)(?:\\s*-\\s*([A-Z]\\d[0-9A-Z](?:\\.[0-9A-Z]{0,4})?)|\\.?-)?");

    void excludes(Interpretation q, LocalDate date, Consumer<Statement> say) {
        List<String> codes = q.diagnoses();
        for (int i = 0; i < codes.size(); i++) {
            for (int j = 0; j < codes.size(); j++) {
                if (i == j) {
                    continue;
                }
                String a = codes.get(i);
                String b = codes.get(j);
                Optional<CodePage> page = catalog.page(CodeSystem.ICD10CM, a, date);
                if (page.isEmpty()) {
                    continue;
                }
                String url = "/codes/icd10cm/" + CodeSystem.ICD10CM.display(a);
                for (CodePage.Note note : page.get().notes()) {
                    String kind = note.kind().toLowerCase(Locale.ROOT);
                    if (!kind.contains("excludes") || !names(note.fullText(), b)) {
                        continue;
                    }
                    boolean one = kind.contains("1");
                    String shownA = CodeSystem.ICD10CM.display(a);
                    String shownB = CodeSystem.ICD10CM.display(b);
                    say.accept(new Statement((one ? "Excludes1" : "Excludes2") + " at " + note.ownerCode() + " (above or at " + shownA + "): \""
                            + note.fullText() + "\". " + (one ? shownA + " and " + shownB + " are not reported together: an Excludes1 note means the"
                            + " two conditions cannot occur together (report both only when the conditions are unrelated, as the guidelines allow)."
                            : "An Excludes2 note means " + shownB + " is not part of " + shownA + ": both may be reported together when the patient"
                            + " has both conditions."), List.of(new Citation((page.get().notesRelease() == null ? page.get().release().label()
                            : page.get().notesRelease().label()) + " tabular", url))));
                    return;
                }
            }
        }
        say.accept(new Statement("No Excludes1 or Excludes2 note at " + String.join(" or ", codes.stream().map(CodeSystem.ICD10CM::display).toList())
                + " (or above them) names the other code: the tabular's notes do not bar reporting them together.",
                List.of(new Citation(catalog.releaseInForce(CodeSystem.ICD10CM, date).map(r -> r.label()).orElse("ICD-10-CM") + " tabular",
                        "/codes/icd10cm/" + CodeSystem.ICD10CM.display(codes.get(0))))));
    }

    /** Whether a note's text names the code: exactly, as a category with "-", or inside a range ("E10-E13"). */
    static boolean names(String text, String key) {
        Matcher m = NOTE_CODE.matcher(text);
        while (m.find()) {
            String from = m.group(1).replace(".", "");
            if (m.group(2) == null) {
                if (key.startsWith(from)) {
                    return true;
                }
            } else {
                String to = m.group(2).replace(".", "");
                String prefix = key.substring(0, Math.min(key.length(), Math.max(from.length(), to.length())));
                if (prefix.compareTo(from) >= 0 && prefix.compareTo(to) <= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    // --- 7th characters ---

    void seventh(String question, Interpretation q, LocalDate date, Consumer<Statement> say, Consumer<String> missing) {
        String lower = question.toLowerCase(Locale.ROOT);
        String wanted = lower.matches("(?s).*\\b(initial|1st|first)\\b.*") ? "initial" : lower.matches("(?s).*(subsequent|2nd|second|f/u|follow).*")
                ? "subsequent" : lower.matches("(?s).*(sequela|late effect).*") ? "sequela" : null;
        for (String key : q.diagnoses()) {
            Optional<CodePage> page = Optional.empty();
            for (String k = key; k.length() >= 3 && page.isEmpty(); k = k.substring(0, k.length() - 1)) {
                page = catalog.page(CodeSystem.ICD10CM, k, date);
                if (page.isPresent() && page.get().seventhCharacters().isEmpty() && k.length() == 7) {
                    page = Optional.empty(); // the code asked has its 7th character already: its parent lists them
                }
            }
            if (page.isEmpty() || page.get().seventhCharacters().isEmpty()) {
                missing.accept(CodeSystem.ICD10CM.display(key) + " takes no 7th character in the tabular"
                        + (page.isEmpty() ? " (it is not a code of the release in force on " + date + ")." : "."));
                continue;
            }
            CodePage p = page.get();
            List<String> lines = new ArrayList<>();
            for (CodePage.SeventhCharacter c : p.seventhCharacters()) {
                if (c.completeCode() == null || wanted != null && !c.meaning().toLowerCase(Locale.ROOT).contains(wanted)) {
                    continue;
                }
                lines.add(c.character() + " (" + c.meaning() + "): " + c.completeCode());
            }
            if (lines.isEmpty()) {
                missing.accept("No 7th character of " + p.code() + (wanted == null ? "" : " means " + wanted) + " in the tabular.");
                continue;
            }
            say.accept(new Statement("7th characters of " + p.code() + (wanted == null ? "" : " for the " + wanted + " encounter") + ": "
                    + String.join("; ", lines) + ". The 7th character is always the 7th: a code shorter than 6 characters takes the placeholder X.",
                    List.of(new Citation((p.seventhCharacterSource() == null ? p.release().label() : p.seventhCharacterSource()) + " tabular",
                            "/codes/icd10cm/" + p.code()))));
        }
    }

    // --- HCPCS drug units ---

    private static final Pattern DOSE = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*(mg|mcg|gm|g|ml|cc)\\b");

    void drugUnits(String question, Interpretation q, LocalDate date, Consumer<Statement> say, Consumer<String> missing) {
        Matcher asked = DOSE.matcher(q.words());
        if (!asked.find()) {
            missing.accept("Give the dose given (for example 80 mg) to count the units.");
            return;
        }
        for (String code : q.procedures()) {
            Optional<CodePage> page = catalog.page(CodeSystem.HCPCS, code, date);
            String descriptor = page.map(p -> p.longDescription() != null ? p.longDescription() : p.shortDescription()).orElse(null);
            Matcher per = DOSE.matcher(descriptor == null ? "" : descriptor);
            if (page.isEmpty() || !per.find()) {
                missing.accept(code + ": its HCPCS descriptor gives no dose per unit" + (page.isEmpty() ? " (not a HCPCS code in force on " + date + ")" : "") + ".");
                continue;
            }
            BigDecimal dose = inUnitOf(new BigDecimal(asked.group(1)), asked.group(2), per.group(2));
            BigDecimal one = new BigDecimal(per.group(1));
            if (dose == null || one.signum() == 0) {
                missing.accept(code + ": the dose is in " + asked.group(2) + ", the descriptor's unit in " + per.group(2) + ".");
                continue;
            }
            int units = dose.divide(one, 0, RoundingMode.CEILING).intValueExact();
            say.accept(new Statement(page.get().code() + " (" + descriptor + "): one unit is " + per.group(1) + " " + per.group(2).toLowerCase(Locale.ROOT)
                    + ", so " + asked.group(1) + " " + asked.group(2).toLowerCase(Locale.ROOT) + " is " + units + " unit" + (units == 1 ? "" : "s")
                    + " (a partial unit is rounded up to the next whole unit).",
                    List.of(new Citation(page.get().release().label(), "/codes/hcpcs/" + page.get().code()))));
        }
    }

    /** Units of a descriptor's dose the question's dose makes ("..., 40 mg" and "80 mg" → 2), rounded up; empty when not computable. */
    static Optional<Integer> units(String descriptor, String words) {
        Matcher asked = DOSE.matcher(words == null ? "" : words);
        Matcher per = DOSE.matcher(descriptor == null ? "" : descriptor);
        if (!asked.find() || !per.find()) {
            return Optional.empty();
        }
        BigDecimal dose = inUnitOf(new BigDecimal(asked.group(1)), asked.group(2), per.group(2));
        BigDecimal one = new BigDecimal(per.group(1));
        return dose == null || one.signum() == 0 ? Optional.empty() : Optional.of(dose.divide(one, 0, RoundingMode.CEILING).intValueExact());
    }

    private static BigDecimal inUnitOf(BigDecimal value, String from, String to) {
        String f = from.toLowerCase(Locale.ROOT).replace("gm", "g").replace("cc", "ml");
        String t = to.toLowerCase(Locale.ROOT).replace("gm", "g").replace("cc", "ml");
        if (f.equals(t)) {
            return value;
        }
        List<String> mass = List.of("mcg", "mg", "g");
        if (mass.contains(f) && mass.contains(t)) {
            return value.multiply(BigDecimal.valueOf(1000).pow(mass.indexOf(f))).divide(BigDecimal.valueOf(1000).pow(mass.indexOf(t)));
        }
        return null;
    }

    // --- ICD-10-PCS root operations and approaches ---

    /** The root operations and approaches of the Medical and Surgical section, by name (their definitions come from the data). */
    static final List<String> PCS_TERMS = List.of("alteration", "bypass", "change", "control", "creation", "destruction", "detachment",
            "dilation", "division", "drainage", "excision", "extirpation", "extraction", "fragmentation", "fusion", "insertion", "inspection",
            "map", "occlusion", "reattachment", "release", "removal", "repair", "replacement", "reposition", "resection", "restriction",
            "revision", "supplement", "transfer", "transplantation", "open", "percutaneous", "percutaneous endoscopic", "external",
            "via natural or artificial opening", "via natural or artificial opening endoscopic");

    /** The PCS terms a question names ("pcs excision vs resection"), longest first so "percutaneous endoscopic" wins. */
    static List<String> pcsTermsIn(String question) {
        String q = " " + question.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", " ").replaceAll("\\s+", " ") + " ";
        List<String> found = new ArrayList<>();
        PCS_TERMS.stream().sorted(java.util.Comparator.comparingInt(String::length).reversed()).forEach(t -> {
            if (q.contains(" " + t + " ") && found.stream().noneMatch(f -> f.contains(t))) {
                found.add(t);
            }
        });
        return found;
    }

    void pcsTerms(String question, LocalDate date, Consumer<Statement> say, Consumer<String> missing) {
        List<String> terms = pcsTermsIn(CodingVocabulary.correctTypos(question));
        var definitions = catalog.pcsDefinitions(date, terms);
        if (definitions.isEmpty()) {
            missing.accept("No ICD-10-PCS definitions file in force on " + date + " is imported, or it does not define " + String.join(", ", terms) + ".");
            return;
        }
        for (var d : definitions) {
            say.accept(new Statement("ICD-10-PCS " + d.axis().toLowerCase(Locale.ROOT) + " " + d.term() + ": " + d.definition()
                    + (d.explanation() == null || d.explanation().isBlank() ? "" : " Explanation: " + d.explanation())
                    + (d.includes() == null || d.includes().isBlank() ? "" : " Includes: " + d.includes()) + ".",
                    List.of(new Citation(d.release() + " definitions (Medical and Surgical)", "/codes/icd10pcs"))));
        }
    }

    // --- hypertension with heart disease and chronic kidney disease (Official Guidelines I.C.9.a) ---

    private static final Pattern HTN = Pattern.compile("(?i)\\b(htn|hypertension|hypertensive|high blood pressure)\\b");
    private static final Pattern CKD = Pattern.compile("(?i)\\b(ckd|chronic kidney|kidney disease|renal disease|esrd|end stage renal|chronic renal)\\b");
    private static final Pattern HEART_FAILURE = Pattern.compile("(?i)\\b(chf|hf|hfref|hfpef|heart failure|cardiac failure)\\b");
    private static final Pattern HEART_DISEASE = Pattern.compile("(?i)\\b(heart disease|heart dz|cardiomegaly|hhd|cardiac disease)\\b");
    /** Hypertension the I10-I13 presumption is not about: pulmonary, portal, intracranial, ocular, secondary, in pregnancy. */
    private static final Pattern OTHER_HYPERTENSION = Pattern.compile("(?i)\\b(pulmonary|portal|intracranial|ocular|secondary|renovascular|"
            + "gestational|pregnan\\w*|preeclampsia|eclampsia|postpartum|neonatal)\\b");
    private static final Pattern STAGE = Pattern.compile("(?i)\\b(?:ckd|stage|ckd stage)\\s*(1|2|3a|3b|3|4|5|i{1,3}|iv|v)\\b|\\b(esrd|end stage)\\b");

    /**
     * Hypertension with chronic kidney disease and/or heart disease: the guidelines presume the causal link, so the combination
     * code of I11/I12/I13 comes first, then the heart failure and the CKD stage. Each code is named only when the release in
     * force holds it, with its title; the guideline section is quoted. False when the question is not about that combination.
     */
    boolean hypertension(String question, LocalDate date, Consumer<Statement> say) {
        String q = CodingVocabulary.expand(question);
        boolean kidney = CKD.matcher(question).find() || CKD.matcher(q).find();
        boolean failure = HEART_FAILURE.matcher(question).find() || HEART_FAILURE.matcher(q).find();
        boolean heart = failure || HEART_DISEASE.matcher(question).find();
        if (!HTN.matcher(question).find() && !HTN.matcher(q).find() || !kidney && !heart || OTHER_HYPERTENSION.matcher(q).find()) {
            return false;
        }
        Matcher stageAsked = STAGE.matcher(question);
        String stage = stageAsked.find() ? (stageAsked.group(2) != null ? "esrd" : stageAsked.group(1).toLowerCase(Locale.ROOT)) : null;
        stage = stage == null ? null : switch (stage) {
            case "i" -> "1"; case "ii" -> "2"; case "iii" -> "3"; case "iv" -> "4"; case "v" -> "5"; default -> stage;
        };
        boolean late = "5".equals(stage) || "esrd".equals(stage);
        String ckdCode = stage == null ? "N18.9" : switch (stage) {
            case "1" -> "N18.1"; case "2" -> "N18.2"; case "3" -> "N18.30"; case "3a" -> "N18.31"; case "3b" -> "N18.32";
            case "4" -> "N18.4"; case "5" -> "N18.5"; default -> "N18.6";
        };
        String combination = kidney && heart ? (failure ? (late ? "I13.2" : "I13.0") : (late ? "I13.11" : "I13.10"))
                : kidney ? (late ? "I12.0" : "I12.9") : failure ? "I11.0" : "I11.9";
        List<String> codes = new ArrayList<>(List.of(combination));
        if (failure) {
            codes.add("I50.9");
        }
        if (kidney) {
            codes.add(ckdCode);
        }
        List<String> lines = new ArrayList<>();
        CodePage first = null;
        for (String code : codes) {
            Optional<CodePage> page = catalog.page(CodeSystem.ICD10CM, code.replace(".", ""), date);
            if (page.isEmpty() || !page.get().billable()) {
                continue;
            }
            first = first == null ? page.get() : first;
            lines.add(code + " " + (page.get().longDescription() != null ? page.get().longDescription() : page.get().shortDescription())
                    + (code.equals("I50.9") ? " (or the I50.- code of the documented type and acuity of heart failure)"
                    : code.equals("N18.9") ? " (or the N18.- code of the documented stage)" : ""));
        }
        if (first == null) {
            return false;
        }
        String sectionTitle = kidney && heart ? "hypertensive heart and chronic kidney disease" : kidney ? "hypertensive chronic kidney disease"
                : "hypertension with heart disease";
        Optional<Guidelines.Match> section = guidelines.sections(date).stream()
                .filter(s -> normalized(s.section().title()).contains(sectionTitle)).findFirst();
        List<Citation> citations = new ArrayList<>(List.of(new Citation(first.release().label(), "/codes/icd10cm/" + combination)));
        section.ifPresent(s -> citations.add(citation(s)));
        say.accept(new Statement("Hypertension with " + (kidney && heart ? "heart disease and chronic kidney disease" : kidney
                ? "chronic kidney disease" : "heart disease") + ": the guidelines presume the link unless the provider documents another"
                + " cause, so the combination code comes first, then " + (failure && kidney ? "the heart failure and the CKD stage" : failure
                ? "the heart failure" : kidney ? "the CKD stage" : "the heart disease") + ": " + String.join("; ", lines) + "."
                + (stage == null && kidney ? " Which CKD stage is documented? It decides the N18 code (and stage 5/ESRD changes the"
                + " combination code)." : ""), citations));
        section.ifPresent(s -> say.accept(new Statement("Official Guidelines, Section " + s.section().id() + " (" + s.section().title() + "): "
                + OfflineAnswers.excerpt(s.section().text()), List.of(citation(s)))));
        return true;
    }

    // --- guideline concepts ---

    private static final Pattern POA_LETTER = Pattern.compile("(?i)\\b(?:poa|present on admission)\\b(?:\\s+(?:indicator|ind|of|value))?\\s+\"?([YNUW])\"?\\b");

    void concept(String asked, LocalDate date, Consumer<Statement> say, Consumer<String> missing) {
        String question = CodingVocabulary.correctTypos(asked);
        List<Guidelines.Match> sections = guidelines.sections(date);
        if (sections.isEmpty()) {
            missing.accept("The ICD-10-CM Official Guidelines are not imported in CodeDesk: the concept cannot be quoted.");
            return;
        }
        if (asksPcs(question)) {
            pcsTerms(question, date, say, missing);
            return;
        }
        String q = " " + question.toLowerCase(Locale.ROOT).replaceAll("[“”\"']", " ") + " ";
        if (q.contains(" poa") || q.contains("present on admission")) {
            poa(question, sections, say, missing);
            return;
        }
        Optional<Guidelines.Match> found;
        if (q.matches("(?s).*( r/o |rule out|ruled out|probable|suspected|suspect |likely|questionable|possible |still to be ruled).*")) {
            boolean inpatient = q.matches("(?s).*(inpatient|inpt|discharge|admission|admitted| d/c ).*");
            found = sections.stream().filter(s -> normalized(s.section().title()).contains("uncertain diagnosis")
                    && s.section().id().startsWith("IV") != inpatient).findFirst();
            found.ifPresent(s -> say.accept(new Statement((inpatient ? "Inpatient (at discharge): code an uncertain diagnosis as if it existed."
                    : "Outpatient (office, clinic, emergency department): do not code an uncertain diagnosis; code the signs, symptoms or"
                    + " abnormal findings to the highest degree of certainty.") + " Official Guidelines, Section " + s.section().id() + " ("
                    + s.section().title() + "): " + OfflineAnswers.excerpt(s.section().text()), List.of(citation(s)))));
        } else {
            String concept = conceptTitle(q);
            if (concept == null) {
                // one precise question back rather than a guess
                missing.accept("Which convention or guideline do you mean: POA indicators, an uncertain diagnosis (outpatient or inpatient),"
                        + " \"code also\", \"with\", Excludes1/Excludes2, the placeholder X, or an ICD-10-PCS root operation?");
                return;
            }
            found = sections.stream().filter(s -> concept.equals("with") ? normalized(s.section().title()).equals("with")
                    : normalized(s.section().title()).contains(concept)).findFirst();
            found.ifPresent(s -> say.accept(new Statement("Official Guidelines, Section " + s.section().id() + " (" + s.section().title() + "): "
                    + OfflineAnswers.excerpt(s.section().text()), List.of(citation(s)))));
        }
        if (found.isEmpty()) {
            // no section titled for it: the section whose words match the question best, quoted and cited as such
            List<Guidelines.Match> best = guidelines.search(question, date, 1);
            if (!best.isEmpty()) {
                Guidelines.Match b = best.get(0);
                say.accept(new Statement("Official Guidelines, Section " + b.section().id() + " (" + b.section().title() + "), the section whose"
                        + " words match the question best: " + OfflineAnswers.excerpt(b.section().text()), List.of(citation(b))));
                return;
            }
            missing.accept("No section of the Official Guidelines in force on " + date + " is titled for this concept.");
        }
    }

    /**
     * The words of the title of the Official Guidelines section (Section I.A/I.B conventions) that defines the convention a question
     * asks about, or null. Matched against the imported section titles, so a title the guidelines do not have finds nothing.
     */
    static String conceptTitle(String q) {
        if (q.contains("code also")) {
            return "code also";
        }
        if (q.contains("use additional") || q.contains("code first") || q.contains("classified elsewhere") || q.contains("etiology")
                || q.contains("manifestation")) {
            return "etiology manifestation";
        }
        if (q.contains("placeholder") || q.contains("dummy x")) {
            return "placeholder";
        }
        if (q.contains("exclude")) {
            return "excludes";
        }
        if (q.contains("see also")) {
            return "see and see also";
        }
        if (q.matches("(?s).*\\b(nec|nos|not elsewhere classified|not otherwise specified)\\b.*")) {
            return "abbreviations";
        }
        if (q.contains("combination code")) {
            return "combination code";
        }
        if (q.contains("laterality")) {
            return "laterality";
        }
        if (q.contains("borderline")) {
            return "borderline diagnosis";
        }
        return q.contains(" with ") ? "with" : null;
    }

    /** "pcs excision vs resection", "root op fusion": a question about PCS terms, not the CM guidelines. */
    static boolean asksPcs(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        return (q.contains("pcs") || q.contains("root op") || q.contains("approach")) && !pcsTermsIn(question).isEmpty();
    }

    private void poa(String question, List<Guidelines.Match> sections, Consumer<Statement> say, Consumer<String> missing) {
        Matcher letter = POA_LETTER.matcher(question);
        java.util.Set<String> wanted = new java.util.HashSet<>();
        if (letter.find()) {
            wanted.add(letter.group(1).toUpperCase(Locale.ROOT));
            // "poa u vs w": the other letters standing alone after the first one are asked too
            Matcher more = Pattern.compile("(?i)(?:^|\\s)([YNUW])(?=[\\s?.,]|$)").matcher(question.substring(letter.end()));
            while (more.find()) {
                wanted.add(more.group(1).toUpperCase(Locale.ROOT));
            }
        }
        for (Guidelines.Match s : sections) {
            String body = s.section().text().replaceAll("\\s+", " ");
            int at = body.indexOf("Reporting Definitions");
            if (at < 0) {
                continue;
            }
            Matcher m = Pattern.compile("\\b([YNUW]) = (.+?)(?= [YNUW] = | Timeframe| Assigning|$)").matcher(body.substring(at));
            List<String> definitions = new ArrayList<>();
            while (m.find()) {
                if (wanted.isEmpty() || wanted.contains(m.group(1))) {
                    definitions.add(m.group(1) + " = " + m.group(2).strip());
                }
            }
            if (definitions.isEmpty()) {
                continue;
            }
            // the POA reporting guidelines are the guidelines' Appendix I: cited as such when the section read holds it
            Citation source = body.contains("Present on Admission Reporting Guidelines")
                    ? new Citation(s.release() + ", Appendix I Present on Admission Reporting Guidelines", null) : citation(s);
            say.accept(new Statement("POA indicator " + String.join("; ", definitions) + ". The reporting options are Y (yes), N (no), U (unknown),"
                    + " W (clinically undetermined), and blank for codes exempt from POA reporting.", List.of(source)));
            return;
        }
        missing.accept("The POA reporting definitions are not found in the imported Official Guidelines.");
    }

    private static Citation citation(Guidelines.Match s) {
        return new Citation(s.release() + ", Section " + s.section().id() + " " + s.section().title(), null);
    }

    /** A title in lower case letters and spaces only ("15. “With”" → "with"). */
    static String normalized(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", " ").replaceAll("\\s+", " ").trim();
    }
}
