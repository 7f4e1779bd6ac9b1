package org.codedesk.assistant.guidelines;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.codedesk.catalog.ImportFile;
import org.codedesk.catalog.ImportParticipant;
import org.codedesk.catalog.ImportReport.Outcome;
import org.codedesk.catalog.ImportReport.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the ICD-10-CM Official Guidelines (the CDC's PDF, or its text) within a catalog import: a file named
 * like {@code ICD-10-CM-October-2025-Guidelines.pdf} (FY2026, from 2025-10-01) or {@code *guidelines*YYYY*.pdf|.txt}.
 * Same file again: unchanged; a new one replaces the version in one transaction.
 */
@Component
class GuidelinesImporter implements ImportParticipant {

    private static final Pattern MONTH_YEAR = Pattern.compile("(october|april|january)-(\\d{4})");
    private static final Pattern YEAR = Pattern.compile("(20\\d{2})");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Guidelines guidelines;

    GuidelinesImporter(JdbcTemplate jdbc, TransactionTemplate transaction, Guidelines guidelines) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.guidelines = guidelines;
    }

    record Version(String version, LocalDate effectiveFrom) { }

    static Optional<Version> version(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (!name.contains("guideline") || !(name.endsWith(".pdf") || name.endsWith(".txt")) || !name.contains("icd")) {
            return Optional.empty();
        }
        Matcher m = MONTH_YEAR.matcher(name);
        if (m.find()) {
            int year = Integer.parseInt(m.group(2));
            return Optional.of(switch (m.group(1)) {
                case "october" -> new Version("FY" + (year + 1), LocalDate.of(year, 10, 1));
                case "april" -> new Version("FY" + year + "-04", LocalDate.of(year, 4, 1));
                default -> new Version("FY" + year + "-01", LocalDate.of(year, 1, 1));
            });
        }
        Matcher y = YEAR.matcher(name);
        return y.find() ? Optional.of(new Version("FY" + y.group(1), LocalDate.of(Integer.parseInt(y.group(1)) - 1, 10, 1))) : Optional.empty();
    }

    @Override
    public boolean recognizes(ImportFile file) {
        return version(file.name()).isPresent();
    }

    @Override
    public List<Outcome> importFiles(List<ImportFile> files) {
        List<Outcome> outcomes = new ArrayList<>();
        for (ImportFile file : files) {
            Version v = version(file.name()).orElseThrow();
            String label = "ICD-10-CM Official Guidelines " + v.version();
            List<String> stored = jdbc.queryForList("select fingerprint from assistant_guideline_release where version = ?", String.class, v.version());
            if (!stored.isEmpty() && stored.get(0).equals(file.sha256())) {
                outcomes.add(new Outcome(label, Status.UNCHANGED, "same file as the stored guidelines; nothing changed"));
                continue;
            }
            try {
                List<GuidelineSection> sections = GuidelinesTextParser.parse(text(file));
                if (sections.size() < 10) {
                    outcomes.add(new Outcome(label, Status.FAILED, "rejected, previous version (if any) still serving: " + file.origin()
                            + ": only " + sections.size() + " sections found; not the guidelines' layout?"));
                    continue;
                }
                transaction.executeWithoutResult(status -> write(v, label, file, sections));
                guidelines.changed();
                outcomes.add(new Outcome(label, Status.IMPORTED, "sections=" + sections.size()));
            } catch (IOException | RuntimeException e) {
                outcomes.add(new Outcome(label, Status.FAILED, "rejected, previous version (if any) still serving: " + file.origin() + ": " + e.getMessage()));
            }
        }
        return outcomes;
    }

    private void write(Version v, String label, ImportFile file, List<GuidelineSection> sections) {
        jdbc.update("delete from assistant_guideline_release where version = ?", v.version());
        jdbc.update("insert into assistant_guideline_release (version, label, effective_from, fingerprint, file_name, imported_at) values (?, ?, ?, ?, ?, ?)",
                v.version(), label, v.effectiveFrom(), file.sha256(), file.name(), Timestamp.from(Instant.now()));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            GuidelineSection s = sections.get(i);
            rows.add(new Object[] {v.version(), i, s.id(), clip(s.title(), 1000), clip(s.text(), 60000)});
        }
        jdbc.batchUpdate("insert into assistant_guideline (version, seq, section_id, title, body) values (?, ?, ?, ?, ?)", rows);
    }

    /** The file is read whole (PDFBox needs it so); the published PDF is about 1 MB, so a file past this is something else. */
    static final int MAX_BYTES = 64 * 1024 * 1024;

    private static String text(ImportFile file) throws IOException {
        try (InputStream in = file.open()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException(String.format("larger than %,d bytes: not the guidelines (the PDF is about 1 MB)", MAX_BYTES));
            }
            if (file.name().toLowerCase(Locale.ROOT).endsWith(".txt")) {
                return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            }
            try (var document = Loader.loadPDF(bytes)) {
                return new PDFTextStripper().getText(document);
            }
        }
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
