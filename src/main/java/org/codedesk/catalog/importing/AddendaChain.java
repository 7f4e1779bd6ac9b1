package org.codedesk.catalog.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.codedesk.catalog.importing.RecognizedFile.ReleaseKey;
import org.codedesk.catalog.source.SourceFormatException;

/**
 * One official XML rebuilt for later releases: the newest XML of the import in force on a release's date, with the CDC
 * addenda after it up to that date applied in order. Releases are asked for in date order, so each rebuild continues from
 * the one before; files are parsed only when a release needs them. What the tabular ({@link TabularChain}) and each of
 * the four indexes ({@link IndexChain}) share. One per import; not thread-safe.
 *
 * @param <T> what is rebuilt (a tabular, an index)
 * @param <R> the report of one addenda applied
 */
final class AddendaChain<T, R> {

    /** One addenda applied: the new state and its report. */
    record Applied<T, R>(T result, R report) { }

    /** A release's rebuild: the result, from which XML, through which addenda, their reports and the unreadable ones. */
    record Rebuilt<T, R>(T result, String base, List<String> addenda, List<R> reports, List<String> unreadable) { }

    private final List<RecognizedFile> bases;
    private final List<RecognizedFile> addenda;
    private final Function<RecognizedFile, T> readBase;
    private final BiFunction<T, RecognizedFile, Applied<T, R>> applyAddenda;
    private RecognizedFile currentBase;
    private T current;
    private int applied; // how many of the base's later addenda are in current

    AddendaChain(List<RecognizedFile> scanned, FileRole xml, FileRole addendaRole, Function<RecognizedFile, T> readBase,
                 BiFunction<T, RecognizedFile, Applied<T, R>> applyAddenda) {
        Comparator<RecognizedFile> byDate = Comparator.comparing(f -> f.release().effectiveFrom());
        this.bases = scanned.stream().filter(f -> f.role() == xml).sorted(byDate).toList();
        this.addenda = scanned.stream().filter(f -> f.role() == addendaRole).sorted(byDate).toList();
        this.readBase = readBase;
        this.applyAddenda = applyAddenda;
    }

    /** The XML a release's rebuild starts from: the newest one in force on its date. */
    private Optional<RecognizedFile> base(ReleaseKey key) {
        return bases.stream().filter(b -> !b.release().effectiveFrom().isAfter(key.effectiveFrom())).reduce((a, b) -> b);
    }

    /** The addenda after the base up to the release's date, in order. */
    private List<RecognizedFile> addendaFor(RecognizedFile base, ReleaseKey key) {
        return addenda.stream().filter(a -> a.release().effectiveFrom().isAfter(base.release().effectiveFrom())
                && !a.release().effectiveFrom().isAfter(key.effectiveFrom())).toList();
    }

    /** The SHA-256 of the files the release's rebuild depends on (base and addenda); empty when nothing is rebuilt. */
    List<String> dependencies(ReleaseKey key) {
        return base(key).map(b -> {
            List<RecognizedFile> steps = addendaFor(b, key);
            List<String> parts = new ArrayList<>();
            if (!steps.isEmpty()) {
                parts.add(b.file().sha256());
                steps.forEach(a -> parts.add(a.file().sha256()));
            }
            return parts;
        }).orElse(List.of());
    }

    /**
     * The release's rebuild from the XML before it and the addenda up to its date; empty when no addenda lies between them
     * (the XML's own release, or a release with nothing newer to apply). An addenda that cannot be read is listed and
     * skipped: the result keeps the state of the step before.
     */
    Optional<Rebuilt<T, R>> rebuild(ReleaseKey key) {
        Optional<RecognizedFile> base = base(key);
        if (base.isEmpty()) {
            return Optional.empty();
        }
        List<RecognizedFile> steps = addendaFor(base.get(), key);
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        if (currentBase != base.get() || applied > steps.size()) {
            currentBase = base.get();
            current = readBase.apply(base.get());
            applied = 0;
        }
        List<R> reports = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (RecognizedFile step : steps.subList(applied, steps.size())) {
            try {
                Applied<T, R> result = applyAddenda.apply(current, step);
                current = result.result();
                reports.add(result.report());
            } catch (SourceFormatException e) {
                unreadable.add(step.file().origin() + ": " + e.reason());
            }
        }
        applied = steps.size();
        return Optional.of(new Rebuilt<>(current, base.get().release().label(), steps.stream().map(s -> s.release().version()).toList(),
                reports, unreadable));
    }
}
