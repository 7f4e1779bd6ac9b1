package org.codedesk.catalog.importing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.codedesk.catalog.CatalogChanged;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.ImportFile;
import org.codedesk.catalog.ImportParticipant;
import org.codedesk.catalog.ImportProgress;
import org.codedesk.catalog.ImportReport;
import org.codedesk.catalog.ImportReport.Outcome;
import org.codedesk.catalog.ImportReport.Status;
import org.codedesk.catalog.importing.RecognizedFile.ReleaseKey;
import org.codedesk.catalog.source.SourceFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports official release files: finds them, groups them by release, parses every file of a release
 * before writing anything, then writes the release in one transaction. A release whose files are the
 * same as the stored one is left untouched; a release with a bad file is rejected and the stored one
 * keeps serving. One import runs at a time; whatever ends it (an error, out of memory) frees the next one and is
 * shown as the last import's failure.
 */
@Service
public class CatalogImporter {

    private static final Logger log = LoggerFactory.getLogger(CatalogImporter.class);

    private final ReleaseWriter writer;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final ImportProgress progress;
    private final ReentrantLock running = new ReentrantLock();

    private final ApplicationEventPublisher events;
    private final ObjectProvider<ImportParticipant> participants;

    private final Map<String, LocalDate> midYearDates;

    CatalogImporter(ReleaseWriter writer, TransactionTemplate transaction, JdbcTemplate jdbc, ImportProgress progress,
                    ApplicationEventPublisher events, ObjectProvider<ImportParticipant> participants,
                    @Value("${codedesk.import.mid-year-dates:}") String midYearDates, PlannerStatistics statistics) {
        this.statistics = statistics;
        this.midYearDates = parseDates(midYearDates);
        this.participants = participants;
        this.writer = writer;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.progress = progress;
        this.events = events;
    }

    private final PlannerStatistics statistics;

    public ImportReport importPaths(List<Path> paths) {
        if (!running.tryLock()) {
            throw new IllegalStateException("An import is already running; wait for it to finish.");
        }
        ImportReport report = null;
        try {
            progress.start("Scanning " + paths.stream().map(Path::toString).collect(Collectors.joining(", ")));
            SourceScanner.Scan scan = new SourceScanner(participants.orderedStream().toList()).scan(paths);
            Map<ReleaseKey, List<RecognizedFile>> releases = scan.files().stream()
                    .sorted(Comparator.comparing((RecognizedFile f) -> f.release().system())
                            .thenComparing(f -> f.release().effectiveFrom()))
                    .collect(Collectors.groupingBy(RecognizedFile::release, LinkedHashMap::new, Collectors.toList()));
            report = ImportReport.of(scan.ignored());
            int done = 0;
            int steps = releases.size() + scan.forParticipants().size();
            MidYearImport midYear = new MidYearImport(jdbc, scan.files(), midYearDates);
            TabularChain tabulars = new TabularChain(scan.files());
            IndexChain indexes = new IndexChain(scan.files());
            Map<ReleaseKey, Pending> pending = new LinkedHashMap<>();
            for (var release : releases.entrySet()) {
                progress.step(release.getKey().label(), done++, steps);
                report.outcomes().addAll(importRelease(release.getKey(), release.getValue(), midYear, tabulars, indexes, pending, releases.keySet()));
            }
            for (Pending p : pending.values()) { // mid-year releases no file of this import belongs to
                report.outcomes().add(writeDerived(p));
            }
            List<String> imported = report.outcomes().stream().filter(o -> o.status() == Status.IMPORTED).map(Outcome::release).toList();
            for (var participant : scan.forParticipants().entrySet()) {
                progress.step(participant.getValue().get(0).name() + " and related files", done++, steps);
                report.outcomes().addAll(importByParticipant(participant.getKey(), participant.getValue()));
            }
            if (releases.isEmpty() && scan.forParticipants().isEmpty()) {
                report.outcomes().add(new Outcome("(none)", Status.FAILED,
                        "No official release file recognised under " + paths + ". See docs/data-import.md for the file names."));
            }
            if (report.outcomes().stream().anyMatch(o -> o.status() == Status.IMPORTED) && statistics.applies()) {
                progress.step("Refreshing the database's planner statistics", steps, steps + 1);
                statistics.refresh();
            }
            progress.finish(report);
            if (!imported.isEmpty()) {
                events.publishEvent(new CatalogChanged(imported));
            }
            return report;
        } catch (RuntimeException | Error e) {
            // Any failure, out of memory included, ends the import: the page says so and the next import may start.
            log.error("Import failed during: {}", progress.snapshot().activity(), e);
            progress.fail(progress.snapshot().activity() + ": " + failure(e), report);
            throw e;
        } finally {
            running.unlock();
        }
    }

    /** "icd10pcs:FY2022=2022-01-01, ..." as a map; a malformed entry stops the start with its text. */
    static Map<String, LocalDate> parseDates(String setting) {
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        for (String entry : setting.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.trim().split("=");
            if (parts.length != 2 || !parts[0].matches("(icd10cm|icd10pcs):FY\\d{4}")) {
                throw new IllegalArgumentException("codedesk.import.mid-year-dates: '" + entry.trim()
                        + "' is not of the form icd10pcs:FY2022=2022-01-01");
            }
            dates.put(parts[0], LocalDate.parse(parts[1].trim()));
        }
        return dates;
    }

    /** Another module's files: a failure there is that module's outcome, and the other modules' files are still imported. */
    private static List<Outcome> importByParticipant(ImportParticipant participant, List<ImportFile> files) {
        try {
            return participant.importFiles(files);
        } catch (RuntimeException e) {
            log.warn("Import of {} failed", files.get(0).origin(), e);
            return List.of(new Outcome(files.get(0).name() + (files.size() > 1 ? " and related files" : ""), Status.FAILED,
                    "failed, previous release (if any) still serving: " + failure(e)));
        }
    }

    /** A failure in words: the exception's message, and what an out-of-memory error means for an import. */
    static String failure(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "the service ran out of memory (" + e.getMessage() + "): a file is damaged or far larger than its format allows;"
                    + " the releases already stored keep serving";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    public ImportProgress progress() {
        return progress;
    }

    /** A mid-year release derived from another release's files, waiting for the import of the files of its own key. */
    private record Pending(MidYearUpdates.Derived derived, String fingerprint, List<RecognizedFile> files) { }

    private List<Outcome> importRelease(ReleaseKey key, List<RecognizedFile> files, MidYearImport midYear, TabularChain tabulars,
                                        IndexChain indexes,
                                        Map<ReleaseKey, Pending> pending,
                                        java.util.Set<ReleaseKey> scanned) {
        String label = key.label();
        try {
            List<String> warnings = new ArrayList<>();
            Map<FileRole, RecognizedFile> byRole = byRole(files, warnings);
            Pending merged = pending.remove(key);
            // ICD-10 code sets also depend on the conversion tables seen (they date mid-year codes); a merged mid-year
            // update always rewrites the release that receives it
            boolean icd10 = key.system() == CodeSystem.ICD10CM || key.system() == CodeSystem.ICD10PCS;
            String fingerprint = fingerprint(byRole.values(), icd10 ? midYear.fingerprint() + tabulars.fingerprint(key)
                    + indexes.fingerprint(key, byRole) : "");
            Optional<String> stored = jdbc.queryForList("select fingerprint from catalog_release where code_system = ? and version = ?",
                    String.class, key.system().slug(), key.version()).stream().findFirst();
            if (merged == null && stored.isPresent() && stored.get().equals(fingerprint)) {
                return List.of(new Outcome(label, Status.UNCHANGED, "same files as the stored release; nothing changed"));
            }
            long start = System.nanoTime();
            // a release with codes (or the addenda of its own update) gets its tabular rebuilt when it has no XML of its own
            boolean codesOrAddenda = merged != null || byRole.containsKey(FileRole.CM_ORDER) || byRole.containsKey(FileRole.CM_CODES)
                    || byRole.containsKey(FileRole.CM_TABULAR_ADDENDA);
            Optional<TabularChain.Step> rebuilt = key.system() == CodeSystem.ICD10CM && codesOrAddenda && !byRole.containsKey(FileRole.CM_TABULAR)
                    ? tabulars.rebuild(key) : Optional.empty();
            List<IndexChain.Step> rebuiltIndexes = key.system() == CodeSystem.ICD10CM ? indexes.rebuild(key, byRole) : List.of();
            ReleaseContent content = key.system() == CodeSystem.ICD10CM ? new Icd10CmAssembler().assemble(byRole, rebuilt, rebuiltIndexes)
                    : assemble(key, byRole);
            List<MidYearUpdates.Derived> derived = midYear.split(key, content);
            if (merged != null) {
                content.codes.addAll(merged.derived().codes());
                content.derivations.add("codes: " + merged.derived().note());
            } else if (content.codes.isEmpty()) {
                content.codes.addAll(storedCodesKept(key)); // codes an earlier import derived for this release stay
            }
            if (!content.codes.isEmpty()) {
                content.contents.add("codes"); // e.g. PCS codes expanded from tables when there is no order file
                // the check where the truth is known: the rebuilt tabular against the release's own codes
                rebuilt.ifPresent(step -> content.derivations.add("rebuilt tabular " + Icd10CmAssembler.agreement(step.tabular(), content.codes)));
            }
            List<RecognizedFile> kept = new ArrayList<>(byRole.values());
            List<RecognizedFile> codeFiles = kept.stream().filter(f -> f.role() == FileRole.CM_ORDER || f.role() == FileRole.PCS_ORDER
                    || f.role() == FileRole.PCS_TABLES || f.role() == FileRole.CM_ORDER_ADDENDA || f.role() == FileRole.PCS_ORDER_ADDENDA).toList();
            List<Outcome> outcomes = new ArrayList<>();
            List<Pending> toWrite = new ArrayList<>();
            for (MidYearUpdates.Derived d : derived) {
                Pending p = new Pending(d, MidYearImport.sha256(fingerprint + "|" + d.key().version()), codeFiles);
                if (scanned.contains(d.key()) && d.key().effectiveFrom().isAfter(key.effectiveFrom())) {
                    pending.put(d.key(), p); // merged into the release of its own files when that comes
                } else {
                    toWrite.add(p);
                }
            }
            transaction.executeWithoutResult(status -> {
                writer.write(key, fingerprint, kept, content);
                toWrite.forEach(p -> writer.write(p.derived().key(), p.fingerprint(), p.files(), derivedContent(p.derived())));
            });
            String detail = "codes=" + content.codes.size() + ", " + content.recordCounts.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")) + " (" + (System.nanoTime() - start) / 1_000_000 + " ms)"
                    + (warnings.isEmpty() ? "" : "; note: " + String.join("; ", warnings))
                    + (content.derivations.isEmpty() ? "" : "; " + String.join("; ", content.derivations))
                    + (content.skipped.isEmpty() ? "" : "; skipped: " + String.join("; ", content.skipped));
            log.info("Imported {}: {}", label, detail);
            outcomes.add(new Outcome(label, Status.IMPORTED, detail));
            toWrite.forEach(p -> outcomes.add(new Outcome(p.derived().key().label(), Status.IMPORTED,
                    "codes=" + p.derived().codes().size() + "; derived from " + key.version() + ": " + p.derived().note())));
            return outcomes;
        } catch (SourceFormatException e) {
            log.warn("Rejected {}: {}", label, e.getMessage());
            return List.of(new Outcome(label, Status.FAILED, "rejected, previous release (if any) still serving: " + e.getMessage()));
        } catch (RuntimeException e) {
            log.warn("Import of {} failed", label, e);
            return List.of(new Outcome(label, Status.FAILED, "failed, previous release (if any) still serving: " + e.getMessage()));
        }
    }

    private Outcome writeDerived(Pending p) {
        transaction.executeWithoutResult(status -> writer.write(p.derived().key(), p.fingerprint(), p.files(), derivedContent(p.derived())));
        return new Outcome(p.derived().key().label(), Status.IMPORTED, "codes=" + p.derived().codes().size() + "; " + p.derived().note());
    }

    private static ReleaseContent derivedContent(MidYearUpdates.Derived derived) {
        ReleaseContent content = new ReleaseContent();
        content.codes.addAll(derived.codes());
        content.contents.add("codes");
        return content;
    }

    /** The codes stored for a release whose own files hold none (a mid-year update's conversion table): derived earlier. */
    private List<ReleaseContent.CodeRow> storedCodesKept(ReleaseKey key) {
        return jdbc.query("select c.* from catalog_code c join catalog_release r on r.id = c.release_id where r.code_system = ?"
                + " and r.version = ? order by c.sort_order", (rs, i) -> new ReleaseContent.CodeRow(rs.getString("code"),
                rs.getString("display_code"), rs.getString("kind"), rs.getBoolean("billable"), rs.getString("short_desc"),
                rs.getString("long_desc"), rs.getString("parent_code"), rs.getString("heading_id"), rs.getInt("sort_order"),
                rs.getBoolean("placeholder")), key.system().slug(), key.version());
    }

    private static Map<FileRole, RecognizedFile> byRole(List<RecognizedFile> files, List<String> warnings) {
        Map<FileRole, RecognizedFile> byRole = new EnumMap<>(FileRole.class);
        for (RecognizedFile f : files) {
            RecognizedFile other = byRole.putIfAbsent(f.role(), f);
            if (other != null && other.file().name().equalsIgnoreCase(f.file().name())) {
                // Two copies of one published file (re-saved by someone): the first path in sort order is used, and said.
                warnings.add("two copies of " + f.file().name() + " differ in bytes; used " + other.file().origin());
            } else if (other != null) {
                throw new SourceFormatException(f.file().origin(), 0,
                        "two different files for the same part of " + f.release().label() + ": also " + other.file().origin());
            }
        }
        // HCPCS ships the same quarter as text and as a spreadsheet: the text is the record layout's authority.
        if (byRole.containsKey(FileRole.HCPCS_TEXT)) {
            byRole.remove(FileRole.HCPCS_SHEET);
        }
        return byRole;
    }

    private static ReleaseContent assemble(ReleaseKey key, Map<FileRole, RecognizedFile> files) {
        return switch (key.system()) {
            case ICD10CM -> new Icd10CmAssembler().assemble(files);
            case ICD10PCS -> new PcsAssembler().assemble(files);
            case HCPCS -> new HcpcsAssembler().assemble(files);
            case CPT -> new CptAssembler().assemble(files);
        };
    }

    private static String fingerprint(Iterable<RecognizedFile> files, String context) {
        List<String> parts = new ArrayList<>();
        if (!context.isEmpty()) {
            parts.add("context:" + context);
        }
        files.forEach(f -> parts.add(f.role() + ":" + f.file().sha256()));
        parts.sort(null);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
