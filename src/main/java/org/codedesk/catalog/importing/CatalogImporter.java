package org.codedesk.catalog.importing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

    CatalogImporter(ReleaseWriter writer, TransactionTemplate transaction, JdbcTemplate jdbc, ImportProgress progress,
                    ApplicationEventPublisher events, ObjectProvider<ImportParticipant> participants) {
        this.participants = participants;
        this.writer = writer;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.progress = progress;
        this.events = events;
    }

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
            for (var release : releases.entrySet()) {
                progress.step(release.getKey().label(), done++, steps);
                report.outcomes().add(importRelease(release.getKey(), release.getValue()));
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

    private Outcome importRelease(ReleaseKey key, List<RecognizedFile> files) {
        String label = key.label();
        try {
            List<String> warnings = new ArrayList<>();
            Map<FileRole, RecognizedFile> byRole = byRole(files, warnings);
            String fingerprint = fingerprint(byRole.values());
            Optional<String> stored = jdbc.queryForList("select fingerprint from catalog_release where code_system = ? and version = ?",
                    String.class, key.system().slug(), key.version()).stream().findFirst();
            if (stored.isPresent() && stored.get().equals(fingerprint)) {
                return new Outcome(label, Status.UNCHANGED, "same files as the stored release; nothing changed");
            }
            long start = System.nanoTime();
            ReleaseContent content = assemble(key, byRole);
            if (!content.codes.isEmpty()) {
                content.contents.add("codes"); // e.g. PCS codes expanded from tables when there is no order file
            }
            List<RecognizedFile> kept = new ArrayList<>(byRole.values());
            transaction.executeWithoutResult(status -> writer.write(key, fingerprint, kept, content));
            String detail = "codes=" + content.codes.size() + ", " + content.recordCounts.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")) + " (" + (System.nanoTime() - start) / 1_000_000 + " ms)"
                    + (warnings.isEmpty() ? "" : "; note: " + String.join("; ", warnings))
                    + (content.skipped.isEmpty() ? "" : "; skipped: " + String.join("; ", content.skipped));
            log.info("Imported {}: {}", label, detail);
            return new Outcome(label, Status.IMPORTED, detail);
        } catch (SourceFormatException e) {
            log.warn("Rejected {}: {}", label, e.getMessage());
            return new Outcome(label, Status.FAILED, "rejected, previous release (if any) still serving: " + e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Import of {} failed", label, e);
            return new Outcome(label, Status.FAILED, "failed, previous release (if any) still serving: " + e.getMessage());
        }
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

    private static String fingerprint(Iterable<RecognizedFile> files) {
        List<String> parts = new ArrayList<>();
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
