package org.codedesk.edits.importing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.codedesk.catalog.ImportFile;
import org.codedesk.catalog.ImportParticipant;
import org.codedesk.catalog.ImportReport.Outcome;
import org.codedesk.catalog.ImportReport.Status;
import org.codedesk.edits.Dataset;
import org.codedesk.edits.EditsChanged;
import org.codedesk.edits.source.EditsFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports NCCI, MUE, fee schedule, GEM and Place of Service files found by a catalog import. Files are
 * grouped into releases (dataset and version); a release with the same files as the stored one is left
 * alone; otherwise it is parsed and written in one transaction, so a bad file leaves the stored release
 * serving.
 */
@Component
class EditsImporter implements ImportParticipant {

    private static final Logger log = LoggerFactory.getLogger(EditsImporter.class);

    private final EditsFileRecognizer recognizer = new EditsFileRecognizer();
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    EditsImporter(JdbcTemplate jdbc, TransactionTemplate transaction, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.events = events;
    }

    @Override
    public boolean recognizes(ImportFile file) {
        return recognizer.recognize(file).isPresent();
    }

    @Override
    public List<Outcome> importFiles(List<ImportFile> files) {
        List<EditsFile> recognized = recognizer.recognizeAll(files);
        List<Outcome> outcomes = new ArrayList<>();
        recognized.stream().filter(EditsFile::undated).forEach(f -> outcomes.add(new Outcome(f.dataset().title() + ", " + f.file().name(),
                Status.FAILED, f.file().origin() + ": the year of this OPPSCAP file is not known: import it with the PPRRVU file of its"
                + " quarter beside it, or from its release zip or folder (RVU25D.zip, rvu25d/)")));
        Map<EditsFile.Key, List<EditsFile>> releases = recognized.stream().filter(f -> !f.undated())
                .sorted(Comparator.comparing((EditsFile f) -> f.dataset()).thenComparing(EditsFile::effectiveFrom)
                        .thenComparing(f -> f.file().name()))
                .collect(Collectors.groupingBy(EditsFile::key, LinkedHashMap::new, Collectors.toList()));
        releases.forEach((key, group) -> outcomes.add(importRelease(key, group)));
        List<String> imported = outcomes.stream().filter(o -> o.status() == Status.IMPORTED).map(Outcome::release).toList();
        if (!imported.isEmpty()) {
            events.publishEvent(new EditsChanged(imported));
        }
        return outcomes;
    }

    private Outcome importRelease(EditsFile.Key key, List<EditsFile> group) {
        List<EditsFile> files = withoutDuplicateForms(group);
        String fingerprint = ImportFile.fingerprint(files.stream().map(f -> f.file()).toList());
        Optional<String> stored = jdbc.queryForList("select fingerprint from edits_release where dataset = ? and version = ?", String.class,
                key.dataset().name(), key.version()).stream().findFirst();
        if (stored.isPresent() && stored.get().equals(fingerprint)) {
            return new Outcome(key.label(), Status.UNCHANGED, "same files as the stored release; nothing changed");
        }
        long start = System.nanoTime();
        try {
            int rows = transaction.execute(status -> write(key, fingerprint, files));
            String detail = "rows=" + rows + " (" + (System.nanoTime() - start) / 1_000_000 + " ms)";
            log.info("Imported {}: {}", key.label(), detail);
            return new Outcome(key.label(), Status.IMPORTED, detail);
        } catch (EditsFileException e) {
            log.warn("Rejected {}: {}", key.label(), e.getMessage());
            return new Outcome(key.label(), Status.FAILED, "rejected, previous release (if any) still serving: " + e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Import of {} failed", key.label(), e);
            return new Outcome(key.label(), Status.FAILED, "failed, previous release (if any) still serving: " + e.getMessage());
        }
    }

    private int write(EditsFile.Key key, String fingerprint, List<EditsFile> files) {
        jdbc.update("delete from edits_release where dataset = ? and version = ?", key.dataset().name(), key.version());
        String names = files.stream().map(f -> f.file().name()).collect(Collectors.joining(", "));
        jdbc.update("insert into edits_release (dataset, version, label, effective_from, fingerprint, files, row_count, imported_at)"
                        + " values (?, ?, ?, ?, ?, ?, 0, ?)", key.dataset().name(), key.version(), key.label(), key.effectiveFrom(), fingerprint,
                names.length() > 4000 ? names.substring(0, 4000) : names, Timestamp.from(Instant.now()));
        long id = jdbc.queryForObject("select id from edits_release where dataset = ? and version = ?", Long.class,
                key.dataset().name(), key.version());
        int rows = new EditsReleaseLoader(jdbc).load(id, key.dataset(), files);
        if (rows == 0) {
            throw new EditsFileException(files.get(0).file().origin(), 0, "no rows found: the file is empty or not in the published layout");
        }
        jdbc.update("update edits_release set row_count = ? where id = ?", rows, id);
        return rows;
    }

    /** CMS ships MUE tables as CSV and XLSX with the same rows: the CSV is read, the XLSX copy skipped. */
    private static List<EditsFile> withoutDuplicateForms(List<EditsFile> group) {
        boolean hasCsv = group.stream().anyMatch(f -> f.extension().equals("csv"));
        return group.stream().filter(f -> !(hasCsv && f.extension().equals("xlsx") && f.dataset().name().startsWith("MUE"))).toList();
    }

}
