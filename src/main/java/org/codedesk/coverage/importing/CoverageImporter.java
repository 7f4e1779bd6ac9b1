package org.codedesk.coverage.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.codedesk.catalog.ImportFile;
import org.codedesk.catalog.ImportParticipant;
import org.codedesk.catalog.ImportReport.Outcome;
import org.codedesk.catalog.ImportReport.Status;
import org.codedesk.coverage.CoverageSource;
import org.codedesk.coverage.importing.CoverageFileRecognizer.CoverageFile;
import org.codedesk.coverage.source.CoverageFileException;
import org.codedesk.coverage.source.CoverageSet;
import org.codedesk.coverage.source.CsvTable;
import org.codedesk.coverage.source.McdDownloadParser;
import org.codedesk.coverage.source.MceDefinitionsParser;
import org.codedesk.coverage.source.NcdSpreadsheetParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the coverage files a catalog import finds: NCD lab spreadsheet, Medicare Coverage Database tables, MCE
 * definitions. A release with the same files as the stored one is left alone; otherwise it is parsed and written
 * in one transaction, so a bad file leaves the stored release serving.
 */
@Component
class CoverageImporter implements ImportParticipant {

    private static final Logger log = LoggerFactory.getLogger(CoverageImporter.class);

    private final CoverageFileRecognizer recognizer = new CoverageFileRecognizer();
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    CoverageImporter(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public boolean recognizes(ImportFile file) {
        return recognizer.recognize(file).isPresent();
    }

    @Override
    public List<Outcome> importFiles(List<ImportFile> files) {
        Map<String, List<CoverageFile>> releases = files.stream().map(recognizer::recognize).flatMap(Optional::stream)
                .sorted(Comparator.comparing((CoverageFile f) -> f.source()).thenComparing(CoverageFile::version).thenComparing(f -> f.file().name()))
                .collect(Collectors.groupingBy(f -> f.source() + "|" + f.version(), LinkedHashMap::new, Collectors.toList()));
        List<Outcome> outcomes = new ArrayList<>();
        releases.values().forEach(group -> outcomes.add(importRelease(group)));
        return outcomes;
    }

    private Outcome importRelease(List<CoverageFile> group) {
        CoverageFile first = group.get(0);
        List<CoverageFile> files = first.source() == CoverageSource.NCD_LAB ? List.of(preferredNcdForm(group)) : group;
        String fingerprint = ImportFile.fingerprint(files.stream().map(f -> f.file()).toList());
        Optional<String> stored = jdbc.queryForList("select fingerprint from coverage_release where source = ? and version = ?", String.class,
                first.source().name(), first.version()).stream().findFirst();
        if (stored.isPresent() && stored.get().equals(fingerprint)) {
            return new Outcome(first.label(), Status.UNCHANGED, "same files as the stored release; nothing changed");
        }
        long start = System.nanoTime();
        try {
            int rows = transaction.execute(status -> write(first, fingerprint, files));
            String detail = "rows=" + rows + " (" + (System.nanoTime() - start) / 1_000_000 + " ms)";
            log.info("Imported {}: {}", first.label(), detail);
            return new Outcome(first.label(), Status.IMPORTED, detail);
        } catch (CoverageFileException e) {
            log.warn("Rejected {}: {}", first.label(), e.getMessage());
            return new Outcome(first.label(), Status.FAILED, "rejected, previous release (if any) still serving: " + e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Import of {} failed", first.label(), e);
            return new Outcome(first.label(), Status.FAILED, "failed, previous release (if any) still serving: " + e.getMessage());
        }
    }

    private int write(CoverageFile first, String fingerprint, List<CoverageFile> files) {
        return switch (first.source()) {
            case NCD_LAB -> writeSet(first, first.effectiveFrom(), fingerprint, files,
                    read(first.file(), in -> NcdSpreadsheetParser.parse(in, first.file().origin())));
            case MCD -> writeSet(first, LocalDate.now(), fingerprint, files, readMcd(files));
            case MCE -> writeMce(first, fingerprint, files);
        };
    }

    private int writeSet(CoverageFile first, LocalDate effective, String fingerprint, List<CoverageFile> files, CoverageSet set) {
        long id = release(first, effective, fingerprint, files);
        jdbc.batchUpdate("insert into coverage_document (release_id, doc_id, kind, title, effective_from, effective_to, other_resolution,"
                + " related_document) values (?, ?, ?, ?, ?, ?, ?, ?)", set.documents(), 1000, (ps, d) -> {
            ps.setLong(1, id);
            ps.setString(2, d.id());
            ps.setString(3, d.kind());
            ps.setString(4, d.title().length() > 1000 ? d.title().substring(0, 1000) : d.title());
            ps.setDate(5, sql(d.effectiveFrom()));
            ps.setDate(6, sql(d.effectiveTo()));
            ps.setObject(7, d.otherResolution());
            ps.setString(8, d.related() == null || d.related().length() <= 1100 ? d.related() : d.related().substring(0, 1100));
        });
        jdbc.batchUpdate("insert into coverage_procedure (release_id, doc_id, code, effective_from, effective_to) values (?, ?, ?, ?, ?)",
                set.procedures(), 1000, (ps, p) -> {
                    ps.setLong(1, id);
                    ps.setString(2, p.documentId());
                    ps.setString(3, p.code());
                    ps.setDate(4, sql(p.effectiveFrom()));
                    ps.setDate(5, sql(p.effectiveTo()));
                });
        jdbc.batchUpdate("insert into coverage_diagnosis (release_id, doc_id, code, resolution, group_no, effective_from, effective_to)"
                + " values (?, ?, ?, ?, ?, ?, ?)", set.diagnoses(), 5000, (ps, d) -> {
            ps.setLong(1, id);
            ps.setString(2, d.documentId());
            ps.setString(3, d.code());
            ps.setInt(4, d.resolution());
            ps.setInt(5, d.group());
            ps.setDate(6, sql(d.effectiveFrom()));
            ps.setDate(7, sql(d.effectiveTo()));
        });
        jdbc.batchUpdate("insert into coverage_group (release_id, doc_id, group_no, paragraph) values (?, ?, ?, ?)", set.groups(), 1000,
                (ps, g) -> {
                    ps.setLong(1, id);
                    ps.setString(2, g.documentId());
                    ps.setInt(3, g.group());
                    ps.setString(4, g.paragraph().length() > 4000 ? g.paragraph().substring(0, 4000) : g.paragraph());
                });
        return finish(id, set.rows());
    }

    /** The MCD tables, article.csv first (it says which version of each article is current). */
    private CoverageSet readMcd(List<CoverageFile> files) {
        Map<String, ImportFile> byName = files.stream().collect(Collectors.toMap(f -> f.file().name().toLowerCase(), CoverageFile::file, (a, b) -> a));
        McdDownloadParser parser = new McdDownloadParser();
        table(byName, "article.csv", parser::articles, "article_id", "article_version", "title");
        table(byName, "lcd.csv", parser::lcds, "lcd_id", "lcd_version", "title");
        table(byName, "lcd_related_documents.csv", parser::relations, "lcd_id", "lcd_version", "r_article_id");
        table(byName, "article_x_hcpc_code.csv", parser::procedures, "article_id", "article_version", "hcpc_code_id");
        table(byName, "article_x_icd10_covered.csv", parser::covered, "article_id", "article_version", "icd10_code_id");
        table(byName, "article_x_icd10_covered_group.csv", parser::groups, "article_id", "article_version", "icd10_covered_group", "paragraph");
        table(byName, "article_x_icd10_noncovered.csv", parser::noncovered, "article_id", "article_version", "icd10_code_id");
        CoverageSet set = parser.result();
        if (set.documents().isEmpty()) {
            throw new CoverageFileException(files.get(0).file().origin(), 0, "no article.csv or lcd.csv rows: the documents the codes belong to are missing");
        }
        return set;
    }

    private void table(Map<String, ImportFile> files, String name, java.util.function.Consumer<CsvTable> reader, String... required) {
        ImportFile file = files.get(name);
        if (file != null) {
            reader.accept(read(file, in -> CsvTable.read(in, file.origin(), required)));
        }
    }

    private int writeMce(CoverageFile first, String fingerprint, List<CoverageFile> files) {
        MceDefinitionsParser.Definitions definitions = read(first.file(), in -> MceDefinitionsParser.parse(in, first.file().origin()));
        long id = release(first, definitions.effectiveFrom(), fingerprint, files);
        jdbc.batchUpdate("insert into coverage_mce_edit (release_id, edit, title, inactive_from) values (?, ?, ?, ?)", definitions.edits(), 100,
                (ps, e) -> {
                    ps.setLong(1, id);
                    ps.setString(2, String.valueOf(e.number()));
                    ps.setString(3, e.title());
                    ps.setDate(4, sql(e.inactiveFrom()));
                });
        // a code may be listed twice in one list (the starred exception is also in the list): keep it once, starred if either is
        List<MceDefinitionsParser.Code> codes = new ArrayList<>(definitions.codes().stream()
                .collect(Collectors.toMap(c -> c.list() + "|" + c.code(), Function.identity(), (a, b) -> a.acceptableWithSecondary() ? a : b,
                        LinkedHashMap::new)).values());
        jdbc.batchUpdate("insert into coverage_mce_code (release_id, edit, code, flag) values (?, ?, ?, ?)", codes, 5000, (ps, c) -> {
            ps.setLong(1, id);
            ps.setString(2, c.list().name());
            ps.setString(3, c.code());
            ps.setString(4, c.acceptableWithSecondary() ? "ACCEPTABLE_WITH_SECONDARY" : null);
        });
        return finish(id, definitions.edits().size() + codes.size());
    }

    private long release(CoverageFile first, LocalDate effective, String fingerprint, List<CoverageFile> files) {
        jdbc.update("delete from coverage_release where source = ? and version = ?", first.source().name(), first.version());
        String names = files.stream().map(f -> f.file().name()).collect(Collectors.joining(", "));
        jdbc.update("insert into coverage_release (source, version, label, effective_from, fingerprint, files, row_count, imported_at)"
                        + " values (?, ?, ?, ?, ?, ?, 0, ?)", first.source().name(), first.version(), first.label(), sql(effective), fingerprint,
                names.length() > 4000 ? names.substring(0, 4000) : names, Timestamp.from(Instant.now()));
        return jdbc.queryForObject("select id from coverage_release where source = ? and version = ?", Long.class,
                first.source().name(), first.version());
    }

    private int finish(long id, int rows) {
        jdbc.update("update coverage_release set row_count = ? where id = ?", rows, id);
        return rows;
    }

    /** CMS publishes the NCD spreadsheet twice (plain and "-508" accessible) with the same rows: one is read. */
    private static CoverageFile preferredNcdForm(List<CoverageFile> group) {
        return group.stream().filter(f -> !f.file().name().toLowerCase().contains("-508")).findFirst().orElse(group.get(0));
    }

    private static <T> T read(ImportFile file, Function<InputStream, T> parser) {
        try (InputStream in = file.open()) {
            return parser.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Date sql(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
