package org.codedesk.catalog.importing;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.importing.RecognizedFile.ReleaseKey;
import org.codedesk.catalog.importing.ReleaseContent.CodeRow;
import org.codedesk.catalog.source.icd10cm.AddendaEntry;

/**
 * Tells apart, in a fiscal year's published code set, the codes in force from October 1 and those of a mid-year
 * update (January or April) that CMS folded into a re-issued order file: FY2021's file (December 2020) already
 * holds the January 2021 codes, FY2022's the April 2022 ones, FY2023's the April 2023 ones. A date of service
 * before the update must not get them, so the year becomes two releases: the October set and the update.
 *
 * <p>What the files say, in order of authority: the CDC conversion tables give each new ICD-10-CM code's exact
 * effective date; an order addenda that compares a year's file with itself ("... in icd10cm_order_2023.txt" twice)
 * lists exactly the mid-year changes, which undone give the October set; without either (ICD-10-PCS), a same-year
 * addenda's update takes effect on the date configured for it, else April 1, the CMS mid-year update date.
 * Pure: works on rows, never on the database.
 */
final class MidYearUpdates {

    /** A release made from another's files: its key, its codes and a sentence on how it was derived. */
    record Derived(ReleaseKey key, List<CodeRow> codes, String note) { }

    /** The outcome for one published set: the codes in force from its start, and the updates it holds. */
    record Split(List<CodeRow> octoberCodes, List<Derived> updates, String note) { }

    private final Map<String, LocalDate> newCodeDates;
    private final Map<String, LocalDate> configuredDates;

    /**
     * @param newCodeDates    ICD-10-CM code key to the date it took effect, from the conversion tables
     * @param configuredDates "system:version" (e.g. "icd10pcs:FY2022") to the date its mid-year update took effect
     */
    MidYearUpdates(Map<String, LocalDate> newCodeDates, Map<String, LocalDate> configuredDates) {
        this.newCodeDates = Map.copyOf(newCodeDates);
        this.configuredDates = Map.copyOf(configuredDates);
    }

    /**
     * Splits a fiscal year's published codes.
     *
     * @param addenda      the year's order addenda (empty when absent)
     * @param sameYear     whether the addenda compares the year's file with itself (a mid-year update)
     * @param previousYear the codes of the fiscal year before, by key (empty when not imported): the state a code
     *                     returns to when the update that changed it is taken out
     */
    Split split(ReleaseKey key, List<CodeRow> published, List<AddendaEntry> addenda, boolean sameYear,
                Map<String, CodeRow> previousYear) {
        LocalDate start = key.effectiveFrom();
        LocalDate end = start.plusYears(1);
        Map<String, CodeRow> byKey = new LinkedHashMap<>();
        published.forEach(c -> byKey.put(c.code(), c));
        if (sameYear && !addenda.isEmpty()) {
            LocalDate date = addenda.stream().filter(a -> a.action().equals(AddendaEntry.ADD))
                    .map(a -> newCodeDates.get(a.code())).filter(d -> d != null && d.isAfter(start) && d.isBefore(end))
                    .min(Comparator.naturalOrder()).orElseGet(() -> configuredOrApril(key));
            List<CodeRow> october = undo(byKey, addenda, key.system());
            String how = newCodeDates.isEmpty() || addenda.stream().noneMatch(a -> newCodeDates.containsKey(a.code()))
                    ? "dated " + date + (configuredDates.containsKey(key.system().slug() + ":" + key.version())
                            ? " by codedesk.import.mid-year-dates" : " (the CMS April update: the files do not state the date)")
                    : "dated " + date + " by the CDC conversion table";
            String note = "the order file is the re-issue of " + date + "; its addenda's " + addenda.size()
                    + " changes are that update (" + how + "), taken out for " + key.version();
            return new Split(october, List.of(new Derived(midYearKey(key, date), published, note)), note);
        }
        // Codes the conversion tables date after October 1 of this year: a re-issued file without a same-year addenda.
        TreeMap<LocalDate, Set<String>> byDate = new TreeMap<>();
        for (String code : byKey.keySet()) {
            LocalDate date = newCodeDates.get(code);
            if (date != null && date.isAfter(start) && date.isBefore(end)) {
                byDate.computeIfAbsent(date, d -> new HashSet<>()).add(code);
            }
        }
        if (byDate.isEmpty()) {
            return new Split(published, List.of(), null);
        }
        Set<String> later = new HashSet<>();
        byDate.values().forEach(later::addAll);
        List<CodeRow> october = without(byKey, later, previousYear);
        List<Derived> updates = new ArrayList<>();
        Set<String> stillLater = new HashSet<>(later);
        for (var update : byDate.entrySet()) {
            stillLater.removeAll(update.getValue());
            List<CodeRow> codes = stillLater.isEmpty() ? published : without(byKey, stillLater, previousYear);
            updates.add(new Derived(midYearKey(key, update.getKey()), codes, update.getValue().size() + " codes the CDC conversion table dates "
                    + update.getKey() + " are in the re-issued " + key.version() + " order file"));
        }
        String note = later.size() + " codes dated after " + start + " by the CDC conversion table taken out of " + key.version()
                + " (mid-year update" + (updates.size() > 1 ? "s " : " ") + byDate.keySet() + ")";
        return new Split(october, updates, note);
    }

    /**
     * Whether splitting {@code published} may need the year before's codes: when the conversion tables date some of its
     * codes after its own October 1 (a header may return to what it was), or in the year before (an update that
     * year's file lacked). Reading a stored year costs a second, so it is read only then.
     */
    boolean mayNeedPreviousYear(ReleaseKey key, List<CodeRow> published, boolean sameYearAddenda) {
        LocalDate previousStart = key.effectiveFrom().minusYears(1);
        LocalDate end = key.effectiveFrom().plusYears(1);
        return published.stream().map(c -> newCodeDates.get(c.code()))
                .anyMatch(d -> d != null && d.isAfter(previousStart) && d.isBefore(end) && !d.equals(key.effectiveFrom()));
    }

    /**
     * The mid-year update of the year before {@code key} that its own order file lacks (the April 2020 COVID-19 codes are
     * only in FY2021's file): the codes the conversion tables date inside that year, missing from it, with the headers
     * above them as {@code published} (the later year's file) has them.
     */
    Optional<Derived> missedUpdate(ReleaseKey previousKey, List<CodeRow> previousCodes, List<CodeRow> published) {
        LocalDate start = previousKey.effectiveFrom();
        LocalDate end = start.plusYears(1);
        Map<String, CodeRow> have = new LinkedHashMap<>();
        previousCodes.forEach(c -> have.put(c.code(), c));
        Map<String, CodeRow> later = new HashMap<>();
        published.forEach(c -> later.put(c.code(), c));
        TreeMap<LocalDate, List<String>> missing = new TreeMap<>();
        for (CodeRow c : published) {
            LocalDate date = newCodeDates.get(c.code());
            if (date != null && date.isAfter(start) && date.isBefore(end) && !have.containsKey(c.code())) {
                missing.computeIfAbsent(date, d -> new ArrayList<>()).add(c.code());
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        LocalDate date = missing.lastKey(); // all of them are in force from the last date on
        Map<String, CodeRow> codes = new LinkedHashMap<>(have);
        missing.values().forEach(list -> list.forEach(code -> {
            for (String k = code; k.length() >= 3; k = k.substring(0, k.length() - 1)) {
                CodeRow row = later.get(k);
                if (row != null && (k.equals(code) || !codes.containsKey(k) || codes.get(k).billable())) {
                    codes.put(k, row); // the code, and headers it needs (new, or a billable code that became one)
                }
            }
        }));
        List<CodeRow> rows = renumber(new ArrayList<>(codes.values()), have);
        int added = missing.values().stream().mapToInt(List::size).sum();
        return Optional.of(new Derived(midYearKey(previousKey, date), rows, added + " codes the CDC conversion table dates " + missing.keySet()
                + " are missing from the " + previousKey.version() + " order file; taken, with their headers, from a later order file"));
    }

    /** The published set with the addenda's changes undone: additions out, deletions back, revisions reverted. */
    private static List<CodeRow> undo(Map<String, CodeRow> published, List<AddendaEntry> addenda, CodeSystem system) {
        Map<String, CodeRow> codes = new LinkedHashMap<>(published);
        Map<String, CodeRow> restored = new LinkedHashMap<>();
        for (AddendaEntry a : addenda) {
            switch (a.action()) {
                case AddendaEntry.ADD -> codes.remove(a.code());
                case AddendaEntry.DELETE, AddendaEntry.REVISE_FROM -> restored.put(a.code(), row(a, published.get(a.code()), system));
                default -> { }
            }
        }
        restored.forEach((code, row) -> codes.put(code, row));
        return renumber(new ArrayList<>(codes.values()), published);
    }

    /** The published set without {@code later} and without the headers that were there only for them. */
    private static List<CodeRow> without(Map<String, CodeRow> published, Set<String> later, Map<String, CodeRow> previousYear) {
        Map<String, CodeRow> codes = new LinkedHashMap<>(published);
        Set<String> removed = new HashSet<>(later);
        later.forEach(codes::remove);
        boolean changed = true;
        while (changed) {
            changed = false;
            Set<String> parents = new HashSet<>();
            codes.values().forEach(c -> { if (c.parentCode() != null) parents.add(c.parentCode()); });
            for (CodeRow c : List.copyOf(codes.values())) {
                if (c.billable() || parents.contains(c.code()) || !lostChild(published, removed, c.code())) {
                    continue;
                }
                CodeRow before = previousYear.get(c.code());
                if (before != null) { // a code the update made a header: back to what it was
                    codes.put(c.code(), with(c, before.billable(), before.shortDesc(), before.longDesc()));
                } else { // a header the update created
                    codes.remove(c.code());
                    removed.add(c.code());
                    changed = true;
                }
            }
        }
        return renumber(new ArrayList<>(codes.values()), published);
    }

    private static boolean lostChild(Map<String, CodeRow> published, Set<String> removed, String header) {
        return published.values().stream().anyMatch(c -> header.equals(c.parentCode()) && removed.contains(c.code()));
    }

    private static CodeRow row(AddendaEntry a, CodeRow published, CodeSystem system) {
        return published == null
                ? new CodeRow(a.code(), system.display(a.code()), "code", a.billable(), a.shortDescription(), a.longDescription(),
                        null, null, 0, false)
                : with(published, a.billable(), a.shortDescription(), a.longDescription());
    }

    private static CodeRow with(CodeRow c, boolean billable, String shortDesc, String longDesc) {
        return new CodeRow(c.code(), c.displayCode(), c.kind(), billable, shortDesc, longDesc, c.parentCode(), c.headingId(),
                c.sortOrder(), c.placeholder());
    }

    /**
     * Book order for a set that gained codes (a restored deletion has no place in the published order): each such code
     * goes right after the code before it in key order; then order numbers 1..n, and parents linked again.
     */
    private static List<CodeRow> renumber(List<CodeRow> codes, Map<String, CodeRow> reference) {
        TreeMap<String, CodeRow> byKey = new TreeMap<>();
        codes.forEach(c -> byKey.put(c.code(), c));
        Map<String, Double> position = new HashMap<>();
        for (CodeRow c : codes) {
            CodeRow known = reference.get(c.code());
            if (known != null && known.sortOrder() > 0) {
                position.put(c.code(), (double) known.sortOrder());
            }
        }
        for (CodeRow c : codes) {
            if (!position.containsKey(c.code())) {
                var before = byKey.lowerEntry(c.code());
                while (before != null && !position.containsKey(before.getKey())) {
                    before = byKey.lowerEntry(before.getKey());
                }
                position.put(c.code(), before == null ? 0.5 : position.get(before.getKey()) + 0.5);
            }
        }
        List<CodeRow> ordered = new ArrayList<>(codes);
        ordered.sort(Comparator.comparing((CodeRow c) -> position.get(c.code())).thenComparing(CodeRow::code));
        Map<String, String> headings = new HashMap<>();
        ordered.forEach(c -> { if (c.headingId() != null) headings.put(c.displayCode(), c.headingId()); });
        List<CodeRow> result = new ArrayList<>(ordered.size());
        int n = 0;
        for (CodeRow c : ordered) {
            result.add(new CodeRow(c.code(), c.displayCode(), c.kind(), c.billable(), c.shortDesc(), c.longDesc(), null, null, ++n,
                    c.placeholder()));
        }
        ReleaseRows.linkParents(result, headings);
        return result;
    }

    private LocalDate configuredOrApril(ReleaseKey key) {
        return configuredDates.getOrDefault(key.system().slug() + ":" + key.version(), LocalDate.of(key.effectiveFrom().getYear() + 1, Month.APRIL, 1));
    }

    /** "FY2023-04" for an update of April 1, 2023; "FY2021-01" for January 1, 2021. */
    static ReleaseKey midYearKey(ReleaseKey fiscalYear, LocalDate date) {
        return new ReleaseKey(fiscalYear.system(), fiscalYear.version() + "-" + String.format("%02d", date.getMonthValue()), date);
    }
}
