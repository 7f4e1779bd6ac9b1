package org.codedesk.catalog.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.importing.RecognizedFile.ReleaseKey;
import org.codedesk.catalog.source.SourceFormatException;
import org.codedesk.catalog.source.icd10cm.Tabular;
import org.codedesk.catalog.source.icd10cm.TabularAddendaApplier;
import org.codedesk.catalog.source.icd10cm.TabularAddendaParser;
import org.codedesk.catalog.source.icd10cm.TabularAddendaReport;
import org.codedesk.catalog.source.icd10cm.TabularParser;

/**
 * Each year's ICD-10-CM tabular, rebuilt: the newest tabular XML of the import (FY2017's here) with the CDC's tabular
 * addenda after it applied in order, year by year and mid-year update by update. Releases are asked for in date order,
 * so each step continues from the one before; files are parsed only when a release needs them. One per import; not
 * thread-safe. The XML and addenda of one import are what a release's tabular depends on, so they go in its fingerprint.
 */
final class TabularChain {

    /** A release's rebuilt tabular: from which XML, through which addenda, and the reports of the addenda applied for it. */
    record Step(Tabular tabular, String base, List<String> addenda, List<TabularAddendaReport> reports, List<String> unreadable) { }

    private final List<RecognizedFile> bases;
    private final List<RecognizedFile> addenda;
    private RecognizedFile currentBase;
    private Tabular current;
    private int applied; // how many of the base's later addenda are in current

    TabularChain(List<RecognizedFile> scanned) {
        Comparator<RecognizedFile> byDate = Comparator.comparing(f -> f.release().effectiveFrom());
        this.bases = scanned.stream().filter(f -> f.role() == FileRole.CM_TABULAR).sorted(byDate).toList();
        this.addenda = scanned.stream().filter(f -> f.role() == FileRole.CM_TABULAR_ADDENDA).sorted(byDate).toList();
    }

    /** The tabular XML a release's rebuilt tabular starts from: the newest one in force on its date. */
    private Optional<RecognizedFile> base(ReleaseKey key) {
        return bases.stream().filter(b -> !b.release().effectiveFrom().isAfter(key.effectiveFrom())).reduce((a, b) -> b);
    }

    /** The addenda after the base up to the release's date, in order. */
    private List<RecognizedFile> addendaFor(RecognizedFile base, ReleaseKey key) {
        return addenda.stream().filter(a -> a.release().effectiveFrom().isAfter(base.release().effectiveFrom())
                && !a.release().effectiveFrom().isAfter(key.effectiveFrom())).toList();
    }

    /** What the release's rebuilt tabular depends on, for its fingerprint ("" when it has none). */
    String fingerprint(ReleaseKey key) {
        if (key.system() != CodeSystem.ICD10CM) {
            return "";
        }
        return base(key).map(b -> {
            List<String> parts = new ArrayList<>();
            parts.add(b.file().sha256());
            addendaFor(b, key).forEach(a -> parts.add(a.file().sha256()));
            return parts.size() == 1 ? "" : String.join(",", parts);
        }).orElse("");
    }

    /**
     * The release's tabular rebuilt from the XML before it and the addenda up to its date; empty when no addenda lies between
     * them (the XML's own release, or a release with nothing newer to apply).
     */
    Optional<Step> rebuild(ReleaseKey key) {
        Optional<RecognizedFile> base = base(key);
        if (base.isEmpty() || base.get().release().equals(key)) {
            return Optional.empty();
        }
        List<RecognizedFile> steps = addendaFor(base.get(), key);
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        if (currentBase != base.get() || applied > steps.size()) {
            currentBase = base.get();
            current = ReleaseRows.read(base.get(), (n, in) -> new TabularParser().parse(n, in));
            applied = 0;
        }
        List<TabularAddendaReport> reports = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (RecognizedFile step : steps.subList(applied, steps.size())) {
            try {
                var entries = ReleaseRows.read(step, (n, in) -> new TabularAddendaParser().parse(n, in));
                TabularAddendaApplier.Result result = new TabularAddendaApplier().apply(current, entries, step.release().version());
                current = result.tabular();
                reports.add(result.report());
            } catch (SourceFormatException e) {
                unreadable.add(step.file().origin() + ": " + e.reason()); // the notes keep the text of the step before
            }
        }
        applied = steps.size();
        return Optional.of(new Step(current, base.get().release().label(), steps.stream().map(s -> s.release().version()).toList(),
                reports, unreadable));
    }
}
