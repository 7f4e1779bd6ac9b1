package org.codedesk.claims;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodeStatus;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.coverage.Coverage;
import org.codedesk.coverage.MedicareCodeEditor;
import org.codedesk.coverage.Necessity;
import org.codedesk.edits.AddOnEdit;
import org.codedesk.edits.Dataset;
import org.codedesk.edits.Edits;
import org.codedesk.edits.EditsRelease;
import org.codedesk.edits.FeeSchedule;
import org.codedesk.edits.ImagingCap;
import org.codedesk.edits.Locality;
import org.codedesk.edits.ModifierIndicator;
import org.codedesk.edits.Modifiers;
import org.codedesk.edits.MueLimit;
import org.codedesk.edits.PtpEdit;
import org.springframework.stereotype.Service;

/**
 * Checks a claim before it goes out: codes valid on the date of service, NCCI PTP edits between every pair
 * of lines, MUE units, add-on codes without their primary, fee schedule status, bilateral and multiple
 * procedure rules; with diagnoses, medical necessity per NCD and billing-and-coding article, and the Medicare Code
 * Editor's diagnosis edits (age and sex when given). Every finding cites its table and quarter; what could not be checked is reported as
 * {@code no_data}, so a claim is clean only when everything was checked and passed. Thread-safe.
 */
@Service
public class ClaimChecker {

    private final Edits edits;
    private final ClaimValidator validator;
    private final Catalog catalog;
    private final Coverage coverage;
    private final MedicareCodeEditor mce;

    ClaimChecker(Catalog catalog, Edits edits, Modifiers modifiers, Coverage coverage, MedicareCodeEditor mce, java.time.Clock clock) {
        this.catalog = catalog;
        this.edits = edits;
        this.coverage = coverage;
        this.mce = mce;
        this.validator = new ClaimValidator(catalog, edits, modifiers, clock);
    }

    /** Checks the claim; throws {@link InvalidClaimException} with one message per bad field. */
    public ClaimCheck check(Claim submitted) {
        ValidClaim claim = validator.validate(submitted);
        Run run = new Run(claim);
        run.codes();
        run.diagnoses();
        run.ptp();
        run.mue();
        run.addOns();
        run.feeSchedule();
        run.medicalNecessity();
        run.codeEditor();
        run.markStale();
        Map<String, Long> summary = new LinkedHashMap<>();
        for (FindingStatus s : FindingStatus.values()) {
            summary.put(s.json(), run.findings.stream().filter(f -> f.status() == s).count());
        }
        boolean clean = run.findings.stream().allMatch(f -> f.status() == FindingStatus.PASS);
        List<ClaimCheck.CheckedLine> lines = run.checkedLines(); // before the sources are copied: a payment may cite the OPPSCAP file
        return new ClaimCheck(clean, claim.date(), claim.setting().slug(), summary, lines, run.findings, List.copyOf(run.sources));
    }

    /** The state of one check: the claim, the releases in force, the findings so far. */
    private final class Run {

        final ValidClaim claim;
        final LocalDate date;
        final List<Finding> findings = new ArrayList<>();
        final Set<String> sources = new LinkedHashSet<>();
        final Set<String> codes;
        final Optional<EditsRelease> rvuRelease;
        final Map<String, List<FeeSchedule>> fees;
        final Map<Dataset, EditsRelease> inForce;

        Run(ValidClaim claim) {
            this.claim = claim;
            this.date = claim.date();
            this.codes = claim.lines().stream().map(ValidClaim.Line::code).collect(Collectors.toCollection(LinkedHashSet::new));
            this.inForce = edits.inForce(date);
            this.rvuRelease = inForce(Dataset.PFS_RVU);
            Optional<Locality> locality = claim.locality();
            this.fees = rvuRelease.map(r -> edits.fees(r, codes, locality)).orElse(Map.of());
        }

        /**
         * The release to check against: the one in force on the date, or the newest older one, whose findings
         * {@link #markStale} then reports as stale.
         */
        Optional<EditsRelease> inForce(Dataset dataset) {
            Optional<EditsRelease> release = Optional.ofNullable(inForce.get(dataset));
            release.ifPresent(r -> {
                org.codedesk.catalog.Currency currency = edits.currency(dataset, date);
                if (currency.stale()) {
                    staleSources.put(r.citation(), currency.sentence());
                }
            });
            return release;
        }

        /** Source (a citation, or the label it contains) to the sentence saying that a newer release is in force and not imported. */
        final Map<String, String> staleSources = new LinkedHashMap<>();

        /**
         * The product's one rule for a date whose release is not imported: a finding checked against an older release is
         * stale, never a pass; a failure stays a failure, with the sentence. Code sets and coverage sources count too.
         */
        void markStale() {
            for (CodeSystem system : CodeSystem.values()) {
                org.codedesk.catalog.Currency currency = catalog.currency(system, date);
                catalog.releaseInForce(system, date).filter(r -> currency.stale()).ifPresent(r -> staleSources.put(r.label(), currency.sentence()));
            }
            for (org.codedesk.coverage.CoverageSource source : List.of(org.codedesk.coverage.CoverageSource.NCD_LAB,
                    org.codedesk.coverage.CoverageSource.MCE)) {
                coverage.inForce(source, date).ifPresent(r -> {
                    org.codedesk.catalog.Currency currency = org.codedesk.catalog.Currency.of(source.title(), source.cycle(), date,
                            r.version(), r.effectiveFrom());
                    if (currency.stale()) {
                        staleSources.put(r.label(), currency.sentence());
                    }
                });
            }
            findings.replaceAll(f -> {
                if (f.source() == null || !(f.status() == FindingStatus.PASS || f.status() == FindingStatus.FAIL
                        || f.status() == FindingStatus.BYPASSED)) {
                    return f;
                }
                String sentence = staleSources.entrySet().stream().filter(e -> f.source().contains(e.getKey())).map(Map.Entry::getValue)
                        .findFirst().orElse(null);
                if (sentence == null) {
                    return f;
                }
                return new Finding(f.check(), f.status() == FindingStatus.PASS ? FindingStatus.STALE : f.status(), f.lines(), f.code(),
                        f.message() + " " + sentence, f.fix(), f.source());
            });
        }

        void add(String check, FindingStatus status, List<Integer> lines, String code, String message, String fix, String source) {
            findings.add(new Finding(check, status, lines, code, message, fix, source));
            if (source != null) {
                sources.add(source);
            }
        }

        String cite(EditsRelease release) {
            return release.citation();
        }

        String notLoaded(Dataset dataset) {
            return edits.notImported(dataset, date);
        }

        // --- medical necessity (NCDs and billing-and-coding articles) ---

        void medicalNecessity() {
            if (coverage.policies(date).isEmpty()) {
                add("medical_necessity", FindingStatus.NO_DATA, List.of(), null, coverage.noPolicy(date) + ".",
                        "Import the NCD lab spreadsheet or the Medicare Coverage Database download (docs/coverage.md).", null);
                return;
            }
            for (String code : codes) {
                Necessity necessity = coverage.necessity(code, claim.diagnoses(), date);
                String source = necessity.documents().isEmpty() ? null
                        : String.join("; ", necessity.documents().stream().map(d -> d.citation()).toList());
                List<Integer> lines = claim.linesOf(code);
                switch (necessity.outcome()) {
                    case NOT_GOVERNED -> { } // no loaded policy restricts the code by diagnosis: nothing to check
                    case SUPPORTED -> add("medical_necessity", FindingStatus.PASS, lines, code, necessity.message(), null, source);
                    case DENIED -> add("medical_necessity", FindingStatus.FAIL, lines, code, necessity.message(),
                            "Medicare never covers this service for this diagnosis: check the diagnosis coding; if it is right, give the"
                                    + " patient an ABN (Advance Beneficiary Notice) before the service and append GA (ABN on file) or GZ (none).", source);
                    case NOT_REASONABLE_AND_NECESSARY -> {
                        if (claim.diagnoses().isEmpty()) {
                            add("medical_necessity", FindingStatus.NO_DATA, lines, code, necessity.message(),
                                    "Add the claim's ICD-10-CM diagnoses to check medical necessity.", source);
                        } else {
                            add("medical_necessity", FindingStatus.FAIL, lines, code, necessity.message(),
                                    "Look in the documentation for a diagnosis that supports the service (/crosswalk?code=" + code + "); if there is"
                                            + " none, an ABN may be needed: append GA when one is on file, GZ when not.", source);
                        }
                    }
                }
            }
        }

        // --- Medicare Code Editor: age, sex, principal diagnosis ---

        void codeEditor() {
            if (!claim.setting().inpatient()) {
                // the MCE screens inpatient hospital claims (MS-DRG grouping); its "unacceptable principal diagnosis" and the like
                // say nothing about a practitioner's or an outpatient claim, where Z00.00 first is right for a preventive visit
                add("mce", FindingStatus.PASS, List.of(), null, "MCE edits apply to inpatient claims; not applied to this "
                        + claim.setting().words() + " claim.", null, null);
                return;
            }
            for (MedicareCodeEditor.Result r : mce.check(claim.diagnoses(), claim.age(), claim.sex(), date)) {
                FindingStatus status = switch (r.outcome()) {
                    case PASS -> FindingStatus.PASS;
                    case FAIL -> FindingStatus.FAIL;
                    case NO_DATA -> FindingStatus.NO_DATA;
                };
                String fix = switch (r.check()) {
                    case "mce_age", "mce_sex" -> r.outcome() == MedicareCodeEditor.Outcome.FAIL ? "Correct the patient's "
                            + (r.check().equals("mce_age") ? "age" : "sex") + " or the diagnosis code." : null;
                    case "mce_manifestation" -> r.outcome() == MedicareCodeEditor.Outcome.FAIL
                            ? "Report the underlying condition first; the manifestation code follows it." : null;
                    case "mce_unacceptable_principal" -> r.outcome() == MedicareCodeEditor.Outcome.FAIL
                            ? "Sequence the condition that occasioned the encounter first, or add the secondary diagnosis it requires." : null;
                    default -> "Import the Definitions of Medicare Code Edits (docs/coverage.md).";
                };
                add(r.check(), status, List.of(), r.code(), r.message(), fix, r.source());
            }
        }

        // --- codes valid on the date ---

        void codes() {
            Map<String, CodeStatus> hcpcs = catalog.status(CodeSystem.HCPCS, codes.stream().filter(ValidClaim::isLevelTwo).toList(), date);
            Map<String, CodeStatus> cpt = catalog.status(CodeSystem.CPT, codes.stream().filter(c -> !ValidClaim.isLevelTwo(c)).toList(), date);
            for (String code : codes) {
                List<Integer> lines = claim.linesOf(code);
                CodeStatus status = ValidClaim.isLevelTwo(code) ? hcpcs.get(code) : cpt.get(code);
                switch (status.validity()) {
                    case VALID -> add("code_validity", FindingStatus.PASS, lines, code, code + " is " + status.detail() + ".", null, status.release());
                    case NOT_BILLABLE, NOT_IN_RELEASE -> add("code_validity", FindingStatus.FAIL, lines, code,
                            code + " cannot be reported on " + date + ": " + status.detail() + ".",
                            "Report the code in force on the date of service (see the code's page for its history).", status.release());
                    case NO_RELEASE -> byFeeSchedule(code, lines, status);
                }
            }
        }

        /** Without a code set release (no licensed CPT file), the fee schedule file of the quarter is the next-best list. */
        private void byFeeSchedule(String code, List<Integer> lines, CodeStatus status) {
            if (rvuRelease.isPresent() && fees.containsKey(code)) {
                add("code_validity", FindingStatus.PASS, lines, code, code + " is listed in the fee schedule file in force, checked"
                        + " instead of the code set: " + status.detail(), null, cite(rvuRelease.get()));
            } else {
                add("code_validity", FindingStatus.NO_DATA, lines, code, "Whether " + code + " is valid on " + date + " was not checked: "
                        + status.detail() + (rvuRelease.isPresent() ? " The fee schedule file in force does not list it either." : ""),
                        "Import the code set (for CPT, the operator's licensed CPT file) to check it.", null);
            }
        }

        void diagnoses() {
            if (claim.diagnoses().isEmpty()) {
                return;
            }
            for (CodeStatus status : catalog.status(CodeSystem.ICD10CM, claim.diagnoses(), date).values()) {
                String code = status.code();
                switch (status.validity()) {
                    case VALID -> add("diagnosis_validity", FindingStatus.PASS, List.of(), code, code + " is a billable ICD-10-CM code on "
                            + date + ".", null, status.release());
                    case NOT_BILLABLE -> add("diagnosis_validity", FindingStatus.FAIL, List.of(), code, code + " is a header code, not billable.",
                            "Report a complete code below " + code + " (more characters are required).", status.release());
                    case NOT_IN_RELEASE -> add("diagnosis_validity", FindingStatus.FAIL, List.of(), code, code + " is not valid on " + date
                            + ": " + status.detail() + ".", "Use the code in force on the date of service.", status.release());
                    case NO_RELEASE -> add("diagnosis_validity", FindingStatus.NO_DATA, List.of(), code, status.detail(),
                            "Import the ICD-10-CM release for the date.", null);
                }
            }
        }

        // --- NCCI PTP ---

        void ptp() {
            if (claim.setting().edits().isEmpty()) {
                return; // said once by mue(): NCCI does not edit inpatient claims
            }
            Optional<Dataset> dataset = claim.setting().edits().get().ptp();
            if (dataset.isEmpty()) {
                return; // NCCI PTP edits do not apply to DME supplier claims
            }
            List<ValidClaim.Line> lines = claim.lines();
            Optional<EditsRelease> release = inForce(dataset.get());
            Map<String, List<PtpEdit>> byPair = new TreeMap<>();
            release.ifPresent(r -> edits.ptpAmong(r, codes).forEach(e -> byPair.computeIfAbsent(e.column1() + "|" + e.column2(),
                    k -> new ArrayList<>()).add(e)));
            for (int i = 0; i < lines.size(); i++) {
                for (int j = i + 1; j < lines.size(); j++) {
                    ValidClaim.Line a = lines.get(i);
                    ValidClaim.Line b = lines.get(j);
                    if (a.code().equals(b.code())) {
                        continue;
                    }
                    if (release.isEmpty()) {
                        add("ptp", FindingStatus.NO_DATA, List.of(a.number(), b.number()), a.code() + "+" + b.code(),
                                "PTP edits between " + a.code() + " and " + b.code() + " were not checked. " + notLoaded(dataset.get()),
                                "Import the NCCI PTP files for the quarter.", null);
                        continue;
                    }
                    pair(release.get(), byPair, a, b);
                }
            }
        }

        private void pair(EditsRelease release, Map<String, List<PtpEdit>> byPair, ValidClaim.Line a, ValidClaim.Line b) {
            List<PtpEdit> all = new ArrayList<>(byPair.getOrDefault(a.code() + "|" + b.code(), List.of()));
            all.addAll(byPair.getOrDefault(b.code() + "|" + a.code(), List.of()));
            List<Integer> lineNumbers = List.of(a.number(), b.number());
            String pair = a.code() + "+" + b.code();
            Optional<PtpEdit> active = all.stream().filter(e -> e.activeOn(date) && e.indicator() != ModifierIndicator.NOT_APPLICABLE)
                    .min(java.util.Comparator.comparing(e -> e.indicator().value()));
            if (active.isEmpty()) {
                String inactive = all.stream().filter(e -> !e.activeOn(date) || e.indicator() == ModifierIndicator.NOT_APPLICABLE)
                        .map(e -> " (an edit " + e.column1() + "/" + e.column2() + " exists but is not in force on " + date + ": effective "
                                + e.effective() + (e.deleted() == null ? "" : ", deleted " + e.deleted()) + ", indicator " + e.indicator().value() + ")")
                        .findFirst().orElse("");
                add("ptp", FindingStatus.PASS, lineNumbers, pair, "No PTP edit between " + a.code() + " and " + b.code() + " is in force on "
                        + date + inactive + ".", null, cite(release));
                return;
            }
            PtpEdit edit = active.get();
            ValidClaim.Line column2 = edit.column2().equals(a.code()) ? a : b;
            ValidClaim.Line column1 = column2 == a ? b : a;
            String what = "NCCI PTP edit: column 2 code " + edit.column2() + " (line " + column2.number() + ") is not paid with column 1 code "
                    + edit.column1() + " (line " + column1.number() + ")" + (edit.rationale().isBlank() ? "" : "; rationale: " + edit.rationale())
                    + ". Modifier indicator " + edit.indicator().words();
            if (edit.indicator() == ModifierIndicator.NOT_ALLOWED) {
                add("ptp", FindingStatus.FAIL, lineNumbers, pair, what, "Remove " + edit.column2() + " (line " + column2.number()
                        + "): it is part of " + edit.column1() + " on the same day, and no modifier bypasses this edit.", cite(release));
                return;
            }
            List<String> bypassing = new ArrayList<>();
            for (ValidClaim.Line line : List.of(column2, column1)) {
                line.modifiers().stream().filter(m -> !"none".equals(validator.modifiers().ptpRole(m)))
                        .forEach(m -> bypassing.add(m + " on line " + line.number()));
            }
            if (!bypassing.isEmpty()) {
                add("ptp", FindingStatus.BYPASSED, lineNumbers, pair, what + " Bypassed by " + String.join(", ", bypassing) + ".",
                        "Keep the modifier only if the record documents a distinct service (different session, site or organ, separate"
                                + " incision, lesion or injury); NCCI expects it on the column 2 code. Without that documentation, remove "
                                + edit.column2() + ".", cite(release));
            } else {
                add("ptp", FindingStatus.FAIL, lineNumbers, pair, what, "If the services were distinct and documented as such, append an"
                        + " NCCI-associated modifier (XE, XS, XP, XU or 59, an anatomic modifier, or 25/57 for an E/M) to "
                        + edit.column2() + " on line " + column2.number() + "; otherwise remove it.", cite(release));
            }
        }

        // --- MUE ---

        void mue() {
            if (claim.setting().edits().isEmpty()) {
                add("ncci", FindingStatus.PASS, List.of(), null, "NCCI edits (PTP, MUE, add-on codes) apply to practitioner, outpatient"
                        + " hospital and DME supplier claims, not to inpatient hospital claims: not applied to this claim.", null, null);
                return;
            }
            org.codedesk.edits.Setting setting = claim.setting().edits().get();
            Dataset dataset = setting.mue();
            Optional<EditsRelease> release = inForce(dataset);
            if (release.isEmpty()) {
                for (String code : codes) {
                    add("mue", FindingStatus.NO_DATA, claim.linesOf(code), code, "Units of " + code + " were not checked. " + notLoaded(dataset),
                            "Import the MUE table of the setting for the quarter.", null);
                }
                return;
            }
            Map<String, MueLimit> limits = edits.mues(release.get(), setting, codes);
            for (String code : codes) {
                List<ValidClaim.Line> lines = claim.lines().stream().filter(l -> l.code().equals(code)).toList();
                MueLimit limit = limits.get(code);
                String source = cite(release.get());
                if (limit == null) {
                    add("mue", FindingStatus.PASS, claim.linesOf(code), code, "No MUE is published for " + code + " in this table: units are not limited by an MUE.",
                            null, source);
                    continue;
                }
                String rule = "MUE " + limit.value() + " (" + limit.adjudicationWords() + " Rationale: " + limit.rationale() + ")";
                if (limit.perLine()) {
                    for (ValidClaim.Line line : lines) {
                        boolean over = line.units() > limit.value();
                        add("mue", over ? FindingStatus.FAIL : FindingStatus.PASS, List.of(line.number()), code,
                                line.units() + " unit(s) of " + code + " on line " + line.number() + (over ? " exceed " : " within ") + rule + ".",
                                over ? "Report no more than " + limit.value() + " per line; if more were medically necessary on distinct sites or"
                                        + " sessions, put them on separate lines with the modifier that shows why (e.g. anatomic, 76, 91, XE/XS)." : null,
                                source);
                    }
                } else {
                    int total = lines.stream().mapToInt(ValidClaim.Line::units).sum();
                    boolean over = total > limit.value();
                    String fix = !over ? null : limit.adjudication() == 2
                            ? "Units above " + limit.value() + " per day are not payable (a policy limit: appeals do not overturn it); correct the units."
                            : "Report no more than " + limit.value() + " for the day, or bill the units given and be ready to show medical necessity on appeal.";
                    add("mue", over ? FindingStatus.FAIL : FindingStatus.PASS, claim.linesOf(code), code, total + " unit(s) of " + code
                            + " on the date of service" + (over ? " exceed " : " within ") + rule + ".", fix, source);
                }
            }
        }

        // --- add-on codes ---

        void addOns() {
            if (claim.setting().edits().isEmpty()) {
                return; // said once by mue(): NCCI does not edit inpatient claims
            }
            Optional<EditsRelease> release = inForce(Dataset.ADD_ON);
            if (release.isEmpty()) {
                add("add_on", FindingStatus.NO_DATA, List.of(), null, "Add-on codes were not checked for their primary codes. "
                        + notLoaded(Dataset.ADD_ON), "Import the NCCI add-on code edits for the quarter.", null);
                return;
            }
            Map<String, List<AddOnEdit>> rows = edits.addOns(release.get(), codes);
            for (String code : codes) {
                List<AddOnEdit> active = rows.getOrDefault(code, List.of()).stream().filter(e -> e.activeOn(date)).toList();
                if (active.isEmpty()) {
                    continue; // not an add-on code on this date
                }
                int type = active.get(0).editType();
                Set<String> primaries = active.stream().map(AddOnEdit::primaryCode).filter(p -> p != null).collect(Collectors.toCollection(java.util.TreeSet::new));
                List<String> present = primaries.stream().filter(codes::contains).toList();
                boolean otherCodes = codes.stream().anyMatch(c -> !c.equals(code) && !rows.containsKey(c));
                String about = code + " is an add-on code (edit type " + type + ": " + edits.addOnTypeWords(type) + ")";
                String source = cite(release.get());
                if (!present.isEmpty()) {
                    add("add_on", FindingStatus.PASS, claim.linesOf(code), code, about + "; its primary " + String.join(", ", present)
                            + " is on the claim.", null, source);
                } else if (type == 1 || !otherCodes) {
                    add("add_on", FindingStatus.FAIL, claim.linesOf(code), code, about + "; none of its primary codes is on the claim.",
                            "Bill " + code + " with the primary procedure it adds to" + (primaries.isEmpty() ? "" : " ("
                                    + primaries.stream().limit(12).collect(Collectors.joining(", ")) + (primaries.size() > 12 ? ", …" : "") + ")")
                                    + ", by the same provider on the same date.", source);
                } else {
                    add("add_on", FindingStatus.NO_DATA, claim.linesOf(code), code, about + "; the edit lists no primary on this claim and"
                            + " leaves acceptable primaries to the Medicare contractor, so it could not be settled here.",
                            "Check the contractor's policy for the primary billed with " + code + ".", source);
                }
            }
        }

        // --- fee schedule: status, bilateral, multiple procedures ---

        void feeSchedule() {
            if (claim.setting() != ClaimSetting.PRACTITIONER) {
                return; // the Physician Fee Schedule prices practitioner claims
            }
            if (rvuRelease.isEmpty()) {
                add("fee_schedule", FindingStatus.NO_DATA, List.of(), null, "Fee schedule status, bilateral and multiple-procedure rules were not"
                        + " checked. " + notLoaded(Dataset.PFS_RVU), "Import the Physician Fee Schedule RVU file.", null);
                return;
            }
            String source = cite(rvuRelease.get());
            List<ValidClaim.Line> multiple = new ArrayList<>();
            for (ValidClaim.Line line : claim.lines()) {
                Optional<FeeSchedule> fee = feeFor(line);
                if (fee.isEmpty()) {
                    add("fee_schedule", FindingStatus.NO_DATA, List.of(line.number()), line.code(), line.code() + " is not in the fee schedule"
                            + " file: its payment status was not checked.", null, source);
                    continue;
                }
                FeeSchedule f = fee.get();
                String status = f.status().value();
                boolean payable = Set.of("A", "C", "J", "M", "R", "T").contains(status);
                String about = line.code() + (f.modifier().isEmpty() ? "" : "-" + f.modifier()) + " has fee schedule status " + status + ": "
                        + f.status().words();
                if (Set.of("X", "E").contains(status)) {
                    outsideThePfs(line, about, source);
                } else {
                    add("fee_schedule", payable ? FindingStatus.PASS : FindingStatus.FAIL, List.of(line.number()), line.code(),
                            about + (payable ? imagingCap(f) : ""), payable ? null : notPaid(line.code(), status), source);
                }
                if (line.modifiers().contains("50")) {
                    bilateral(line, f, source);
                }
                if ("2".equals(f.multipleProcedure().value())) {
                    multiple.add(line);
                }
            }
            if (multiple.size() > 1) {
                add("multiple_procedure", FindingStatus.PASS, multiple.stream().map(ValidClaim.Line::number).toList(), null,
                        multiple.size() + " procedures carry multiple-procedure indicator 2: Medicare pays the highest-valued at 100% and the"
                                + " others at 50% (modifier 51 is not needed on Medicare claims; the reduction is applied anyway).", null, source);
            }
        }

        /**
         * Status X (statutory exclusion) or E (excluded by regulation): the PFS does not price the service, which says nothing
         * about whether Medicare pays it; a lab test is paid under the CLFS, an ambulance trip under its fee schedule. So the
         * finding names the payment system where the data tells, and is no_data (its payment was not checked here), never a
         * failure with ABN advice.
         */
        private void outsideThePfs(ValidClaim.Line line, String about, String source) {
            Optional<PaymentSystem> system = PaymentSystem.of(line.code(), hcpcsRecord(line.code()));
            String where = system.map(p -> " It is paid outside the PFS, under " + p.name() + " (" + p.reason() + ").")
                    .orElse(" It is paid outside the PFS; check the payment system for this service.");
            add("fee_schedule", FindingStatus.NO_DATA, List.of(line.number()), line.code(), about + where,
                    system.map(p -> "Its amount and billing rules come from " + p.name()).orElse("Check the payment system for this service: its"
                            + " amount and billing rules come from there") + ", not from the physician fee schedule; the PFS status alone is no"
                            + " reason to expect a denial.", source);
        }

        /** What to do with a line the PFS does not pay, by status (RVU file Attachment A); X and E go to {@link #outsideThePfs}. */
        private String notPaid(String code, String status) {
            return switch (status) {
                case "B" -> "Do not bill it separately: its payment is included in the service it belongs to.";
                case "P" -> "If it was furnished incident to a physician service on the same date, do not bill it separately (its payment"
                        + " is bundled into that service); otherwise it is paid outside the PFS, "
                        + PaymentSystem.of(code, hcpcsRecord(code)).map(p -> "under " + p.name() + " (" + p.reason() + ").")
                                .orElse("under another provision: check the payment system for this service.");
                case "N" -> "Medicare does not cover it (status N). Where the exclusion is by statute (e.g. a routine physical), the patient"
                        + " may be billed: append GY when a Medicare denial is needed (e.g. for a secondary payer).";
                case "I", "G" -> "Not valid for Medicare claims: report the HCPCS Level II code Medicare uses for the service.";
                case "D", "F" -> "Deleted code: report the code in force on the date of service (see the code's page).";
                case "H" -> "This component (modifier) of the code was deleted: report the code without it.";
                default -> "Check the code and date: the fee schedule does not pay it.";
            };
        }

        /** The HCPCS Level II record of a code (pricing indicator, type of service, BETOS), read once per claim; empty for CPT. */
        private Map<String, String> hcpcsRecord(String code) {
            if (hcpcsRecords == null) {
                hcpcsRecords = catalog.attributes(CodeSystem.HCPCS, codes.stream().filter(ValidClaim::isLevelTwo).toList(), date);
            }
            return hcpcsRecords.getOrDefault(code, Map.of());
        }

        private Map<String, Map<String, String>> hcpcsRecords;

        /** " In OKLAHOMA the payment is capped...": the OPPS imaging cap that lowers the line's payment in the claim's locality, if any. */
        private String imagingCap(FeeSchedule f) {
            if (f.locality() == null) {
                return "";
            }
            ImagingCap cap = claim.facility() ? f.locality().facilityCap() : f.locality().nonFacilityCap();
            if (cap == null || !cap.applied()) {
                return "";
            }
            sources.add(cap.source());
            return " In " + f.locality().locality().name() + " (" + (claim.facility() ? "facility" : "non-facility") + ") it is paid $"
                    + cap.opps() + ", " + ImagingCap.REASON + " (fee schedule amount $" + cap.feeSchedule() + ", OPPS amount $" + cap.opps()
                    + "; " + cap.source() + ").";
        }

        private void bilateral(ValidClaim.Line line, FeeSchedule f, String source) {
            String indicator = f.bilateral().value();
            FindingStatus status = switch (indicator) {
                case "1", "3" -> FindingStatus.PASS;
                default -> FindingStatus.FAIL;
            };
            String fix = switch (indicator) {
                case "0" -> "Modifier 50 does not apply to " + line.code() + ": the 150% bilateral adjustment is not allowed; remove 50.";
                case "2" -> line.code() + " is already bilateral by definition (paid once for both sides): remove modifier 50.";
                case "9" -> "The bilateral concept does not apply to " + line.code() + ": remove modifier 50.";
                default -> null;
            };
            add("bilateral", status, List.of(line.number()), line.code(), line.code() + "-50: bilateral indicator " + indicator + ": "
                    + f.bilateral().words() + (indicator.equals("1") ? " Report one line with 50 and 1 unit." : ""), fix, source);
        }

        private Optional<FeeSchedule> feeFor(ValidClaim.Line line) {
            List<FeeSchedule> rows = fees.getOrDefault(line.code(), List.of());
            return rows.stream().filter(f -> !f.modifier().isEmpty() && line.modifiers().contains(f.modifier())).findFirst()
                    .or(() -> rows.stream().filter(f -> f.modifier().isEmpty()).findFirst());
        }

        List<ClaimCheck.CheckedLine> checkedLines() {
            List<ClaimCheck.CheckedLine> result = new ArrayList<>();
            for (ValidClaim.Line line : claim.lines()) {
                Optional<FeeSchedule> fee = claim.setting() == ClaimSetting.PRACTITIONER ? feeFor(line) : Optional.empty();
                java.math.BigDecimal payment = null;
                String basis = null;
                if (fee.isPresent()) {
                    FeeSchedule f = fee.get();
                    boolean facility = claim.facility();
                    String where = claim.placeOfService().map(p -> "place of service " + p + ": " + (facility ? "facility" : "non-facility")
                            + " rate").orElse("no place of service given: non-facility rate");
                    ImagingCap cap = f.locality() == null ? null : facility ? f.locality().facilityCap() : f.locality().nonFacilityCap();
                    if (cap != null) {
                        sources.add(cap.source());
                    }
                    if (f.locality() != null && (facility ? f.locality().facility() : f.locality().nonFacility()) != null) {
                        payment = facility ? f.locality().facility() : f.locality().nonFacility();
                        basis = where + " per unit, locality " + f.locality().locality().name() + ": "
                                + (facility ? f.locality().facilityArithmetic() : f.locality().nonFacilityArithmetic());
                    } else if ("C".equals(f.status().value())) {
                        basis = where + (f.locality() == null ? ": carrier priced: the Medicare contractor sets the amount"
                                : ", locality " + f.locality().locality().name() + ": "
                                + (facility ? f.locality().facilityArithmetic() : f.locality().nonFacilityArithmetic()));
                    } else if ((facility ? f.nationalFacility() : f.nationalNonFacility()) != null) {
                        payment = facility ? f.nationalFacility() : f.nationalNonFacility();
                        basis = where + " per unit, national (" + (facility ? f.totalFacility() : f.totalNonFacility()) + " RVUs × "
                                + f.conversionFactor() + ")";
                    } else {
                        basis = where + ": not paid in that setting (NA in the fee schedule)";
                    }
                }
                result.add(new ClaimCheck.CheckedLine(line.number(), line.code(), line.modifiers(), line.units(), payment, basis));
            }
            return result;
        }
    }
}
