package org.codedesk.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.codedesk.catalog.CodeSystem;
import org.codedesk.coverage.source.CoverageSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The Medicare Code Editor's diagnosis edits, from the code lists of the MCE release in force on a date: age
 * conflict (newborn 0, pediatric 0-17, maternity 9-64, adult 15-124), sex conflict (where the release still has it),
 * manifestation code as principal diagnosis, unacceptable principal diagnosis. The first diagnosis is the principal.
 */
@Service
public class MedicareCodeEditor {

    /** One MCE check's result. {@code check}: mce_age, mce_sex, mce_manifestation, mce_unacceptable_principal, mce. */
    public record Result(String check, Outcome outcome, String code, String message, String source) { }

    public enum Outcome { PASS, FAIL, NO_DATA }

    /** The MCE lists a code is on, in words ("Adult diagnoses (age 15 through 124)"), for code pages. */
    public record Listing(String list, String words) { }

    private static final String ACCEPTABLE_WITH_SECONDARY = "ACCEPTABLE_WITH_SECONDARY";

    private static final Map<String, int[]> AGES = Map.of("NEWBORN_AGE", new int[] {0, 0}, "PEDIATRIC_AGE", new int[] {0, 17},
            "MATERNITY_AGE", new int[] {9, 64}, "ADULT_AGE", new int[] {15, 124});
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("NEWBORN_AGE", "Perinatal/newborn diagnosis (age 0 only)"),
            Map.entry("PEDIATRIC_AGE", "Pediatric diagnosis (age 0 through 17)"),
            Map.entry("MATERNITY_AGE", "Maternity diagnosis (age 9 through 64)"),
            Map.entry("ADULT_AGE", "Adult diagnosis (age 15 through 124)"),
            Map.entry("FEMALE_DIAGNOSIS", "Diagnosis for females only"), Map.entry("MALE_DIAGNOSIS", "Diagnosis for males only"),
            Map.entry("FEMALE_PROCEDURE", "Procedure for females only"), Map.entry("MALE_PROCEDURE", "Procedure for males only"),
            Map.entry("MANIFESTATION", "Manifestation code: not allowed as principal diagnosis"),
            Map.entry("QUESTIONABLE_ADMISSION", "Questionable admission when principal diagnosis"),
            Map.entry("UNACCEPTABLE_PRINCIPAL", "Unacceptable principal diagnosis"),
            Map.entry("NONCOVERED_PROCEDURE", "Non-covered procedure"), Map.entry("LIMITED_COVERAGE", "Limited coverage procedure"),
            Map.entry("WRONG_PROCEDURE", "Wrong procedure performed"),
            Map.entry("UNSPECIFIED", "Unspecified code: a more specific code identifies laterality"));

    private final JdbcTemplate jdbc;
    private final Coverage coverage;

    MedicareCodeEditor(JdbcTemplate jdbc, Coverage coverage) {
        this.jdbc = jdbc;
        this.coverage = coverage;
    }

    public Optional<CoverageRelease> release(LocalDate date) {
        return coverage.inForce(CoverageSource.MCE, date);
    }

    /** The lists of the release in force that hold the code (ICD-10-CM or ICD-10-PCS, any spelling). */
    public List<Listing> listings(String code, LocalDate date) {
        Optional<CoverageRelease> release = release(date);
        if (release.isEmpty()) {
            return List.of();
        }
        List<Listing> result = new ArrayList<>();
        jdbc.query("select edit, flag from coverage_mce_code where release_id = ? and code = ? order by edit", rs -> {
            String edit = rs.getString(1);
            String words = WORDS.getOrDefault(edit, edit);
            result.add(new Listing(edit, ACCEPTABLE_WITH_SECONDARY.equals(rs.getString(2)) ? words + ", acceptable with a secondary diagnosis" : words));
        }, release.get().id(), CoverageSet.key(code));
        return result;
    }

    /**
     * Runs the diagnosis edits. Age and sex edits run only when the age (0-124) or sex ("M", "F") is given; the
     * principal diagnosis edits whenever there are diagnoses.
     */
    public List<Result> check(List<String> diagnoses, Integer age, String sex, LocalDate date) {
        if (diagnoses.isEmpty()) {
            return List.of();
        }
        Optional<CoverageRelease> found = release(date);
        if (found.isEmpty()) {
            return List.of(new Result("mce", Outcome.NO_DATA, null, "No Medicare Code Editor release in force on " + date
                    + " is loaded: the MCE edits (age, sex, principal diagnosis) are not checked.", null));
        }
        CoverageRelease release = found.get();
        String source = release.label() + " (effective " + release.effectiveFrom() + ")";
        List<String> keys = diagnoses.stream().map(CoverageSet::key).distinct().toList();
        Map<String, Set<String>> lists = lists(release, keys);
        List<Result> results = new ArrayList<>();
        if (age != null) {
            results.addAll(ages(keys, lists, age, source));
        }
        if ("M".equals(sex) || "F".equals(sex)) {
            results.addAll(sexes(release, keys, lists, sex, date, source));
        }
        String principal = keys.get(0);
        String shown = CodeSystem.ICD10CM.display(principal);
        if (lists.getOrDefault(principal, Set.of()).contains("MANIFESTATION")) {
            results.add(new Result("mce_manifestation", Outcome.FAIL, shown, shown + " is a manifestation code: it cannot be the principal diagnosis."
                    + " Sequence the underlying condition first.", source));
        } else {
            results.add(new Result("mce_manifestation", Outcome.PASS, shown, shown + " is not a manifestation code.", source));
        }
        if (lists.getOrDefault(principal, Set.of()).contains("UNACCEPTABLE_PRINCIPAL")) {
            boolean withSecondary = lists.get(principal).contains(ACCEPTABLE_WITH_SECONDARY);
            if (withSecondary && keys.size() > 1) {
                results.add(new Result("mce_unacceptable_principal", Outcome.PASS, shown, shown + " is acceptable as principal diagnosis because a"
                        + " secondary diagnosis is coded.", source));
            } else {
                results.add(new Result("mce_unacceptable_principal", Outcome.FAIL, shown, shown + (withSecondary
                        ? " is unacceptable as principal diagnosis without a secondary diagnosis (REQUIRES SECONDARY DX)."
                        : " is unacceptable as principal diagnosis: it describes a circumstance, not a current illness or injury."), source));
            }
        } else {
            results.add(new Result("mce_unacceptable_principal", Outcome.PASS, shown, shown + " is acceptable as principal diagnosis.", source));
        }
        return results;
    }

    private List<Result> ages(List<String> keys, Map<String, Set<String>> lists, int age, String source) {
        List<Result> results = new ArrayList<>();
        for (String key : keys) {
            for (String list : new TreeSet<>(lists.getOrDefault(key, Set.of()))) {
                int[] range = AGES.get(list);
                if (range != null && (age < range[0] || age > range[1])) {
                    String shown = CodeSystem.ICD10CM.display(key);
                    results.add(new Result("mce_age", Outcome.FAIL, shown, shown + " is a " + WORDS.get(list).toLowerCase() + ": it conflicts with age "
                            + age + ". Check the age or the code.", source));
                }
            }
        }
        if (results.isEmpty()) {
            results.add(new Result("mce_age", Outcome.PASS, null, "No diagnosis conflicts with age " + age + ".", source));
        }
        return results;
    }

    private List<Result> sexes(CoverageRelease release, List<String> keys, Map<String, Set<String>> lists, String sex, LocalDate date, String source) {
        Optional<LocalDate> inactive = jdbc.queryForList("select inactive_from from coverage_mce_edit where release_id = ? and edit = '5'",
                java.sql.Date.class, release.id()).stream().filter(java.util.Objects::nonNull).map(java.sql.Date::toLocalDate).findFirst();
        if (inactive.isPresent() && !date.isBefore(inactive.get())) {
            return List.of(new Result("mce_sex", Outcome.PASS, null, "The MCE sex conflict edit is deactivated as of " + inactive.get()
                    + ": CMS no longer applies it, so no diagnosis conflicts with the patient's sex.", source));
        }
        String conflicting = "M".equals(sex) ? "FEMALE_DIAGNOSIS" : "MALE_DIAGNOSIS";
        List<Result> results = new ArrayList<>();
        for (String key : keys) {
            if (lists.getOrDefault(key, Set.of()).contains(conflicting)) {
                String shown = CodeSystem.ICD10CM.display(key);
                results.add(new Result("mce_sex", Outcome.FAIL, shown, shown + " is a " + WORDS.get(conflicting).toLowerCase() + ": it conflicts with sex "
                        + sex + ". Check the sex or the code.", source));
            }
        }
        if (results.isEmpty()) {
            results.add(new Result("mce_sex", Outcome.PASS, null, "No diagnosis conflicts with sex " + sex + ".", source));
        }
        return results;
    }

    /** The lists each code is on; a starred unacceptable principal diagnosis also carries {@link #ACCEPTABLE_WITH_SECONDARY}. */
    private Map<String, Set<String>> lists(CoverageRelease release, List<String> keys) {
        Map<String, Set<String>> lists = new HashMap<>();
        List<Object> args = new ArrayList<>();
        keys.forEach(k -> { args.add(release.id()); args.add(k); });
        jdbc.query(String.join(" union all ", Collections.nCopies(keys.size(),
                "select code, edit, flag from coverage_mce_code where release_id = ? and code = ?")), rs -> {
            Set<String> of = lists.computeIfAbsent(rs.getString(1), k -> new java.util.HashSet<>());
            of.add(rs.getString(2));
            if (rs.getString(3) != null) {
                of.add(rs.getString(3));
            }
        }, args.toArray());
        return lists;
    }

}
