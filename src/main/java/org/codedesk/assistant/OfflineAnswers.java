package org.codedesk.assistant;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.codedesk.assistant.Answer.Citation;
import org.codedesk.assistant.Answer.Statement;
import org.codedesk.assistant.guidelines.Guidelines;
import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodePage;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.coverage.Coverage;
import org.codedesk.coverage.CoverageDocument;
import org.codedesk.coverage.Crosswalk;
import org.codedesk.coverage.Necessity;
import org.codedesk.coverage.Resolution;
import org.codedesk.edits.AddOnEdit;
import org.codedesk.edits.Dataset;
import org.codedesk.edits.Edits;
import org.codedesk.edits.EditsRelease;
import org.codedesk.edits.FeeSchedule;
import org.codedesk.edits.GemMapping;
import org.codedesk.edits.Modifier;
import org.codedesk.edits.ModifierIndicator;
import org.codedesk.edits.Modifiers;
import org.codedesk.edits.MueLimit;
import org.codedesk.edits.PtpEdit;
import org.codedesk.edits.Setting;
import org.codedesk.search.Search;

/**
 * Composes answers from CodeDesk's tools, one method per intent. Every statement is built from a tool's result
 * and cites it; a tool with no data for the question adds a line to {@code missing} instead of a statement. For a
 * guest, the tools whose facts the code pages show members only (PTP edits, MUE, fee schedule, GEMs, coverage) are not
 * run: the answer carries the code pages' gate ({@link MembersOnly}) in their place.
 */
final class OfflineAnswers {

    private static final int SEARCH_RESULTS = 5;

    private final Catalog catalog;
    private final Edits edits;
    private final Modifiers modifiers;
    private final Search search;
    private final Guidelines guidelines;
    private final Coverage coverage;
    private final Knowledge knowledge;

    OfflineAnswers(Catalog catalog, Edits edits, Modifiers modifiers, Search search, Guidelines guidelines, Coverage coverage) {
        this.guidelines = guidelines;
        this.coverage = coverage;
        this.catalog = catalog;
        this.edits = edits;
        this.modifiers = modifiers;
        this.search = search;
        this.knowledge = new Knowledge(catalog, guidelines);
        this.drugs = new DrugNames(catalog);
    }

    private final DrugNames drugs;

    private static final java.util.regex.Pattern DOSE_ASKED = java.util.regex.Pattern.compile("(?i)\\d\\s*(mg|mcg|gm?|ml|cc)\\b");
    private static final java.util.regex.Pattern DRUG_BILLING = java.util.regex.Pattern.compile(
            "(?i)\\b(j ?codes?|hcpcs|units?|inj|injections?|injected|administ\\w*|given|bill\\w*|iv|im|push|infusion|what code)\\b");
    /** A drug named in a diagnosis question is the cause of a condition, not a drug to bill: "adverse effect of lasix". */
    private static final java.util.regex.Pattern DRUG_AS_CAUSE = java.util.regex.Pattern.compile(
            "(?i)(adverse|poison|allerg|overdose|underdos|long[ -]term|reaction|toxic|dependence|abuse|use of)");

    /**
     * A question that names a drug by its brand or generic name and no code ("toradol 60 mg units", "hcpcs for zofran") is read as
     * about the HCPCS codes whose descriptor names the drug: their units for the dose asked, or what they are, and the question's
     * other parts (MUE, ...) for those codes.
     */
    private Interpretation withDrugCodes(String question, LocalDate date, Interpretation q, Draft draft) {
        if (!q.procedures().isEmpty() || !q.diagnoses().isEmpty() && q.intent() != Intent.FIND_CODE) {
            return q;
        }
        boolean dose = DOSE_ASKED.matcher(question).find();
        if (!dose && !DRUG_BILLING.matcher(question).find() || DRUG_AS_CAUSE.matcher(question).find()) {
            return q;
        }
        Optional<DrugNames.Found> found = drugs.find(question, date);
        if (found.isEmpty()) {
            return q;
        }
        DrugNames.Found drug = found.get();
        List<String> codes = drug.codes().stream().map(c -> c.key()).toList();
        Citation hcpcs = new Citation(catalog.releaseInForce(CodeSystem.HCPCS, date).map(r -> r.label()).orElse("HCPCS Level II"),
                "/search?q=" + drug.generic().replace(' ', '+') + "&system=hcpcs");
        String listed = String.join("; ", drug.codes().stream().map(c -> c.code() + " (" + c.title() + ")").toList());
        if (drug.brand()) {
            draft.say(Character.toUpperCase(drug.asked().charAt(0)) + drug.asked().substring(1) + (DrugNames.COMMON_NAMES.contains(drug.asked()) ? " is a common name of " : " is a brand name of ") + drug.generic()
                    + ". HCPCS codes whose descriptor names " + drug.generic() + ": " + listed + ".", new Citation(DrugNames.BRAND_SOURCE, null), hcpcs);
        } else {
            draft.say("HCPCS codes whose descriptor names " + drug.generic() + ": " + listed + ".", hcpcs);
        }
        List<Intent> intents = new ArrayList<>(List.of(dose ? Intent.DRUG_UNITS : Intent.CODE_LOOKUP));
        QuestionInterpreter.intents(" " + question.toLowerCase(java.util.Locale.ROOT) + " ", codes.size(), 0, 0, 0).stream()
                .filter(i -> i == Intent.MUE || i == Intent.FEE_SCHEDULE || i == Intent.COVERAGE).filter(i -> !intents.contains(i)).forEach(intents::add);
        return new Interpretation(intents.get(0), codes, List.of(), List.of(), q.modifiers(), q.date(), q.setting(), q.words(),
                intents.subList(1, intents.size()));
    }

    /** What one answer collects while tools run, for its reader. */
    private static final class Draft {
        final List<Statement> statements = new ArrayList<>();
        final List<String> missing = new ArrayList<>();
        /** One sentence per dataset answered from an older release than the one in force on the date (see Currency). */
        final java.util.Set<String> notices = new java.util.LinkedHashSet<>();
        final Reader reader;

        Draft(Reader reader) {
            this.reader = reader;
        }

        void say(String text, Citation... citations) {
            statements.add(new Statement(text, List.of(citations)));
        }

        /** For a guest, says that {@code what} is for members and returns true: the caller then looks nothing up. */
        boolean gated(String what) {
            if (reader == Reader.MEMBER) {
                return false;
            }
            statements.add(MembersOnly.gate(what));
            return true;
        }
    }

    /** " of 20610, 27447", or nothing when no code is named. */
    private static String of(List<String> codes) {
        return codes.isEmpty() ? "" : " of " + String.join(", ", codes);
    }

    Answer answer(String question, LocalDate date, Interpretation asked, Reader reader) {
        Draft draft = new Draft(reader);
        Interpretation q = withDrugCodes(question, date, asked, draft);
        answerPart(q.intent(), question, date, q, draft);
        // a question in several parts: each part's answer after the first one's
        q.also().forEach(intent -> answerPart(intent, question, date, q, draft));
        // diagnosis or PCS codes named beside a procedure question ("E11.9 and the mue for 20610"): no part said what they are
        java.util.Set<Intent> all = java.util.EnumSet.of(q.intent());
        all.addAll(q.also());
        if (!q.diagnoses().isEmpty() || !q.pcs().isEmpty()) {
            if (java.util.Collections.disjoint(all, java.util.EnumSet.of(Intent.CODE_LOOKUP, Intent.EXCLUDES, Intent.SEVENTH_CHARACTER, Intent.CROSSWALK,
                    Intent.COVERAGE, Intent.FIND_CODE, Intent.GUIDELINE, Intent.CONCEPT))) {
                q.diagnoses().forEach(code -> describe(CodeSystem.ICD10CM, code, date, draft));
                q.pcs().forEach(code -> describe(CodeSystem.ICD10PCS, code, date, draft));
            }
        }
        if (draft.statements.isEmpty() && draft.missing.isEmpty()) {
            draft.missing.add("Nothing in CodeDesk's data answers this question as asked. Name a code, a pair of codes, a modifier"
                    + " or a condition or procedure to code.");
        }
        return new Answer(question, date, q.intent(), List.copyOf(draft.statements), List.copyOf(draft.missing), List.of(), "offline",
                List.copyOf(draft.notices));
    }

    private void answerPart(Intent intent, String question, LocalDate date, Interpretation q, Draft draft) {
        switch (intent) {
            case EXCLUDES -> knowledge.excludes(q, date, draft.statements::add);
            case SEVENTH_CHARACTER -> knowledge.seventh(question, q, date, draft.statements::add, draft.missing::add);
            case ADD_ON -> {
                lookup(q, date, draft); // what the code is, then what it goes with
                if (!draft.gated("the NCCI add-on code edits" + of(q.procedures()))) {
                    addOns(q, date, draft);
                }
            }
            case DRUG_UNITS -> knowledge.drugUnits(question, inForceDrugCodes(q, date, draft), date, draft.statements::add, draft.missing::add);
            case CONCEPT -> knowledge.concept(question, date, draft.statements::add, draft.missing::add);
            case CODE_LOOKUP -> lookup(q, date, draft);
            case PTP_PAIR -> ptp(q, date, draft);
            case MUE -> mue(q, date, draft);
            case GLOBAL_PERIOD, FEE_SCHEDULE -> fees(q, date, draft, q.intent() == Intent.GLOBAL_PERIOD);
            case MODIFIER -> modifier(q, date, draft);
            case CROSSWALK -> crosswalk(q, date, draft);
            case COVERAGE -> coverage(q, date, draft);
            case GUIDELINE -> {
                if (!knowledge.hypertension(question, date, draft.statements::add)) {
                    guideline(question, date, draft);
                    find(q, date, draft);
                }
            }
            case FIND_CODE -> {
                if (!knowledge.hypertension(question, date, draft.statements::add) && !askCode(question, q, draft)) {
                    find(q, date, draft);
                }
            }
        }
    }

    /**
     * The question's drug codes with each terminated one replaced by the codes in force for the same drug (J1030, terminated
     * 2024-03-31, → J1010): units are never counted for a code that cannot be billed on the date; the answer says why.
     */
    private Interpretation inForceDrugCodes(Interpretation q, LocalDate date, Draft draft) {
        List<String> codes = new ArrayList<>();
        for (String code : q.procedures()) {
            Optional<CodePage> page = catalog.page(CodeSystem.HCPCS, code, date);
            if (page.isEmpty() || page.get().billable()) {
                codes.add(code);
                continue;
            }
            String descriptor = page.get().longDescription() != null ? page.get().longDescription() : page.get().shortDescription();
            List<org.codedesk.catalog.CodeSummary> replacements = drugs.sameDrug(descriptor, code, date);
            // the count by its own descriptor is still what a claim for a date of service when it was valid needs, said as such
            String before = Knowledge.units(descriptor, q.words()).map(n -> " For a date of service when it was valid, the dose asked is " + n
                    + " unit" + (n == 1 ? "" : "s") + " of it.").orElse("");
            draft.say(code + " (" + descriptor + ") is terminated: it is not valid on " + date + "." + before + (replacements.isEmpty()
                    ? " No HCPCS code in force names the same drug." : " HCPCS codes in force for the same drug: " + String.join("; ",
                    replacements.stream().map(c -> c.code() + " (" + c.title() + ")").toList()) + "."),
                    new Citation(page.get().release().label(), "/codes/hcpcs/" + code));
            replacements.forEach(c -> codes.add(c.key()));
        }
        return new Interpretation(q.intent(), codes, q.diagnoses(), q.pcs(), q.modifiers(), q.date(), q.setting(), q.words(), q.also());
    }

    private static final java.util.regex.Pattern SEVENTH_ASKED = java.util.regex.Pattern.compile("(?i)\\b(7th|seventh)\\b");

    /**
     * A 7th-character question that names no code ("7th char for subsequent encounter", "fx of l wrist 2nd visit, 7th char?"): the
     * character depends on the category and the code needs the exact site, so one precise question back instead of a guess.
     */
    private static boolean askCode(String question, Interpretation q, Draft draft) {
        if (!q.diagnoses().isEmpty() || !SEVENTH_ASKED.matcher(question).find()) {
            return false;
        }
        draft.missing.add("Which code? The 7th character depends on the code's category (injuries: A initial, D subsequent, S sequela;"
                + " fractures add the healing and open/closed characters), and the code needs the exact site and side documented: name"
                + " the code (for example S52.521) or the injury, bone and side, with the encounter.");
        return true;
    }

    /** The NCCI add-on code edits both ways: the primaries an add-on code goes with, the add-on codes that go with a primary. */
    private void addOns(Interpretation q, LocalDate date, Draft draft) {
        Optional<EditsRelease> release = table(Dataset.ADD_ON, date, draft);
        if (release.isEmpty()) {
            return;
        }
        Map<String, List<AddOnEdit>> asAddOn = edits.addOns(release.get(), q.procedures());
        for (String code : q.procedures()) {
            Citation source = new Citation(release.get().citation(), "/codes/" + ValidCodes.systemOfProcedure(code).slug() + "/" + code);
            List<AddOnEdit> rows = asAddOn.getOrDefault(code, List.of()).stream().filter(e -> e.activeOn(date)).toList();
            if (!rows.isEmpty()) {
                List<String> primaries = rows.stream().map(AddOnEdit::primaryCode).filter(java.util.Objects::nonNull).distinct().sorted().toList();
                draft.say(code + " is an add-on code (edit type " + rows.get(0).editType() + ": " + edits.addOnTypeWords(rows.get(0).editType()) + ")"
                        + (primaries.isEmpty() ? "; the table lists no primary code: the contractor decides."
                        : "; primary codes it is reported with (" + primaries.size() + "): " + String.join(", ", primaries.subList(0,
                        Math.min(40, primaries.size()))) + (primaries.size() > 40 ? ", ..." : "") + "."), source);
            }
            // an add-on code may itself be the primary of other add-on codes (63091 with 69990)
            List<String> addOns = edits.addOnsOfPrimary(release.get(), code, date).stream().map(AddOnEdit::addOnCode).distinct().sorted().toList();
            if (!addOns.isEmpty()) {
                draft.say(code + " is a primary code of these add-on codes (" + addOns.size() + "): " + String.join(", ", addOns) + ".", source);
            } else if (rows.isEmpty()) {
                draft.say("The NCCI add-on code edits list " + code + " neither as an add-on code nor as a primary code.", source);
            }
        }
    }

    /**
     * The table of the dataset in force on the date, or the newest older one with the sentence that says so (the product's
     * one rule); empty, with the reason in {@code missing}, when none is imported.
     */
    private Optional<EditsRelease> table(Dataset dataset, LocalDate date, Draft draft) {
        Optional<EditsRelease> release = edits.inForce(dataset, date);
        if (release.isEmpty()) {
            draft.missing.add(edits.notImported(dataset, date));
            return release;
        }
        org.codedesk.catalog.Currency currency = edits.currency(dataset, date);
        if (currency.stale()) {
            draft.notices.add(currency.sentence());
        }
        return release;
    }

    // --- codes ---

    private void lookup(Interpretation q, LocalDate date, Draft draft) {
        q.procedures().forEach(code -> describe(ValidCodes.systemOfProcedure(code), code, date, draft));
        q.diagnoses().forEach(code -> describe(CodeSystem.ICD10CM, code, date, draft));
        q.pcs().forEach(code -> describe(CodeSystem.ICD10PCS, code, date, draft));
        if (!q.modifiers().isEmpty()) {
            modifier(q, date, draft);
        }
    }

    private void describe(CodeSystem system, String key, LocalDate date, Draft draft) {
        String display = system.display(key);
        Optional<CodePage> page = catalog.page(system, key, date);
        String url = "/codes/" + system.slug() + "/" + display;
        if (page.isPresent()) {
            CodePage p = page.get();
            if (p.currency() != null && p.currency().stale()) {
                draft.notices.add(p.currency().sentence());
            }
            String what = p.longDescription() != null ? p.longDescription() : p.shortDescription();
            String billable = p.billable() ? (system == CodeSystem.ICD10CM || system == CodeSystem.ICD10PCS ? "billable" : "valid")
                    : system == CodeSystem.HCPCS ? "terminated" : "a header, not billable: a code below it must be reported";
            draft.say(display + (what == null ? "" : ": " + what) + ". It is " + billable + " on " + date + "." + below(p),
                    new Citation(p.release().label(), url));
            p.notes().stream().filter(n -> !n.inherited() || n.kind().matches("(?i).*(excludes1|codefirst|useadditional|code_first|use_additional).*"))
                    .limit(4).forEach(n -> draft.say(n.kindLabel() + " (" + n.ownerCode() + "): " + n.fullText(),
                            new Citation((p.notesRelease() == null ? p.release() : p.notesRelease()).label() + " tabular", url)));
            return;
        }
        if (system == CodeSystem.CPT) {
            cptWithoutLicence(key, date, draft);
            return;
        }
        String nearest = String.join(", ", catalog.nearest(system, key, date).stream().limit(5).map(c -> c.code()).toList());
        draft.say(display + " is not a valid " + system.title() + " code on " + date
                + catalog.former(system, key).map(f -> " (it was in " + f.lastRelease() + (f.replacedBy().isEmpty() ? "" : "; replaced by "
                + String.join(", ", f.replacedBy())) + ")").orElse("") + "." + (nearest.isEmpty() ? "" : " Nearest codes: " + nearest + "."),
                new Citation(catalog.releaseInForce(system, date).map(r -> r.label()).orElse(system.title()), "/codes/" + system.slug()));
    }

    /** Up to this many billable codes below a header are all named. */
    private static final int BELOW_ALL = 20;

    /** A header's billable codes below it, named (up to 8 and how many in all); nothing for a billable code. */
    private static String below(CodePage p) {
        if (p.billable() || p.billableDescendants().isEmpty()) {
            return "";
        }
        // every one when they are few enough to read (a coder picks among them); else the first ones and how many in all
        int all = Math.max(p.billableDescendantCount(), p.billableDescendants().size());
        int shown = all <= BELOW_ALL ? all : 8;
        return " Billable codes below it" + (all > shown ? " (" + all + " in all; the first " + shown + ")" : "") + ": " + String.join("; ",
                p.billableDescendants().stream().limit(shown).map(c -> c.code() + " " + c.title()).toList()) + ".";
    }

    /** CPT descriptors are the AMA's: without a licensed file, say what CMS's own tables say about the code. */
    private void cptWithoutLicence(String key, LocalDate date, Draft draft) {
        draft.missing.add("CPT descriptors are AMA text: no licensed CPT file is imported, so the descriptor of " + key + " is not shown.");
        if (draft.gated("the Physician Fee Schedule facts" + of(List.of(key)))) {
            return;
        }
        Optional<EditsRelease> rvu = table(Dataset.PFS_RVU, date, draft);
        List<FeeSchedule> rows = rvu.map(r -> edits.fees(r, List.of(key), Optional.empty()).getOrDefault(key, List.of())).orElse(List.of());
        if (!rows.isEmpty()) {
            FeeSchedule f = rows.get(0);
            draft.say(key + " is a CPT code listed in the Medicare Physician Fee Schedule with status " + f.status().value() + " ("
                    + f.status().words() + ") and global period " + f.globalDays().value() + " (" + f.globalDays().words() + ").",
                    new Citation(rvu.get().citation(), "/codes/cpt/" + key));
        } else {
            draft.missing.add(key + " is not in an imported CPT file or fee schedule file for " + date + ": it cannot be confirmed as a valid code.");
        }
    }

    // --- NCCI PTP and MUE ---

    private void ptp(Interpretation q, LocalDate date, Draft draft) {
        List<String> codes = q.procedures();
        if (draft.gated("the NCCI PTP edits" + (codes.isEmpty() ? "" : " between " + String.join(" and ", codes)))) {
            return;
        }
        List<Setting> settings = q.setting().map(List::of).orElse(List.of(Setting.PRACTITIONER, Setting.OUTPATIENT_HOSPITAL));
        for (Setting setting : settings) {
            Optional<Dataset> dataset = setting.ptp();
            if (dataset.isEmpty()) {
                draft.say("NCCI PTP edits do not apply to DME supplier claims.", new Citation("CMS NCCI program", "/claims/check"));
                continue;
            }
            Optional<EditsRelease> release = table(dataset.get(), date, draft);
            if (release.isEmpty()) {
                draft.missing.add("So whether " + String.join(" and ", codes) + " may be billed together ("
                        + setting.title().toLowerCase() + ") cannot be answered.");
                continue;
            }
            List<PtpEdit> active = edits.ptpAmong(release.get(), codes).stream().filter(e -> e.activeOn(date)
                    && e.indicator() != ModifierIndicator.NOT_APPLICABLE).toList();
            Citation source = new Citation(release.get().citation(), "/codes/" + ValidCodes.systemOfProcedure(codes.get(0)).slug() + "/" + codes.get(0));
            if (active.isEmpty()) {
                draft.say(setting.title() + ": no NCCI PTP edit between " + String.join(", ", codes) + " is in force on " + date
                        + ", so NCCI does not bar billing them together (other payer rules and documentation still apply).", source);
            }
            for (PtpEdit e : active) {
                draft.say(setting.title() + ": " + e.column2() + " (column 2) is not paid with " + e.column1() + " (column 1) on the same day"
                        + (e.rationale().isBlank() ? "" : " (" + e.rationale() + ")") + ". Modifier indicator " + e.indicator().words()
                        + (e.indicator() == ModifierIndicator.ALLOWED ? " Such modifiers: 59, XE, XS, XP, XU, anatomic modifiers (LT, RT, F1...),"
                        + " 24, 25, 57, 58, 78, 79, 27, 91, each only when the record shows a distinct service." : ""), source,
                        new Citation("CodeDesk modifier reference", "/modifiers"));
            }
        }
    }

    private void mue(Interpretation q, LocalDate date, Draft draft) {
        if (draft.gated("the medically unlikely edits (MUE)" + of(q.procedures()))) {
            return;
        }
        List<Setting> settings = q.setting().map(List::of).orElse(List.of(Setting.values()));
        for (String code : q.procedures()) {
            for (Setting setting : settings) {
                Optional<EditsRelease> release = table(setting.mue(), date, draft);
                if (release.isEmpty()) {
                    continue;
                }
                Optional<MueLimit> limit = edits.mue(release.get(), setting, code);
                Citation source = new Citation(release.get().citation(), "/codes/" + ValidCodes.systemOfProcedure(code).slug() + "/" + code);
                if (limit.isEmpty()) {
                    draft.say(setting.title() + ": no MUE is published for " + code + ".", source);
                } else {
                    MueLimit l = limit.get();
                    draft.say(setting.title() + ": the MUE for " + code + " is " + l.value() + " unit" + (l.value() == 1 ? "" : "s") + ". Adjudication "
                            + l.adjudication() + ": " + l.adjudicationWords() + " Rationale: " + l.rationale() + ".", source);
                }
            }
        }
        if (q.procedures().isEmpty()) {
            draft.missing.add("Name the CPT or HCPCS code whose MUE you want.");
        }
    }

    // --- fee schedule ---

    private void fees(Interpretation q, LocalDate date, Draft draft, boolean globalOnly) {
        if (draft.gated("the Physician Fee Schedule facts (global period, RVUs, payment)" + of(q.procedures()))) {
            return;
        }
        Optional<EditsRelease> release = table(Dataset.PFS_RVU, date, draft);
        if (release.isEmpty()) {
            return;
        }
        for (String code : q.procedures()) {
            List<FeeSchedule> rows = edits.fees(release.get(), List.of(code), Optional.empty()).getOrDefault(code, List.of());
            Citation source = new Citation(release.get().citation(), "/codes/" + ValidCodes.systemOfProcedure(code).slug() + "/" + code);
            if (rows.isEmpty()) {
                draft.say(code + " is not in the Physician Fee Schedule file.", source);
                continue;
            }
            FeeSchedule f = rows.get(0);
            draft.say(code + ": global period " + f.globalDays().value() + ". " + f.globalDays().words(), source);
            if (!globalOnly) {
                draft.say(code + ": status " + f.status().value() + " (" + f.status().words() + "); work RVU " + f.work() + ", total "
                        + f.totalNonFacility() + " non-facility and " + f.totalFacility() + " facility RVUs; national payment "
                        + (f.nationalNonFacility() == null ? "not paid non-facility" : "$" + f.nationalNonFacility() + " non-facility") + " and "
                        + (f.nationalFacility() == null ? "not paid facility" : "$" + f.nationalFacility() + " facility") + " (conversion factor "
                        + f.conversionFactor() + "). Locality payment: see the code page.", source);
                draft.say(code + ": multiple procedures " + f.multipleProcedure().value() + " (" + f.multipleProcedure().words() + "); bilateral "
                        + f.bilateral().value() + " (" + f.bilateral().words() + "); assistant " + f.assistant().value() + " (" + f.assistant().words()
                        + ").", source);
            }
        }
        if (q.procedures().isEmpty()) {
            draft.missing.add("Name the CPT or HCPCS code whose fee schedule facts you want.");
        }
    }

    // --- modifiers, crosswalks, coverage ---

    private void modifier(Interpretation q, LocalDate date, Draft draft) {
        String asked = q.words().toLowerCase(java.util.Locale.ROOT);
        if (asked.contains("mue") || asked.contains("medically unlikely") || asked.contains("units")) {
            draft.say("No modifier bypasses an MUE: units above the MUE are denied. For a code with MUE adjudication indicator 1 (claim line)"
                    + " the units of a distinct service may go on another line with a modifier that shows it (59, XE, XS, XP, XU, 76, 77, 91,"
                    + " anatomic modifiers); with indicator 2 or 3 (date of service) every line of the day counts, whatever its modifiers.",
                    new Citation("CodeDesk modifier reference (from CMS NCCI MUE policy)", "/modifiers/59"));
        }
        if (asked.contains("indicator") || asked.contains("mod ind")) {
            java.util.regex.Matcher value = java.util.regex.Pattern.compile("indicator\\s*(?:of\\s*)?\"?([019])\\b|\\b([019])\\b").matcher(asked);
            for (ModifierIndicator indicator : ModifierIndicator.values()) {
                boolean named = false;
                value.reset();
                while (value.find()) {
                    named |= String.valueOf(indicator.value()).equals(value.group(1) != null ? value.group(1) : value.group(2));
                }
                if (named || !value.reset().find()) {
                    draft.say("NCCI PTP modifier indicator " + indicator.words(), new Citation("CMS NCCI PTP edits (modifier indicator)", "/modifiers"));
                }
            }
        }
        for (String code : q.modifiers()) {
            Optional<Modifier> m = modifiers.find(code, date);
            if (m.isEmpty()) {
                continue;
            }
            Modifier mod = m.get();
            Citation source = new Citation(mod.descriptor() != null ? "HCPCS Level II " + mod.descriptorSource() + "; CodeDesk modifier reference"
                    : "CodeDesk modifier reference (from CMS NCCI policy)", "/modifiers/" + mod.code());
            draft.say("Modifier " + mod.code() + (mod.descriptor() != null ? " (" + mod.descriptor() + ")" : mod.label() != null ? " (" + mod.label() + ")" : "")
                    + ": " + (mod.explanation() != null ? mod.explanation() : "no explanation written yet.") + " " + mod.ptpRoleWords() + ".", source);
        }
        if (q.modifiers().stream().anyMatch(m -> m.startsWith("X") && m.length() == 2) && q.modifiers().contains("59")) {
            draft.say("Between 59 and the X modifiers: CMS asks for XE (separate encounter), XS (separate structure), XP (separate practitioner)"
                    + " or XU (unusual non-overlapping service) when one of them describes the situation, and 59 only when none does.",
                    new Citation("CodeDesk modifier reference (from CMS NCCI policy)", "/modifiers/59"));
        }
    }

    private void crosswalk(Interpretation q, LocalDate date, Draft draft) {
        List<String> codes = new ArrayList<>(q.diagnoses().stream().map(CodeSystem.ICD10CM::display).toList());
        codes.addAll(q.pcs());
        if (draft.gated("the ICD-9 mappings (GEMs)" + of(codes))) {
            return;
        }
        gems(q.diagnoses(), Dataset.GEM_I10_I9, Dataset.GEM_I9_I10, CodeSystem.ICD10CM, "ICD-9-CM", date, draft);
        gems(q.pcs(), Dataset.GEM_PCS_I9, Dataset.GEM_I9_PCS, CodeSystem.ICD10PCS, "ICD-9-CM procedure", date, draft);
        java.util.regex.Matcher icd9 = QuestionInterpreter.ICD9.matcher(q.words());
        boolean any = false;
        while (q.diagnoses().isEmpty() && q.pcs().isEmpty() && icd9.find()) {
            any = true;
            String code = icd9.group(1);
            List<GemMapping> to = edits.gems(Dataset.GEM_I9_I10, code.replace(".", ""), true, date);
            if (to.isEmpty()) {
                draft.missing.add(edits.gemRelease(Dataset.GEM_I9_I10, date).isEmpty() ? "No GEMs are imported." : "The GEMs do not list ICD-9-CM " + code + ".");
                continue;
            }
            // a GEM target no longer in the release in force is said to be so: never reported as if valid
            draft.say("ICD-9-CM " + code + " maps to ICD-10-CM " + String.join(", ", to.stream().map(g -> g.noMap() ? "no code (no map)"
                    : CodeSystem.ICD10CM.display(g.target()) + (catalog.find(CodeSystem.ICD10CM, g.target(), date).isPresent() ? ""
                    : " (not valid on " + date + ")") + " (" + g.flagsInWords() + ")").toList()) + ".", new Citation(to.get(0).release().citation(), null));
        }
        if (q.diagnoses().isEmpty() && q.pcs().isEmpty() && !any) {
            draft.missing.add("Name the ICD-10-CM or ICD-10-PCS code to map; GEMs map between ICD-9-CM and ICD-10.");
        }
    }

    private void gems(List<String> codes, Dataset forward, Dataset backward, CodeSystem system, String other, LocalDate date, Draft draft) {
        boolean procedures = system == CodeSystem.ICD10PCS;
        for (String key : codes) {
            String code = system.display(key);
            List<GemMapping> to = edits.gems(forward, key, true, date);
            List<GemMapping> from = edits.gems(backward, key, false, date);
            if (to.isEmpty() && from.isEmpty()) {
                draft.missing.add(edits.gemRelease(forward, date).isEmpty() ? "No GEMs are imported." : "The GEMs do not list " + code + ".");
                continue;
            }
            if (!to.isEmpty()) {
                draft.say(code + " maps to " + other + " " + String.join(", ", to.stream().map(g -> g.noMap() ? "no code (no map)"
                        : GemMapping.icd9(g.target(), procedures) + " (" + g.flagsInWords() + ")").toList()), new Citation(to.get(0).release().citation(), null));
            }
            if (!from.isEmpty()) {
                draft.say(other + " codes mapping to " + code + ": " + String.join(", ", from.stream().map(g -> GemMapping.icd9(g.source(), procedures))
                        .distinct().toList()) + ".",
                        new Citation(from.get(0).release().citation(), null));
            }
        }
    }


    /**
     * Coverage questions from the NCDs and billing-and-coding articles in force: "Is 82306 covered for E55.9?" (medical
     * necessity), "Which diagnoses support 80061?" (the crosswalk), "Which procedures does E78.5 support?", and, with no
     * code, the documents named by the question's words ("a lipid panel" finds "Lipids Testing").
     */
    private void coverage(Interpretation q, LocalDate date, Draft draft) {
        List<String> codes = new ArrayList<>(q.procedures());
        codes.addAll(q.diagnoses().stream().map(CodeSystem.ICD10CM::display).toList());
        if (draft.gated("the Medicare coverage facts (NCDs, billing and coding articles, the diagnoses that support a service)" + of(codes))) {
            lookup(q, date, draft); // what the code pages show guests: the codes themselves
            return;
        }
        if (coverage.policies(date).isEmpty()) {
            draft.missing.add(coverage.noPolicy(date) + ": whether the service is covered, and for which diagnoses, cannot be answered here.");
            lookup(q, date, draft);
            return;
        }
        for (String procedure : q.procedures()) {
            if (!q.diagnoses().isEmpty()) {
                Necessity necessity = coverage.necessity(procedure, q.diagnoses(), date);
                String advice = switch (necessity.outcome()) {
                    case DENIED, NOT_REASONABLE_AND_NECESSARY -> " Without a supporting diagnosis Medicare will deny it: an ABN (Advance"
                            + " Beneficiary Notice) signed before the service lets you bill the patient (modifier GA).";
                    default -> "";
                };
                // coders ask "is it covered?": the outcome in that word first, then the documents' reasons
                String outcome = switch (necessity.outcome()) {
                    case SUPPORTED -> "Covered: ";
                    case DENIED -> "Not covered (denied): ";
                    case NOT_REASONABLE_AND_NECESSARY -> "Not covered for these diagnoses: ";
                    case NOT_GOVERNED -> "";
                };
                draft.say(outcome + necessity.message() + advice, citations(necessity.documents(), procedure));
                if (necessity.outcome() == Necessity.Outcome.NOT_GOVERNED) {
                    draft.missing.add("Local coverage (LCDs of your Medicare contractor) not in the loaded data may still apply to " + procedure + ".");
                }
                continue;
            }
            List<Crosswalk.ForProcedure> documents = coverage.diagnosesFor(procedure, date);
            if (documents.isEmpty()) {
                draft.say("No loaded NCD or billing and coding article in force on " + date + " governs " + procedure
                        + ": no list of covered diagnoses applies to it in CodeDesk's data.", new Citation(loaded(date), "/crosswalk?code=" + procedure));
            }
            documents.forEach(d -> describeCrosswalk(d.document(), procedure, d.groups().stream().flatMap(g -> g.codes().stream()).toList(), draft));
        }
        if (q.procedures().isEmpty()) {
            for (String diagnosis : q.diagnoses()) {
                String shown = CodeSystem.ICD10CM.display(diagnosis);
                List<Crosswalk.ForDiagnosis> documents = coverage.proceduresFor(diagnosis, date);
                if (documents.isEmpty()) {
                    draft.say("No loaded NCD or billing and coding article in force on " + date + " lists " + shown + ".",
                            new Citation(loaded(date), "/crosswalk?code=" + shown));
                }
                documents.forEach(d -> draft.say("Under " + d.document().citation() + ", " + shown + " " + d.resolution().words() + " for "
                        + String.join(", ", d.procedures()) + ".", new Citation(d.document().citation(), "/crosswalk?code=" + shown)));
            }
        }
        if (q.procedures().isEmpty() && q.diagnoses().isEmpty()) {
            List<Crosswalk.ForDiagnosis> named = coverage.documentsNamed(q.words(), date);
            if (named.isEmpty()) {
                draft.missing.add("Name the CPT/HCPCS code (and the diagnoses) to check: no loaded NCD or article is named by \"" + q.words() + "\".");
            }
            for (Crosswalk.ForDiagnosis d : named) {
                for (String procedure : d.procedures()) {
                    describeCrosswalk(d.document(), procedure, coverage.diagnosesFor(procedure, date).stream()
                            .filter(c -> c.document().id().equals(d.document().id())).flatMap(c -> c.groups().stream()).flatMap(g -> g.codes().stream())
                            .toList(), draft);
                }
            }
        }
    }

    /** "Under NCD 190.23B ..., 1,234 ICD-10-CM codes support 80061, e.g. E78.5 ...; any other code does not." */
    private void describeCrosswalk(CoverageDocument document, String procedure, List<Crosswalk.Diagnosis> codes, Draft draft) {
        List<Crosswalk.Diagnosis> covered = codes.stream().filter(c -> c.resolution() == Resolution.COVERED).toList();
        long denied = codes.stream().filter(c -> c.resolution() == Resolution.DENIED).count();
        draft.say("Under " + document.citation() + ", " + String.format("%,d", covered.size()) + " ICD-10-CM codes support the medical necessity of "
                // examples only among codes of the ICD-10-CM release in force (those have a title): never a code that cannot be reported
                + procedure + (covered.stream().noneMatch(c -> c.title() != null) ? "" : ", for example " + String.join(", ", covered.stream()
                .filter(c -> c.title() != null).limit(8).map(c -> c.code() + " (" + c.title() + ")").toList()))
                + (denied > 0 ? "; " + denied + " listed as denied (never covered)" : "")
                + (document.otherCodes() == null ? "" : "; any code not listed " + document.otherCodes().words()) + ".",
                new Citation(document.citation(), "/crosswalk?code=" + procedure));
    }

    private static Citation[] citations(List<CoverageDocument> documents, String procedure) {
        return documents.isEmpty() ? new Citation[] {new Citation("CodeDesk coverage crosswalk", "/crosswalk?code=" + procedure)}
                : documents.stream().map(d -> new Citation(d.citation(), "/crosswalk?code=" + procedure)).toArray(Citation[]::new);
    }

    private String loaded(LocalDate date) {
        return String.join("; ", coverage.policies(date).stream().map(r -> r.label()).toList());
    }

    // --- finding codes by words ---

    /** Whether the best hits are told apart by side (right / left) while the query names none. */
    static boolean needsSide(String query, List<Search.Hit> hits) {
        String q = " " + query.toLowerCase(java.util.Locale.ROOT) + " ";
        if (q.matches("(?s).*\\b(right|left|bilateral|both|unspecified|unilateral)\\b.*")) {
            return false;
        }
        // two of the best three codes name a side (the third may be the unspecified side): the side decides the code
        List<Search.Hit> best = hits.subList(0, Math.min(3, hits.size()));
        return best.size() >= 2 && best.stream().filter(h -> h.title().toLowerCase(java.util.Locale.ROOT).matches("(?s).*\\b(right|left)\\b.*"))
                .count() >= 2;
    }

    private static final java.util.regex.Pattern ENCOUNTER_NAMED = java.util.regex.Pattern.compile(
            "(?i)\\b(initial|init|subsequent|subs|sequela|sequelae|late effects?|1st|2nd|first|second|follow|f/u|fu|healing|active|visit|encounter"
            + "|enc|recheck|aftercare)\\b");
    private static final java.util.regex.Pattern ENCOUNTER_TITLE = java.util.regex.Pattern.compile("(?i)(initial encounter|subsequent encounter|sequela)");

    /** Whether the best hits are codes with an encounter 7th character (injuries, poisonings) while the question names no encounter. */
    static boolean needsEncounter(String question, List<Search.Hit> hits) {
        if (ENCOUNTER_NAMED.matcher(question).find()) {
            return false;
        }
        List<Search.Hit> best = hits.subList(0, Math.min(3, hits.size()));
        return best.size() >= 2 && best.stream().filter(h -> h.title() != null && ENCOUNTER_TITLE.matcher(h.title()).find()).count() >= 2;
    }

    /** Whether any word of the query (4 letters or more) is in a hit's title or reasons: by its first 5 letters, or one edit away. */
    static boolean anyWordFound(String query, List<Search.Hit> hits) {
        java.util.Set<String> found = new java.util.HashSet<>();
        for (Search.Hit hit : hits) {
            String text = (hit.title() + " " + String.join(" ", hit.reasons())).toLowerCase(java.util.Locale.ROOT);
            found.addAll(List.of(text.split("[^a-z0-9]+")));
        }
        boolean anyLong = false;
        for (String w : query.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+")) {
            if (w.length() < 4 || w.chars().allMatch(Character::isDigit)) {
                continue;
            }
            anyLong = true;
            String stem = w.substring(0, Math.min(5, w.length()));
            for (String t : found) {
                if (t.startsWith(stem) || t.length() >= 4 && CodingVocabulary.withinOneEdit(w, t)) {
                    return true;
                }
            }
        }
        return !anyLong;
    }

    /** A medical term's shape: an ending of diseases, growths, procedures ("zorbitis", "snarfoma", "glorpectomy"). */
    private static final java.util.regex.Pattern TERM = java.util.regex.Pattern.compile(
            "[a-z]{3,}(itis|oma|osis|emia|aemia|algia|pathy|ectomy|otomy|ostomy|plasty|scopy|iasis|ism|cele|rrhea|plegia)");

    /**
     * The question's condition or procedure term that no hit has, when there is one: "zorbitis of the left knee" finds knee codes,
     * but none of them is about zorbitis, so listing them would answer another question. A term shaped like a condition
     * (its ending) or naming a syndrome or disease ("glimbus syndrome") must be found in a hit's title or index reasons.
     */
    static String unknownTerm(String query, List<Search.Hit> hits) {
        return unknownTerm(query, hits, true);
    }

    /** Whether a hit's title or index reasons have a word starting as the term does (its first 5 letters). */
    static boolean hasStem(String term, List<Search.Hit> hits) {
        String stem = term.toLowerCase(java.util.Locale.ROOT).substring(0, Math.min(5, term.length()));
        return hits.stream().flatMap(h -> java.util.Arrays.stream((h.title() + " " + String.join(" ", h.reasons())).toLowerCase(java.util.Locale.ROOT)
                .split("[^a-z0-9]+"))).anyMatch(t -> t.startsWith(stem));
    }

    /** {@link #unknownTerm(String, List)}, a hit's word one edit away counting as the term only when {@code typos}. */
    static String unknownTerm(String query, List<Search.Hit> hits, boolean typos) {
        java.util.Set<String> found = new java.util.HashSet<>();
        for (Search.Hit hit : hits) {
            found.addAll(List.of((hit.title() + " " + String.join(" ", hit.reasons())).toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+")));
        }
        String[] words = query.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            boolean named = i + 1 < words.length && words[i + 1].matches("syndrome|disease|disorder|fever|palsy|sign") && w.length() >= 4;
            if (!named && !TERM.matcher(w).matches()) {
                continue;
            }
            String stem = w.substring(0, Math.min(5, w.length()));
            boolean known = found.stream().anyMatch(t -> t.startsWith(stem) || typos && t.length() >= 4 && CodingVocabulary.withinOneEdit(w, t));
            if (!known) {
                return w;
            }
        }
        return null;
    }

    /** The Official Guidelines sections that answer the question, quoted (the first sentences) and cited by section. */
    private void guideline(String question, LocalDate date, Draft draft) {
        List<Guidelines.Match> found = guidelines.search(question, date, 2);
        if (found.isEmpty()) {
            draft.missing.add(guidelines.releaseInForce(date).isEmpty()
                    ? "The ICD-10-CM Official Guidelines are not imported in CodeDesk: the answer below rests on codes and their"
                            + " instructional notes only."
                    : "No section of the Official Guidelines matches the question's words.");
            return;
        }
        for (Guidelines.Match match : found) {
            var section = match.section();
            draft.say("Official Guidelines, Section " + section.id() + " (" + section.title() + "): " + excerpt(section.text()),
                    new Citation(match.release() + ", Section " + section.id() + " " + section.title(), null));
        }
    }

    /** The first sentences of a section, up to about 600 characters. */
    static String excerpt(String text) {
        if (text.length() <= 600) {
            return text;
        }
        int end = text.indexOf(". ", 400);
        return end > 0 && end < 900 ? text.substring(0, end + 1) + " …" : text.substring(0, 600) + " …";
    }

    private static final java.util.regex.Pattern CPT_ASKED = java.util.regex.Pattern.compile("(?i)\\bcpt\\b");

    /** How many ICD-10-PCS codes a CPT question's answer offers for the inpatient procedure. */
    private static final int PCS_OFFERED = 3;

    /**
     * "What is the CPT code for a laparoscopic appendectomy?": a CPT code is named only from the AMA-licensed file the operator
     * imports (CPT descriptors are AMA text: CodeDesk never matches words against CMS's copies of them), so the answer says
     * whether one is imported, gives the licensed file's codes when it is, and what is known besides: the ICD-10-PCS code
     * for the procedure done in a hospital inpatient stay. Diagnosis codes are no answer to a procedure question.
     */
    private void cptForProcedure(String words, LocalDate date, Draft draft) {
        Optional<org.codedesk.catalog.Release> licensed = catalog.releaseInForce(CodeSystem.CPT, date);
        Citation licence = new Citation("CodeDesk: CPT descriptors come from the AMA-licensed CPT file the operator imports", "/codes/cpt/99213");
        if (licensed.isEmpty()) {
            draft.say("CPT codes and descriptors are the American Medical Association's: CodeDesk names a CPT code for a procedure only"
                    + " from the AMA-licensed CPT file this site's operator imports, and no licensed CPT file is imported for " + date
                    + ", so no CPT code is given here (look it up in the CPT book or the AMA's licensed data).", licence);
        } else {
            Search.Results cpt = search.search(new Search.Request(words, CodeSystem.CPT, true, null, null, date, PCS_OFFERED));
            if (notSearched(cpt, draft)) {
                return;
            }
            if (cpt.hits().isEmpty()) {
                draft.say("The licensed CPT file imported (" + licensed.get().label() + ") has no code matching \"" + words + "\".", licence);
            } else {
                draft.say("CPT codes matching \"" + words + "\" in the licensed CPT file (" + licensed.get().label() + "), best first:", licence);
                cpt.hits().forEach(hit -> draft.say(codeAndTitle(hit), new Citation(licensed.get().label(), hit.url())));
            }
        }
        Search.Results pcs = search.search(new Search.Request(words, CodeSystem.ICD10PCS, true, null, null, date, PCS_OFFERED));
        if (notSearched(pcs, draft)) {
            return;
        }
        if (pcs.hits().isEmpty()) {
            draft.missing.add("No ICD-10-PCS code matches \"" + words + "\"" + (pcs.message() == null ? "." : ": " + pcs.message()));
            return;
        }
        draft.say("What is known: when the procedure is done in a hospital inpatient stay, the hospital reports it in ICD-10-PCS"
                + " (physicians and outpatient claims use CPT). ICD-10-PCS codes matching \"" + words + "\", best first (verify the"
                + " root operation, approach and body part in the PCS tables):",
                new Citation("CodeDesk search over ICD-10-PCS in force on " + date, "/search?q=" + words.replace(' ', '+') + "&system=icd10pcs"));
        for (Search.Hit hit : pcs.hits()) {
            draft.say(codeAndTitle(hit), new Citation(hit.system().title() + " code page", hit.url()));
        }
    }

    /**
     * True when the search could not be made (its index for the date is still being built, or no release is in force):
     * the answer says so in the search's own words, never "nothing matches", which would be a wrong answer.
     */
    private static boolean notSearched(Search.Results results, Draft draft) {
        if (results.searched()) {
            return false;
        }
        draft.missing.add(results.message());
        return true;
    }

    /** "0DTJ4ZZ: Resection of Appendix, ...", or the code alone when the release gives it no title (never "null"). */
    private static String codeAndTitle(Search.Hit hit) {
        return hit.title() == null || hit.title().isBlank() ? hit.code() : hit.code() + ": " + hit.title();
    }

    private void find(Interpretation q, LocalDate date, Draft draft) {
        String words = CodingVocabulary.expand(q.words()).replaceAll("(?i)\\b(what|what's|whats|is|the|code|codes|icd-?10(-cm|-pcs)?|icd|10|cm|cpt|"
                + "hcpcs|for|how|do|i|to|of|a|an|with|guidelines?|can|should|when|use|from|which|diagnosis|dx|z|pls|please|need|patient|doc|"
                + "wrote|note|it|on|in|has|have|nos)\\b", " ").replaceAll("[?!.,]", " ").replaceAll("\\s+", " ").trim();
        if (words.isBlank()) {
            return;
        }
        if (q.intent() == Intent.FIND_CODE && CPT_ASKED.matcher(q.words()).find()) {
            cptForProcedure(words, date, draft);
            return;
        }
        // the Official Guidelines are ICD-10-CM's: a guideline question is about diagnoses
        CodeSystem system = q.intent() == Intent.GUIDELINE ? CodeSystem.ICD10CM : null;
        Search.Results results = search.search(new Search.Request(words, system, true, null, null, date, SEARCH_RESULTS));
        if (notSearched(results, draft)) {
            return;
        }
        String unknown = results.hits().isEmpty() ? null : unknownTerm(words, results.hits());
        if (unknown != null) {
            // the term may be real and only missing from these hits ("s/p appendectomy ... z code"): unknown only when a search for
            // it alone finds nothing that has it either
            Search.Results alone = search.search(new Search.Request(unknown, null, false, null, null, date, SEARCH_RESULTS));
            // by its stem, not one edit away: "glimbus" alone finds "limbus", which makes it no real term
            if (alone.searched() && hasStem(unknown, alone.hits())) {
                unknown = null;
            }
        }
        if (results.hits().isEmpty() || !anyWordFound(words, results.hits()) || unknown != null) {
            // the hits share no word with the question (or not its condition term): weak fuzzy matches, not an answer
            draft.say("Nothing in the code sets in force on " + date + " matches \"" + (unknown == null ? words : unknown) + "\": no code title or"
                    + " index term has " + (unknown == null ? "these words" : "this term") + "."
                    + " Check the spelling or the term the record uses, or search all code sets.",
                    new Citation("CodeDesk search over the releases in force on " + date, "/search?q=" + words.replace(' ', '+')));
            return;
        }
        boolean side = needsSide(words, results.hits());
        boolean encounter = needsEncounter(q.words(), results.hits());
        if (side || encounter) {
            // the best codes differ by side or by encounter and the question gives neither: one precise question instead of a guess;
            // codes that differ by encounter only are listed after it (all of them, none picked), a side question stands alone
            draft.say("The codes for \"" + words + "\" depend on " + (side ? "the side: which side is documented, right, left or bilateral?" : "")
                    + (side && encounter ? " And on " : "") + (encounter ? "the encounter: which encounter is it, initial (active treatment),"
                    + " subsequent (healing or recovery phase) or sequela?" : "") + " Ask again with it (for example \"" + words
                    + (side ? " right" : "") + (encounter ? " initial encounter" : "") + "\").",
                    new Citation("CodeDesk search over the releases in force on " + date, "/search?q=" + words.replace(' ', '+')));
            if (side) {
                return;
            }
        }
        draft.say("Codes matching \"" + words + "\", best first (verify in the tabular before assigning):",
                new Citation("CodeDesk search over the releases in force on " + date, "/search?q=" + words.replace(' ', '+')));
        for (Search.Hit hit : results.hits()) {
            draft.say(hit.code() + ": " + hit.title() + (hit.reasons().isEmpty() ? "" : " (" + hit.reasons().get(0) + ")"),
                    new Citation(hit.system().title() + " code page", hit.url()));
        }
        Search.Hit best = results.hits().get(0);
        catalog.page(best.system(), best.code(), date).ifPresent(p -> p.notes().stream()
                .filter(n -> n.kind().matches("(?i).*(code.?first|use.?additional|excludes1).*")).limit(3)
                .forEach(n -> draft.say("For " + best.code() + ", " + n.kindLabel().toLowerCase() + " (" + n.ownerCode() + "): " + n.fullText(),
                        new Citation((p.notesRelease() == null ? p.release() : p.notesRelease()).label() + " tabular", best.url()))));
    }

}
