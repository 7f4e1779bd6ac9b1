package org.codedesk.coverage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.Release;
import org.codedesk.coverage.source.CoverageSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The coverage module's read API: which diagnoses support a procedure (and which procedures a diagnosis supports)
 * per NCD and billing-and-coding article in force on a date, and whether a claim's diagnoses support its procedures.
 * An NCD release is in force from its quarter; the Medicare Coverage Database tables are the current download, each
 * document with its own dates.
 */
@Service
public class Coverage {

    private final JdbcTemplate jdbc;
    private final Catalog catalog;
    /** ICD-10-CM titles by release id: a crosswalk lists up to thousands of codes; a release is immutable once imported. */
    private final com.github.benmanes.caffeine.cache.Cache<Long, Map<String, String>> titles =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(2).build();

    Coverage(JdbcTemplate jdbc, Catalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    public List<CoverageRelease> releases() {
        return jdbc.query("select * from coverage_release order by source, effective_from", Coverage::release);
    }

    /** The newest release of the source in force on the date (the MCD download: the one there is). */
    public Optional<CoverageRelease> inForce(CoverageSource source, LocalDate date) {
        return releases().stream().filter(r -> r.source() == source && (source == CoverageSource.MCD || !r.effectiveFrom().isAfter(date)))
                .reduce((a, b) -> b);
    }

    /** The releases of NCDs and articles that answer for the date; empty when no coverage policy is loaded for it. */
    public List<CoverageRelease> policies(LocalDate date) {
        List<CoverageRelease> result = new ArrayList<>();
        inForce(CoverageSource.NCD_LAB, date).ifPresent(result::add);
        inForce(CoverageSource.MCD, date).ifPresent(result::add);
        return result;
    }

    /** Why no policy answers for the date, in words (for findings and pages). */
    public String noPolicy(LocalDate date) {
        return "No coverage policy (NCD lab spreadsheet or Medicare Coverage Database articles) in force on " + date
                + " is loaded: medical necessity is not checked";
    }

    /** Whether a loaded NCD or article governs the CPT/HCPCS code on some date (for checking that a code an answer names is real). */
    public boolean mentions(String code) {
        return !jdbc.queryForList("select code from coverage_procedure where code = ? fetch first 1 rows only", String.class, CoverageSet.key(code)).isEmpty();
    }

    /** The documents in force on the date that govern the CPT/HCPCS code, each with its ICD-10-CM codes grouped. */
    public List<Crosswalk.ForProcedure> diagnosesFor(String procedure, LocalDate date) {
        String code = CoverageSet.key(procedure);
        Optional<Release> icd10 = catalog.releaseInForce(CodeSystem.ICD10CM, date);
        List<Crosswalk.ForProcedure> result = new ArrayList<>();
        for (Governing g : governing(code, date)) {
            List<Object[]> rows = jdbc.query("select code, resolution, group_no from coverage_diagnosis where release_id = ? and doc_id = ?"
                    + " and (effective_from is null or effective_from <= ?) and (effective_to is null or effective_to >= ?) order by group_no, resolution, code",
                    (rs, i) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getInt(3)}, g.releaseId, g.document.id(), date, date);
            Map<String, String> titles = icd10.map(r -> this.titles.get(r.id(), id -> catalog.titles(r))).orElse(Map.of());
            Map<Integer, String> paragraphs = new LinkedHashMap<>();
            jdbc.query("select group_no, paragraph from coverage_group where release_id = ? and doc_id = ?",
                    rs -> { paragraphs.put(rs.getInt(1), rs.getString(2)); }, g.releaseId, g.document.id());
            Map<String, List<Crosswalk.Diagnosis>> groups = new LinkedHashMap<>();
            Map<String, Object[]> heads = new LinkedHashMap<>();
            for (Object[] row : rows) {
                Resolution resolution = Resolution.of((Integer) row[1]);
                String groupKey = row[2] + "|" + resolution;
                heads.putIfAbsent(groupKey, new Object[] {paragraphs.get((Integer) row[2]), resolution});
                groups.computeIfAbsent(groupKey, k -> new ArrayList<>()).add(new Crosswalk.Diagnosis(CodeSystem.ICD10CM.display((String) row[0]),
                        titles.get((String) row[0]), resolution));
            }
            List<Crosswalk.Group> grouped = new ArrayList<>();
            groups.forEach((k, codes) -> grouped.add(new Crosswalk.Group((String) heads.get(k)[0], (Resolution) heads.get(k)[1], codes)));
            result.add(new Crosswalk.ForProcedure(g.document, procedures(g.releaseId, g.document.id(), date), grouped, rows.size()));
        }
        return result;
    }

    /**
     * The documents in force on the date whose title holds a word of {@code words} (4 letters or more, plural "s"
     * ignored: "lipid panel" finds "Lipids Testing"), with the procedure codes each governs.
     */
    public List<Crosswalk.ForDiagnosis> documentsNamed(String words, LocalDate date) {
        List<String> stems = java.util.Arrays.stream(words.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+"))
                .filter(w -> w.length() >= 4 && !List.of("test", "testing", "code", "codes", "which", "what", "support", "supports",
                        "diagnoses", "diagnosis", "covered", "medicare", "does", "with").contains(w))
                .map(w -> w.endsWith("s") ? w.substring(0, w.length() - 1) : w).toList();
        List<Crosswalk.ForDiagnosis> result = new ArrayList<>();
        if (stems.isEmpty()) {
            return result;
        }
        for (CoverageRelease release : policies(date)) {
            jdbc.query("select * from coverage_document where release_id = ? order by doc_id", rs -> {
                CoverageDocument document = document(rs, release.label());
                String title = document.title().toLowerCase(java.util.Locale.ROOT);
                if (inForce(document, date) && stems.stream().anyMatch(title::contains)) {
                    result.add(new Crosswalk.ForDiagnosis(document, null, procedures(release.id(), document.id(), date)));
                }
            }, release.id());
        }
        return result;
    }

    /** The documents in force on the date that list the ICD-10-CM code, what each says of it, and the procedures each governs. */
    public List<Crosswalk.ForDiagnosis> proceduresFor(String diagnosis, LocalDate date) {
        String code = CoverageSet.key(diagnosis);
        List<Crosswalk.ForDiagnosis> result = new ArrayList<>();
        for (CoverageRelease release : policies(date)) {
            jdbc.query("select d.*, x.resolution from coverage_diagnosis x join coverage_document d on d.release_id = x.release_id"
                    + " and d.doc_id = x.doc_id where x.release_id = ? and x.code = ? and (x.effective_from is null or x.effective_from <= ?)"
                    + " and (x.effective_to is null or x.effective_to >= ?) order by d.doc_id", rs -> {
                CoverageDocument document = document(rs, release.label());
                if (inForce(document, date)) {
                    result.add(new Crosswalk.ForDiagnosis(document, Resolution.of(rs.getInt("resolution")),
                            procedures(release.id(), document.id(), date)));
                }
            }, release.id(), code, date, date);
        }
        return result;
    }

    /**
     * Whether the diagnoses support the procedure on the date: for each governing document, the best resolution among
     * the diagnoses (a listed code's own, else the document's resolution for codes not listed, else "does not support").
     * Supported only when every governing document is satisfied; the first unsatisfied one decides otherwise.
     */
    public Necessity necessity(String procedure, Collection<String> diagnoses, LocalDate date) {
        String code = CoverageSet.key(procedure);
        List<Governing> documents = governing(code, date);
        if (documents.isEmpty()) {
            return new Necessity(code, Necessity.Outcome.NOT_GOVERNED, null, "No loaded NCD or article in force on " + date + " governs " + code + ".",
                    List.of());
        }
        List<String> keys = diagnoses.stream().map(CoverageSet::key).distinct().toList();
        String supporting = null;
        for (Governing g : documents) {
            Map<String, Resolution> listed = listed(g, keys, date);
            String best = null;
            Resolution bestResolution = null;
            for (String dx : keys) {
                Resolution r = listed.getOrDefault(dx, g.document.otherCodes() == null ? Resolution.NOT_REASONABLE_AND_NECESSARY : g.document.otherCodes());
                if (bestResolution == null || decides(r) < decides(bestResolution)) {
                    best = dx;
                    bestResolution = r;
                }
            }
            if (bestResolution != Resolution.COVERED) {
                String shown = best == null ? null : CodeSystem.ICD10CM.display(best);
                String message = keys.isEmpty() ? "No diagnosis on the claim: " + g.document.citation() + " covers " + code + " only for the diagnoses it lists."
                        : bestResolution == Resolution.DENIED
                        ? code + " is denied for " + shown + " (never covered for this diagnosis) under " + g.document.citation() + "."
                        : "No diagnosis on the claim supports the medical necessity of " + code + " under " + g.document.citation()
                        + "; see the covered diagnoses at /crosswalk?code=" + code + ".";
                return new Necessity(code, bestResolution == Resolution.DENIED ? Necessity.Outcome.DENIED : Necessity.Outcome.NOT_REASONABLE_AND_NECESSARY,
                        shown, message, documents.stream().map(d -> d.document).toList());
            }
            supporting = supporting == null ? best : supporting;
        }
        String shown = CodeSystem.ICD10CM.display(supporting);
        return new Necessity(code, Necessity.Outcome.SUPPORTED, shown, shown + " supports the medical necessity of " + code + " under "
                + String.join("; ", documents.stream().map(d -> d.document.citation()).toList()) + ".", documents.stream().map(d -> d.document).toList());
    }

    /** Which resolution speaks for a claim: a covered diagnosis, else a denied one, else "does not support". */
    private static int decides(Resolution r) {
        return switch (r) {
            case COVERED -> 0;
            case DENIED -> 1;
            case NOT_REASONABLE_AND_NECESSARY -> 2;
        };
    }

    private Map<String, Resolution> listed(Governing g, List<String> keys, LocalDate date) {
        Map<String, Resolution> listed = new LinkedHashMap<>();
        for (String dx : keys) {
            jdbc.query("select resolution from coverage_diagnosis where release_id = ? and doc_id = ? and code = ?"
                    + " and (effective_from is null or effective_from <= ?) and (effective_to is null or effective_to >= ?)",
                    rs -> { listed.merge(dx, Resolution.of(rs.getInt(1)), (a, b) -> a.code() < b.code() ? a : b); },
                    g.releaseId, g.document.id(), dx, date, date);
        }
        return listed;
    }

    /** A document that governs a procedure on a date, with the release it was read from. */
    private record Governing(long releaseId, CoverageDocument document) { }

    private List<Governing> governing(String code, LocalDate date) {
        List<Governing> result = new ArrayList<>();
        for (CoverageRelease release : policies(date)) {
            jdbc.query("select distinct d.* from coverage_procedure p join coverage_document d on d.release_id = p.release_id and d.doc_id = p.doc_id"
                    + " where p.release_id = ? and p.code = ? and (p.effective_from is null or p.effective_from <= ?)"
                    + " and (p.effective_to is null or p.effective_to >= ?) order by d.doc_id", rs -> {
                CoverageDocument document = document(rs, release.label());
                if (inForce(document, date)) {
                    result.add(new Governing(release.id(), document));
                }
            }, release.id(), code, date, date);
        }
        return result;
    }

    private List<String> procedures(long releaseId, String documentId, LocalDate date) {
        return jdbc.queryForList("select distinct code from coverage_procedure where release_id = ? and doc_id = ?"
                + " and (effective_from is null or effective_from <= ?) and (effective_to is null or effective_to >= ?) order by code",
                String.class, releaseId, documentId, date, date);
    }

    private static boolean inForce(CoverageDocument document, LocalDate date) {
        return (document.effectiveFrom() == null || !document.effectiveFrom().isAfter(date))
                && (document.effectiveTo() == null || !document.effectiveTo().isBefore(date));
    }

    private static CoverageDocument document(ResultSet rs, String release) throws SQLException {
        int other = rs.getInt("other_resolution");
        Resolution otherCodes = rs.wasNull() ? null : Resolution.of(other);
        return new CoverageDocument(rs.getString("doc_id"), rs.getString("kind"), rs.getString("title"),
                rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_to", LocalDate.class), otherCodes,
                rs.getString("related_document"), release);
    }

    private static CoverageRelease release(ResultSet rs, int i) throws SQLException {
        return new CoverageRelease(rs.getLong("id"), CoverageSource.valueOf(rs.getString("source")), rs.getString("version"), rs.getString("label"),
                rs.getObject("effective_from", LocalDate.class), rs.getInt("row_count"), rs.getTimestamp("imported_at").toInstant());
    }
}
