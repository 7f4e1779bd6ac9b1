package org.codedesk.catalog.importing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.importing.MidYearUpdates.Derived;
import org.codedesk.catalog.importing.RecognizedFile.ReleaseKey;
import org.codedesk.catalog.importing.ReleaseContent.CodeRow;
import org.codedesk.catalog.source.SourceFormatException;
import org.codedesk.catalog.source.icd10cm.CodeConversion;
import org.codedesk.catalog.source.icd10cm.ConversionTableParser;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One import's view of mid-year updates ({@link MidYearUpdates}): the new codes' dates from every conversion table in
 * the scan and in the database, and the releases already stored or derived, which give the state a code returns to
 * and tell whether a later file holds an update its own year's file lacks. Not thread-safe; one per import.
 */
final class MidYearImport {

    private final JdbcTemplate jdbc;
    private final MidYearUpdates updates;
    private final String fingerprint;
    private final List<Derived> derivedInThisImport = new ArrayList<>();

    MidYearImport(JdbcTemplate jdbc, List<RecognizedFile> scanned, Map<String, LocalDate> configuredDates) {
        this.jdbc = jdbc;
        Map<String, LocalDate> dates = new HashMap<>();
        jdbc.query("select current_code, min(effective_date) from catalog_code_conversion where effective_date is not null group by current_code",
                rs -> { dates.put(rs.getString(1), rs.getObject(2, LocalDate.class)); });
        List<String> parts = new ArrayList<>();
        // each year's conversion table repeats every earlier row: the newest one in the scan has every date
        Optional<RecognizedFile> newest = scanned.stream().filter(f -> f.role() == FileRole.CM_CONVERSION)
                .max(Comparator.comparing(f -> f.release().effectiveFrom()));
        for (RecognizedFile f : newest.stream().toList()) {
            parts.add(f.file().sha256());
            try {
                for (CodeConversion c : ReleaseRows.read(f, (n, in) -> new ConversionTableParser().parse(n, in))) {
                    if (c.effectiveDate() != null) {
                        dates.merge(CodeSystem.ICD10CM.key(c.currentCode()), c.effectiveDate(), (a, b) -> a.isBefore(b) ? a : b);
                    }
                }
            } catch (SourceFormatException e) {
                // the table's own release reports it; its dates are simply not used here
            }
        }
        new TreeMap<>(configuredDates).forEach((k, v) -> parts.add(k + "=" + v));
        parts.sort(null);
        this.updates = new MidYearUpdates(dates, configuredDates);
        this.fingerprint = sha256(String.join("\n", parts));
    }

    /** What the split depends on besides a release's own files: every conversion table seen and the configured dates. */
    String fingerprint() {
        return fingerprint;
    }

    /**
     * Replaces a fiscal year's published codes by those in force from its October 1 and returns the mid-year releases
     * made from them: the updates its file holds and one its predecessor's file lacked. Other releases are left alone.
     */
    List<Derived> split(ReleaseKey key, ReleaseContent content) {
        boolean fiscalYear = key.version().matches("FY\\d{4}");
        if (!fiscalYear || content.codes.isEmpty() || !(key.system() == CodeSystem.ICD10CM || key.system() == CodeSystem.ICD10PCS)) {
            return List.of();
        }
        List<CodeRow> published = List.copyOf(content.codes);
        Optional<Map.Entry<ReleaseKey, List<CodeRow>>> before = Optional.empty();
        Map<String, CodeRow> previousYear = new HashMap<>();
        if (updates.mayNeedPreviousYear(key, published, content.addendaComparesOneFile)) {
            before = latestBefore(key.system(), key.effectiveFrom());
            before.ifPresent(b -> b.getValue().forEach(c -> previousYear.put(c.code(), c)));
        }
        MidYearUpdates.Split split = updates.split(key, published, content.orderAddenda, content.addendaComparesOneFile, previousYear);
        List<Derived> derived = new ArrayList<>(split.updates());
        if (split.note() != null) {
            content.codes.clear();
            content.codes.addAll(split.octoberCodes());
            content.derivations.add(split.note());
        }
        final Optional<Map.Entry<ReleaseKey, List<CodeRow>>> previous = before;
        previous.flatMap(b -> updates.missedUpdate(fiscalYearOf(b.getKey()), b.getValue(), published))
                .filter(d -> d.key().effectiveFrom().isAfter(previous.get().getKey().effectiveFrom()))
                .ifPresent(d -> {
                    derived.add(0, d);
                    content.derivations.add(d.key().version() + " made: " + d.note());
                });
        derivedInThisImport.addAll(derived);
        split.updates().forEach(d -> content.derivations.add(d.key().version() + " made: " + d.note()));
        return derived;
    }

    /** The newest release with codes that took effect before {@code date}: stored, or derived earlier in this import. */
    private Optional<Map.Entry<ReleaseKey, List<CodeRow>>> latestBefore(CodeSystem system, LocalDate date) {
        Map<ReleaseKey, List<CodeRow>> candidates = new LinkedHashMap<>();
        jdbc.query("select id, version, effective_from from catalog_release where code_system = ? and effective_from < ?"
                + " and contents like '%codes%' order by effective_from desc fetch first 1 rows only", rs -> {
            ReleaseKey k = new ReleaseKey(system, rs.getString(2), rs.getObject(3, LocalDate.class));
            candidates.put(k, storedCodes(rs.getLong(1), system));
        }, system.slug(), date);
        derivedInThisImport.stream().filter(d -> d.key().system() == system && d.key().effectiveFrom().isBefore(date))
                .forEach(d -> candidates.put(d.key(), d.codes()));
        return candidates.entrySet().stream().max(Comparator.comparing(e -> e.getKey().effectiveFrom()));
    }

    private List<CodeRow> storedCodes(long releaseId, CodeSystem system) {
        return jdbc.query("select * from catalog_code where release_id = ? order by sort_order", (rs, i) -> new CodeRow(rs.getString("code"),
                rs.getString("display_code"), rs.getString("kind"), rs.getBoolean("billable"), rs.getString("short_desc"),
                rs.getString("long_desc"), rs.getString("parent_code"), rs.getString("heading_id"), rs.getInt("sort_order"),
                rs.getBoolean("placeholder")), releaseId);
    }

    /** A mid-year release's fiscal year ("FY2021-01" belongs to FY2021, which started on 2020-10-01). */
    private static ReleaseKey fiscalYearOf(ReleaseKey key) {
        String year = key.version().substring(0, 6);
        return new ReleaseKey(key.system(), year, LocalDate.of(Integer.parseInt(year.substring(2)) - 1, 10, 1));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
