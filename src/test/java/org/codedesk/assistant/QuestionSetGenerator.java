package org.codedesk.assistant;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodePage;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.Release;
import org.codedesk.edits.Dataset;
import org.codedesk.edits.Edits;
import org.codedesk.edits.EditsRelease;
import org.codedesk.edits.GemMapping;
import org.codedesk.edits.Modifier;
import org.codedesk.edits.Modifiers;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the assistant's evaluation question sets of issue 20 (eval/assistant-dev.tsv, eval/assistant-test.tsv): questions in
 * coders' phrasing (short, shorthand, typos, several parts, most without a date of service) whose expected facts are read
 * from the imported official data, never typed by hand: the code with a title, a header's first billable code, a deleted
 * code's replacement, the MUE value, the global period, the drug units from the descriptor's dose, a GEM target...
 * Knowledge questions (POA, guideline concepts, modifiers) expect the guideline section or the modifier reference's words.
 * The split is by subject (the code or term asked about): a subject is in dev or test, never both, so tuning on dev cannot
 * fit the test set's answers. Deterministic (fixed seed): the same data gives the same files.
 * Run: {@code CODEDESK_DATA_DIR=../shared/data bench/assistant-eval.sh --generate}.
 */
final class QuestionSetGenerator {

    /** One question: topic, date of service (null: asked without one), text, fragments the answer must and must not hold. */
    record Question(String topic, LocalDate date, String text, List<String> must, List<String> mustNot, String subject) { }

    private final JdbcTemplate jdbc;
    private final Catalog catalog;
    private final Edits edits;
    private final Modifiers modifiers;
    private final LocalDate today;
    /** Reseeded per topic: adding or changing one topic leaves the others' questions as they were. */
    private Random random = new Random(20);
    private final List<Question> questions = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    QuestionSetGenerator(JdbcTemplate jdbc, Catalog catalog, Edits edits, Modifiers modifiers, LocalDate today) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.edits = edits;
        this.modifiers = modifiers;
        this.today = today;
    }

    List<Question> generate() {
        List<java.util.Map.Entry<String, Runnable>> topics = List.of(java.util.Map.entry("lookup", this::lookupByDescription),
                java.util.Map.entry("validity", this::validity), java.util.Map.entry("deleted", this::deleted),
                java.util.Map.entry("seventh", this::seventhCharacters), java.util.Map.entry("excludes", this::excludes),
                java.util.Map.entry("mue", this::mue), java.util.Map.entry("modifier", this::modifierBypass), java.util.Map.entry("addon", this::addOns),
                java.util.Map.entry("fees", this::fees), java.util.Map.entry("drugs", this::drugUnits), java.util.Map.entry("gems", this::gems),
                java.util.Map.entry("poa", this::poa), java.util.Map.entry("guideline", this::guidelineConcepts),
                java.util.Map.entry("unknown", this::unknownTerms), java.util.Map.entry("words", this::wordsThatAreNotCodes),
                java.util.Map.entry("pcs", this::pcsTerms));
        for (var topic : topics) {
            random = new Random(20L * 31 + topic.getKey().hashCode());
            topic.getValue().run();
        }
        return questions;
    }

    List<String> skipped() {
        return skipped;
    }

    /** Writes dev and test files: each subject goes to one of them by a stable hash. */
    void write(Path dev, Path test) throws IOException {
        List<String> devLines = new ArrayList<>(List.of(header()));
        List<String> testLines = new ArrayList<>(List.of(header()));
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (Question q : questions) {
            boolean toDev = Math.floorMod((q.topic() + "/" + q.subject()).hashCode() * 31 + 7, 2) == 0;
            String prefix = toDev ? "d" : "t";
            int n = numbers.merge(prefix, 1, Integer::sum);
            String line = String.join("\t", prefix + String.format("%03d", n), q.topic(), q.date() == null ? "" : q.date().toString(), q.text(),
                    String.join(" | ", q.must()), String.join(" | ", q.mustNot()));
            (toDev ? devLines : testLines).add(line);
        }
        Files.write(dev, devLines, StandardCharsets.UTF_8);
        Files.write(test, testLines, StandardCharsets.UTF_8);
    }

    private static String header() {
        return "id\ttopic\tdate\tquestion\tmust\tmust_not";
    }

    // --- helpers ---

    private void add(String topic, LocalDate date, String text, List<String> must, List<String> mustNot, String subject) {
        questions.add(new Question(topic, date, text, must, mustNot, subject));
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    /** A slip of the keyboard in one longer word, in about one question of four (codes are never touched). */
    private String typos(String text) {
        if (random.nextInt(4) != 0) {
            return text;
        }
        String[] words = text.split(" ");
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (words[i].length() >= 6 && words[i].chars().allMatch(Character::isLowerCase)) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return text;
        }
        int i = candidates.get(random.nextInt(candidates.size()));
        char[] w = words[i].toCharArray();
        int at = 1 + random.nextInt(w.length - 3);
        char c = w[at];
        w[at] = w[at + 1];
        w[at + 1] = c;
        words[i] = new String(w);
        return String.join(" ", words);
    }

    /** Today for most questions; a date inside the data's tables for one in five. */
    private LocalDate maybeDate(LocalDate inside) {
        return random.nextInt(5) == 0 ? inside : null;
    }

    private Release icd() {
        return catalog.releaseInForce(CodeSystem.ICD10CM, today).orElseThrow();
    }

    private Optional<String> codeTitled(String title) {
        return jdbc.queryForList("select display_code from catalog_code where release_id = ? and lower(long_desc) = lower(?) and billable = true",
                String.class, icd().id(), title).stream().findFirst();
    }

    private <T> List<T> sample(List<T> all, int count) {
        List<T> copy = new ArrayList<>(all);
        java.util.Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(count, copy.size()));
    }

    // --- topics ---

    /** Lay words and shorthand for common conditions; the code is the one the release in force gives that exact title. */
    private void lookupByDescription() {
        String[][] terms = {
                {"Essential (primary) hypertension", "icd10 for htn", "htn dx code", "benign htn code?"},
                {"Type 2 diabetes mellitus without complications", "dm2 w/o complications code", "t2dm no complications icd 10"},
                {"Chronic obstructive pulmonary disease with (acute) exacerbation", "copd exacerbation dx", "copd w/ acute exacerbation code"},
                {"Urinary tract infection, site not specified", "uti site not specified code", "icd-10 uti unspecified site"},
                {"Unspecified atrial fibrillation", "afib unspecified icd10", "a fib unsp dx code"},
                {"Heart failure, unspecified", "chf unspecified code", "heart failure nos icd 10"},
                {"Hyperlipidemia, unspecified", "hld unspecified dx", "hyperlipidemia unsp code"},
                {"Gastro-esophageal reflux disease without esophagitis", "gerd w/o esophagitis code", "gerd no esophagitis icd10"},
                {"Atherosclerotic heart disease of native coronary artery without angina pectoris", "cad native vessel w/o angina dx",
                        "cad of native coronary artery no angina code"},
                {"Chronic kidney disease, stage 3a", "ckd stage 3a code", "ckd 3a dx"},
                {"Anemia, unspecified", "anemia unsp icd 10", "anemia nos code"},
                {"Vitamin D deficiency, unspecified", "vit d deficiency dx code", "vitamin d def unspecified code"},
                {"Generalized anxiety disorder", "gad dx code", "generalized anxiety icd10"},
                {"Pneumonia, unspecified organism", "pna unspecified organism code", "pneumonia unsp organism dx"},
                {"Shortness of breath", "sob dx code", "icd 10 for shortness of breath"},
                {"Chest pain, unspecified", "cp unspecified icd10", "chest pain nos code"},
                {"Nausea with vomiting, unspecified", "n/v dx code", "nausea w/ vomiting unsp code"},
                {"Hypothyroidism, unspecified", "hypothyroid dx code", "hypothyroidism unsp icd-10"},
                {"Major depressive disorder, single episode, unspecified", "mdd single episode unsp code", "major depression single ep dx"},
                {"Long term (current) use of anticoagulants", "pt on warfarin long term z code", "long term anticoagulant use dx"},
                {"Obstructive sleep apnea (adult) (pediatric)", "osa dx code", "obstructive sleep apnea icd 10"},
                {"Low back pain, unspecified", "lbp icd10", "low back pain unsp code"},
                {"Acute kidney failure, unspecified", "aki unspecified code", "acute renal failure nos dx"},
                {"Urinary tract infection, site not specified", "uti code", "urinary tract infxn dx"},
                {"Sepsis, unspecified organism", "sepsis unsp organism code", "sepsis nos icd10"},
                {"Hypokalemia", "low potassium dx code", "hypokalemia icd 10"},
                {"Dehydration", "dehydration dx", "dehydration code"},
                {"Personal history of nicotine dependence", "hx of smoking z code", "former smoker dx code"},
                {"Dysphagia, unspecified", "dysphagia unsp code", "difficulty swallowing dx"},
                {"Altered mental status, unspecified", "ams dx code", "altered mental status icd10"},
        };
        for (String[] term : terms) {
            Optional<String> code = codeTitled(term[0]);
            if (code.isEmpty()) {
                skipped.add("lookup: no billable code titled " + term[0]);
                continue;
            }
            for (int i = 1; i < term.length; i++) {
                add("lookup_desc", maybeDate(LocalDate.of(2026, 3, 2)), typos(term[i]), List.of(code.get()), List.of("Modifier "), term[0]);
            }
        }
    }

    /** Billable codes, headers (with a billable code below them named) and invalid codes (with their nearest codes). */
    private void validity() {
        Release release = icd();
        List<String> billable = jdbc.queryForList("select display_code from catalog_code where release_id = ? and billable = true"
                + " and kind = 'code' and code not like 'V%' and code not like 'W%' and code not like 'X%' and code not like 'Y%'"
                + " order by sort_order", String.class, release.id());
        for (String code : sample(billable, 12)) {
            String asked = random.nextBoolean() ? code : code.replace(".", "").toLowerCase(Locale.ROOT);
            add("validity", maybeDate(LocalDate.of(2026, 1, 15)), typos(pick("is " + asked + " billable", asked + " ok to bill?",
                    "can i bill " + asked, asked + " valid dx?", "billable? " + asked)), List.of(code, "billable"), List.of("not billable"), code);
        }
        List<String> headers = jdbc.queryForList("select display_code from catalog_code where release_id = ? and billable = false"
                + " and kind = 'code' and length(code) between 4 and 5 order by sort_order", String.class, release.id());
        for (String header : sample(headers, 14)) {
            CodePage page = catalog.page(CodeSystem.ICD10CM, header, today).orElse(null);
            if (page == null || page.billableDescendants().isEmpty()) {
                continue;
            }
            String first = page.billableDescendants().get(0).code();
            add("validity", maybeDate(LocalDate.of(2026, 1, 15)), typos(pick("is " + header + " billable?", "can i use " + header + " on a claim",
                    header + " billable or header", "is " + header.toLowerCase(Locale.ROOT) + " a complete code")),
                    List.of(header, "not billable", first), List.of("It is billable"), header);
        }
        // an invalid code: a billable code with a last character no code of the release has
        for (String code : sample(billable, 30)) {
            if (questions.stream().filter(q -> q.topic().equals("invalid_code")).count() >= 10) {
                break;
            }
            String key = code.replace(".", "");
            if (key.length() < 4) {
                continue;
            }
            String wrong = null;
            for (char c : "9876543210".toCharArray()) {
                String k = key.substring(0, key.length() - 1) + c;
                if (catalog.known(CodeSystem.ICD10CM, List.of(k)).isEmpty()) {
                    wrong = CodeSystem.ICD10CM.display(k);
                    break;
                }
            }
            if (wrong == null) {
                continue;
            }
            add("invalid_code", null, typos(pick("is " + wrong + " valid", wrong + " billable?", "what is " + wrong, "dx " + wrong + " ok?")),
                    List.of(wrong, "not a valid"), List.of("It is billable"), wrong);
        }
    }

    /** Codes of an older release that the release in force does not have, with the conversion table's replacement. */
    private void deleted() {
        Release release = icd();
        List<Map<String, Object>> rows = jdbc.queryForList("select distinct c.previous_code, c.current_code from catalog_code_conversion c"
                + " where c.previous_to is null and c.previous_code <> c.current_code and c.previous_code is not null"
                + " and not exists (select 1 from catalog_code k where k.release_id = ? and k.code = c.previous_code)"
                + " and exists (select 1 from catalog_code k where k.release_id = ? and k.code = c.current_code and k.billable = true)"
                + " order by c.previous_code", release.id(), release.id());
        Map<String, List<String>> byOld = new LinkedHashMap<>();
        rows.forEach(r -> byOld.computeIfAbsent((String) r.get("PREVIOUS_CODE"), k -> new ArrayList<>()).add((String) r.get("CURRENT_CODE")));
        for (String old : sample(new ArrayList<>(byOld.keySet()), 20)) {
            if (!catalog.former(CodeSystem.ICD10CM, old).isPresent()) {
                continue;
            }
            String shown = CodeSystem.ICD10CM.display(old);
            String replacement = CodeSystem.ICD10CM.display(byOld.get(old).stream().sorted().findFirst().orElseThrow());
            add("deleted", null, typos(pick("what replaced " + shown, shown + " deleted? what do i use now", "is " + shown + " still valid",
                    "new code for " + shown)), List.of(shown, "not a valid", replacement), List.of("It is billable"), shown);
        }
    }

    /** The complete code a 7th character makes, read from the code's page (7th characters and their complete codes). */
    private void seventhCharacters() {
        Release release = icd();
        List<String> bases = jdbc.queryForList("select distinct substr(code, 1, 6) from catalog_code where release_id = ? and billable = true"
                + " and length(code) = 7 and code like 'S%' and substr(code, 7, 1) = 'D' and substr(code, 6, 1) <> 'X'", String.class, release.id());
        String[][] encounters = {{"A", "initial encounter", "initial visit", "1st encounter"}, {"D", "subsequent encounter", "2nd visit",
                "f/u visit routine healing"}, {"S", "sequela", "sequela", "late effect"}};
        for (String base : sample(bases, 20)) {
            String[] e = encounters[random.nextInt(encounters.length)];
            String complete = CodeSystem.ICD10CM.display(base + e[0]);
            if (catalog.known(CodeSystem.ICD10CM, List.of(base + e[0])).isEmpty()) {
                continue;
            }
            String shown = CodeSystem.ICD10CM.display(base);
            add("seventh_char", null, typos(pick(shown + " " + e[2] + " 7th char?", "7th character for " + e[1] + " " + shown,
                    shown + " " + e[3] + " what 7th character", "seventh char " + shown + " " + e[1])), List.of(complete), List.of(), base);
        }
    }

    private static final Pattern NOTE_CODE = Pattern.compile("\\(([A-Z]\\d[0-9A-Z](?:\\.[0-9A-Z]{1,4})?)(?:[-.]*)\\)");

    /** Two codes one of whose Excludes1 / Excludes2 notes names the other's category. */
    private void excludes() {
        for (String kind : List.of("excludes1", "excludes2")) {
            Optional<Release> notes = jdbc.queryForList("select distinct release_id from catalog_note where lower(kind) = ? order by release_id desc",
                    Long.class, kind).stream().findFirst().flatMap(id -> catalog.releases(CodeSystem.ICD10CM).stream()
                    .filter(r -> r.id() == id).findFirst());
            if (notes.isEmpty()) {
                skipped.add("excludes: no " + kind + " notes imported");
                continue;
            }
            List<Map<String, Object>> rows = jdbc.queryForList("select owner, text from catalog_note where release_id = ? and lower(kind) = ?"
                    + " and owner like '____%' and owner not like '%:%'", notes.get().id(), kind);
            int made = 0;
            for (Map<String, Object> row : sample(rows, 400)) {
                if (made >= 10) {
                    break;
                }
                String owner = (String) row.get("OWNER");
                Matcher m = NOTE_CODE.matcher((String) row.get("TEXT"));
                if (!m.find()) {
                    continue;
                }
                String other = m.group(1).replace(".", "");
                Optional<String> a = firstBillable(owner);
                Optional<String> b = firstBillable(other);
                if (a.isEmpty() || b.isEmpty() || a.get().equals(b.get()) || a.get().charAt(0) != owner.charAt(0)) {
                    continue;
                }
                String label = kind.equals("excludes1") ? "Excludes1" : "Excludes2";
                add("excludes", null, typos(pick("can i code " + a.get() + " with " + b.get(), a.get() + " and " + b.get() + " together?",
                        "excludes note between " + a.get() + " & " + b.get() + "?", "ok to report " + a.get() + " + " + b.get() + " same claim")),
                        List.of(label), List.of(), owner + kind);
                made++;
            }
        }
    }

    /** The first billable code at or below a key in the release in force (the key itself when billable). */
    private Optional<String> firstBillable(String key) {
        return jdbc.queryForList("select display_code from catalog_code where release_id = ? and code like ? and billable = true order by sort_order"
                + " fetch first 1 rows only", String.class, icd().id(), key + "%").stream().findFirst();
    }

    private void mue() {
        Optional<EditsRelease> release = edits.inForce(Dataset.MUE_PRACTITIONER, today);
        if (release.isEmpty()) {
            skipped.add("mue: no practitioner MUE table");
            return;
        }
        LocalDate inside = release.get().effectiveFrom().plusDays(40);
        List<Map<String, Object>> rows = jdbc.queryForList("select code, mue_value, adjudication from edits_mue where release_id = ?"
                + " and code between '10000' and '99499' order by code", release.get().id());
        for (Map<String, Object> r : sample(rows, 22)) {
            String code = (String) r.get("CODE");
            int value = ((Number) r.get("MUE_VALUE")).intValue();
            int mai = ((Number) r.get("ADJUDICATION")).intValue();
            boolean askMai = random.nextBoolean();
            add("mue", maybeDate(inside), typos(askMai ? pick("mue + mai for " + code, code + " mue and adjudication indicator?",
                    "whats the mai on " + code) : pick("mue " + code, "max units " + code + " per day?", code + " how many units allowed mue",
                    "medically unlikely edit for " + code)), askMai ? List.of("MUE for " + code + " is " + value + " unit", "Adjudication " + mai)
                    : List.of("MUE for " + code + " is " + value + " unit"), List.of(), code);
        }
    }

    /** What the modifier reference says about NCCI bypass, and the PTP modifier indicators. */
    private void modifierBypass() {
        for (String code : List.of("59", "XS", "XU", "XE", "XP", "25", "LT", "RT", "91", "76", "24", "57", "79", "26", "TC", "GA", "KX")) {
            Optional<Modifier> m = modifiers.find(code, today);
            if (m.isEmpty()) {
                continue;
            }
            String role = m.get().ptpRoleWords();
            String fragment = role.substring(0, role.indexOf(':') > 0 ? role.indexOf(':') : Math.min(30, role.length()));
            add("modifier", null, typos(pick("does modifier " + code + " bypass ncci", "can i use -" + code + " to get past a ptp edit",
                    "is " + code + " modifier a ncci bypass modifier", "mod " + code + " bypass cci edit?")), List.of(code, fragment), List.of(), code);
        }
        add("modifier", null, "does modifier 59 bypass an mue", List.of("MUE", "59"), List.of("Name the CPT"), "59mue");
        add("modifier", null, "can xu override mue edits", List.of("MUE", "XU"), List.of("Name the CPT"), "XUmue");
        add("modifier", null, "ncci modifier indicator 0 meaning", List.of("0", "not allowed"), List.of(), "mi0");
        add("modifier", null, "what does mod indicator 1 mean on a ptp edit", List.of("1", "allowed"), List.of(), "mi1");
        add("modifier", null, "cci modifier indicator 9?", List.of("9", "not applicable"), List.of(), "mi9");
    }

    /** NCCI add-on code edits both ways: the primaries of an add-on code, the add-on codes of a primary. */
    private void addOns() {
        Optional<EditsRelease> release = edits.inForce(Dataset.ADD_ON, today);
        if (release.isEmpty()) {
            skipped.add("add-on: no AOC table");
            return;
        }
        List<String> addOnCodes = jdbc.queryForList("select distinct add_on_code from edits_add_on where release_id = ? and edit_type = 1"
                + " and deletion_date is null and primary_code is not null order by add_on_code", String.class, release.get().id());
        for (String addOn : sample(addOnCodes, 12)) {
            List<String> primaries = edits.addOns(release.get(), List.of(addOn)).getOrDefault(addOn, List.of()).stream()
                    .filter(e -> e.activeOn(today) && e.primaryCode() != null).map(e -> e.primaryCode()).sorted().toList();
            if (primaries.isEmpty()) {
                continue;
            }
            add("add_on", null, typos(pick("what primary code goes with add-on " + addOn, "+" + addOn + " primary codes?",
                    "which primary for " + addOn + " addon", addOn + " add on code reported with what")), List.of(addOn, primaries.get(0)), List.of(), addOn);
        }
        List<String> primaryCodes = jdbc.queryForList("select distinct primary_code from edits_add_on where release_id = ? and edit_type = 1"
                + " and deletion_date is null and primary_code is not null order by primary_code", String.class, release.get().id());
        for (String primary : sample(primaryCodes, 10)) {
            List<String> addOnsOf = edits.addOnsOfPrimary(release.get(), primary, today).stream().map(e -> e.addOnCode()).distinct().sorted().toList();
            if (addOnsOf.isEmpty()) {
                continue;
            }
            add("add_on", null, typos(pick("add-on codes for " + primary, "what addons go with " + primary + "?",
                    primary + " add on codes")), List.of(primary, addOnsOf.get(0)), List.of(), "p" + primary);
        }
    }

    /** Global period and RVUs from the fee schedule, one or both asked. */
    private void fees() {
        Optional<EditsRelease> release = edits.inForce(Dataset.PFS_RVU, today);
        if (release.isEmpty()) {
            skipped.add("fees: no PFS RVU table");
            return;
        }
        LocalDate inside = release.get().effectiveFrom().plusDays(20);
        List<Map<String, Object>> rows = jdbc.queryForList("select code, global_days, work from edits_rvu where release_id = ? and modifier = ''"
                + " and status = 'A' and code between '10000' and '69999' and global_days in ('000', '010', '090') order by code", release.get().id());
        for (Map<String, Object> r : sample(rows, 24)) {
            String code = (String) r.get("CODE");
            String global = (String) r.get("GLOBAL_DAYS");
            String work = ((BigDecimal) r.get("WORK")).toPlainString();
            int kind = random.nextInt(3);
            if (kind == 0) {
                add("fees", maybeDate(inside), typos(pick("global days " + code, code + " global period?", "how many post op days for " + code,
                        "global on " + code)), List.of("global period " + global), List.of(), code);
            } else if (kind == 1) {
                add("fees", maybeDate(inside), typos(pick("rvus for " + code, code + " work rvu?", "wRVU " + code)), List.of("work RVU " + work),
                        List.of(), code);
            } else {
                add("multi_part", maybeDate(inside), typos(pick("rvus and global for " + code, code + " global + wrvu?",
                        "global period & rvus " + code)), List.of("global period " + global, "work RVU " + work), List.of(), code);
            }
        }
    }

    private static final Pattern DOSE = Pattern.compile("(?i)\\b(?:per\\s+)?(\\d+(?:\\.\\d+)?)\\s*(mg|mcg|units?)\\b");

    /** HCPCS drug codes whose descriptor gives the dose of one unit: the units for a multiple of it. */
    private void drugUnits() {
        Release hcpcs = catalog.releaseInForce(CodeSystem.HCPCS, today).orElse(null);
        if (hcpcs == null) {
            skipped.add("drug units: no HCPCS release");
            return;
        }
        List<Map<String, Object>> rows = jdbc.queryForList("select code, short_desc from catalog_code where release_id = ? and code like 'J%'"
                + " and billable = true order by code", hcpcs.id());
        int made = 0;
        for (Map<String, Object> r : sample(rows, rows.size())) {
            if (made >= 18) {
                break;
            }
            String code = (String) r.get("CODE");
            String desc = (String) r.get("SHORT_DESC");
            Matcher m = DOSE.matcher(desc == null ? "" : desc);
            if (!m.find() || m.group(2).toLowerCase(Locale.ROOT).startsWith("unit") || m.find()) {
                continue; // one dose in the descriptor, in mg or mcg
            }
            m.reset();
            m.find();
            BigDecimal per = new BigDecimal(m.group(1));
            if (per.signum() <= 0) {
                continue;
            }
            int units = 1 + random.nextInt(4);
            String dose = per.multiply(BigDecimal.valueOf(units)).stripTrailingZeros().toPlainString() + " " + m.group(2).toLowerCase(Locale.ROOT);
            String drug = desc.split("[ ,]")[0].toLowerCase(Locale.ROOT);
            add("drug_units", null, typos(pick(code + " " + drug + " " + dose + " how many units", "units for " + dose + " of " + code,
                    code + " gave " + dose.replace(" ", "") + " units?", "how many units " + code + " " + dose)),
                    List.of(units + " unit" + (units == 1 ? "" : "s")), List.of(), code);
            made++;
        }
    }

    private void gems() {
        Optional<EditsRelease> release = edits.latest(Dataset.GEM_I10_I9);
        if (release.isEmpty()) {
            skipped.add("gems: none imported");
            return;
        }
        List<Map<String, Object>> rows = jdbc.queryForList("select source_code, target_code from edits_gem where release_id = ? and no_map = false"
                + " and exists (select 1 from catalog_code k where k.release_id = ? and k.code = source_code and k.billable = true)"
                + " order by source_code", release.get().id(), icd().id());
        for (Map<String, Object> r : sample(rows, 14)) {
            String source = CodeSystem.ICD10CM.display((String) r.get("SOURCE_CODE"));
            String target = GemMapping.icd9((String) r.get("TARGET_CODE"), false);
            add("gems", null, typos(pick("icd9 for " + source, source + " to icd-9?", "gem for " + source, "what was " + source + " in icd 9")),
                    List.of(target), List.of(), source);
        }
        // backward: an ICD-9-CM diagnosis code (digits) to its ICD-10-CM targets
        Optional<EditsRelease> backward = edits.latest(Dataset.GEM_I9_I10);
        if (backward.isEmpty()) {
            return;
        }
        List<Map<String, Object>> back = jdbc.queryForList("select source_code, target_code from edits_gem where release_id = ? and no_map = false"
                + " and source_code not like 'V%' and source_code not like 'E%' and length(source_code) >= 4 order by source_code", backward.get().id());
        for (Map<String, Object> r : sample(back, 8)) {
            String source = GemMapping.icd9((String) r.get("SOURCE_CODE"), false);
            String target = CodeSystem.ICD10CM.display((String) r.get("TARGET_CODE"));
            add("gems", null, typos(pick("icd9 " + source + " to icd10", "what is " + source + " in icd-10", source + " icd 9 crosswalk",
                    "convert " + source + " to icd10")), List.of(target), List.of(), source);
        }
    }

    /** POA indicators: the meaning the guidelines' appendix gives each one, checked to be in the imported text. */
    private void poa() {
        String[][] indicators = {{"Y", "present at the time of inpatient admission"}, {"N", "not present at the time of inpatient admission"},
                {"U", "documentation is insufficient"}, {"W", "unable to clinically determine"}};
        for (String[] i : indicators) {
            Integer found = jdbc.queryForObject("select count(*) from assistant_guideline where lower(body) like ?", Integer.class,
                    "%" + i[1] + "%");
            if (found == null || found == 0) {
                skipped.add("poa: the guidelines do not say \"" + i[1] + "\"");
                continue;
            }
            for (String q : List.of("what's poa indicator " + i[0], "poa " + i[0] + " meaning", "when do i use poa " + i[0] + "?")) {
                add("poa", null, typos(q), List.of(i[1]), List.of("Codes matching"), "poa" + i[0] + q.length() % 2);
            }
        }
    }

    /** Guideline concepts: the answer must cite the section the imported guidelines title so. */
    private void guidelineConcepts() {
        String[][] concepts = {
                {"uncertain diagnosis", "outpatient", "doc wrote r/o pna in the office note what do i code", "probable uti on outpt visit, code it?",
                        "suspected appendicitis in clinic - code the dx or symptoms", "questionable fx er visit, do i code the fx"},
                {"uncertain diagnosis", "inpatient", "probable pna at discharge inpatient, code as if confirmed?",
                        "inpt discharge summary says likely sepsis can i code it", "rule out mi on inpatient d/c summary"},
                {"code also", null, "what does code also mean", "code also note meaning?", "how do i use a code also instruction"},
                {"with", null, "what does with mean in icd 10", "the with convention?", "is with assumed between dm and ckd"},
                {"excludes notes", null, "excludes1 vs excludes2", "diff between excludes 1 and excludes 2", "what is an excludes2 note"},
                {"placeholder character", null, "what is the placeholder x", "when do i use x as a placeholder", "dummy x in icd-10 codes"},
        };
        List<Map<String, Object>> all = jdbc.queryForList("select section_id, title from assistant_guideline where version = (select version from"
                + " assistant_guideline_release order by effective_from desc fetch first 1 rows only) order by seq");
        for (String[] c : concepts) {
            String section = null;
            for (Map<String, Object> s : all) {
                String title = ((String) s.get("TITLE")).toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", " ").replaceAll("\\s+", " ").trim();
                String id = (String) s.get("SECTION_ID");
                // Section IV of the guidelines is the outpatient one (its own heading); "with" is the convention titled just so
                boolean titled = c[0].equals("with") ? title.equals("with") : title.contains(c[0].equals("excludes notes") ? "excludes" : c[0]);
                boolean setting = c[1] == null || id.startsWith("IV") == c[1].equals("outpatient");
                if (titled && setting) {
                    section = id;
                    break;
                }
            }
            if (section == null) {
                skipped.add("guideline: no section titled " + c[0] + (c[1] == null ? "" : " about " + c[1]));
                continue;
            }
            for (int i = 2; i < c.length; i++) {
                add("guideline", null, typos(c[i]), List.of("Section " + section), List.of("Codes matching"), c[0] + c[1]);
            }
        }
    }

    /** ICD-10-PCS root operations, one or two at a time: the answer must give each one's definition from the definitions file. */
    private void pcsTerms() {
        List<Map<String, Object>> rows = jdbc.queryForList("select term, definition from catalog_pcs_definition where section_code = '0'"
                + " and position = 3 and definition is not null and release_id = (select max(release_id) from catalog_pcs_definition) order by term");
        List<Map<String, Object>> picked = sample(rows, 16);
        for (int i = 0; i + 1 < picked.size(); i += 2) {
            String a = ((String) picked.get(i).get("TERM")).toLowerCase(Locale.ROOT);
            String b = ((String) picked.get(i + 1).get("TERM")).toLowerCase(Locale.ROOT);
            String da = (String) picked.get(i).get("DEFINITION");
            String db = (String) picked.get(i + 1).get("DEFINITION");
            String fa = da.substring(0, Math.min(25, da.length()));
            String fb = db.substring(0, Math.min(25, db.length()));
            if (random.nextBoolean()) {
                add("pcs_terms", null, typos(pick("pcs " + a + " vs " + b, "diff between " + a + " and " + b + " root operation",
                        a + " or " + b + " in icd-10-pcs?")), List.of(fa, fb), List.of("Codes matching"), a + b);
            } else {
                add("pcs_terms", null, typos(pick("pcs root operation " + a + " definition", "what is " + a + " in pcs",
                        "root op " + a + " meaning")), List.of(fa), List.of("Codes matching"), a);
            }
        }
    }

    /** Words that are no condition or procedure at all: the answer says nothing matches and lists no codes. */
    private void unknownTerms() {
        String[] starts = {"blor", "zant", "quib", "frem", "glop", "snarv", "trib", "wuzz", "plink", "morb"};
        String[] ends = {"fitis", "oplexy", "ectasis", "ogram", "otomy", "algia", "osis", "ifaction"};
        for (int i = 0; i < 16; i++) {
            String word = starts[random.nextInt(starts.length)] + ends[random.nextInt(ends.length)];
            add("unknown", null, pick(word + " icd 10 code", "cpt for " + word, "dx code " + word + "?", "code for " + word + " pls"),
                    List.of("nothing", word), List.of("Codes matching"), word + i);
        }
    }

    /** Shorthand and lab words that look like codes or modifiers: never read as such. */
    private void wordsThatAreNotCodes() {
        String[][] cases = {
                {"Influenza due to unidentified influenza virus with unspecified type of pneumonia", "what is the ICD-10-CM code for flu with pneumonia",
                        "icd-10-cm flu w/ pna unidentified virus"},
                {"Long term (current) use of anticoagulants", "hx dvt, pt on coumadin long term - which z code for the coumadin?"},
                {"Type 1 diabetes mellitus with hyperglycemia", "a1c 9.5 type 1 diabetic w/ hyperglycemia code"},
                {"Essential (primary) hypertension", "PT has HTN, dx code"},
        };
        for (String[] c : cases) {
            Optional<String> code = codeTitled(c[0]);
            if (code.isEmpty()) {
                skipped.add("words: no billable code titled " + c[0]);
                continue;
            }
            for (int i = 1; i < c.length; i++) {
                add("words_not_codes", null, c[i], List.of(code.get()), List.of("Modifier CM", "Modifier PT", "A1C is not", "Modifier FX"), c[0]);
            }
        }
    }
}
