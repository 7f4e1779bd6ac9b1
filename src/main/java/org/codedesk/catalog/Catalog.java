package org.codedesk.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.codedesk.catalog.plain.PlainLanguageWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * The catalog module's read API: releases, the release in force on a date of service, code pages, browsing.
 * Thread-safe; every answer is computed from the immutable release rows.
 */
@Service
public class Catalog implements DatasetCurrency {

    private static final RowMapper<Release> RELEASE = Catalog::release;

    private final JdbcTemplate jdbc;
    private final CodePageAssembler pages;
    private final SearchDocumentReader searchDocuments;
    private final CodePageCache pageCache;

    Catalog(JdbcTemplate jdbc, @Value("${codedesk.code-pages.cache-size:10000}") long pageCacheSize,
            @Value("${codedesk.catalog.release-list-max-age:1s}") java.time.Duration releaseListMaxAge) {
        this.jdbc = jdbc;
        this.releaseListMaxAgeNanos = releaseListMaxAge.toNanos();
        this.pages = new CodePageAssembler(jdbc, this);
        this.pageCache = new CodePageCache(pageCacheSize);
        this.searchDocuments = new SearchDocumentReader(jdbc, this);
    }

    /** The documents a search index is built from: one per code of a release with codes. */
    public List<SearchDocument> searchDocuments(Release release) {
        return searchDocuments.read(release);
    }

    /**
     * The cross-references of the ICD-10-CM Alphabetic Index in force for a release with codes (the same index the
     * release's search documents take their paths from): each term that says "see" or "see also", by its path.
     */
    public List<IndexReference> indexReferences(Release release) {
        if (release.system() != CodeSystem.ICD10CM) {
            return List.of();
        }
        Optional<Release> next = releases(release.system()).stream()
                .filter(r -> r.has("codes") && r.effectiveFrom().isAfter(release.effectiveFrom())).findFirst();
        LocalDate until = next.map(r -> r.effectiveFrom().minusDays(1)).orElse(LocalDate.of(9999, 1, 1));
        return releaseInForce(release.system(), until, "index").map(index -> jdbc.query("select path, see, see_also from catalog_index_term"
                + " where release_id = ? and index_kind = 'INDEX' and (see is not null or see_also is not null) order by id",
                (rs, n) -> new IndexReference(rs.getString(1), rs.getString(2), rs.getString(3)), index.id())).orElse(List.of());
    }

    /** A term of the Alphabetic Index that sends the reader on: its path, "see" and "see also" (either may be null). */
    public record IndexReference(String path, String see, String seeAlso) { }

    /**
     * Every release, by system and effective date. Read on every code page (an import on another node must show), so the rows
     * are read again only when the table changed (see {@link #readReleases}), an HTTP request reads the list at most once
     * however often it asks (see {@link #readReleasesOncePerRequest}), and checks the table's stamp only when the last
     * check is older than the max age (see {@link #recentReleases}).
     */
    public List<Release> releases() {
        RequestReleases request = requestReleases.get();
        if (request == null) {
            return readReleases();
        }
        if (request.read == null) {
            request.read = recentReleases();
        }
        return request.read;
    }

    /**
     * For an HTTP request: the list as last read while its stamp was checked less than
     * {@code codedesk.catalog.release-list-max-age} ago, else read. A request's one statement was most of what a page seen
     * before cost on PostgreSQL (a round trip and a backend's CPU on every view); this node's own imports clear the list at
     * once ({@link #on(CatalogChanged)}), another node's show within the max age. Reads outside a request (imports, the
     * warm-up, background work) always check the stamp.
     */
    private List<Release> recentReleases() {
        ReleaseList seen = releaseList.get();
        if (!seen.checkDue() && System.nanoTime() - seen.checkedAt() < releaseListMaxAgeNanos) {
            return seen.releases();
        }
        return readReleases();
    }

    /**
     * Until closed, this thread's HTTP request reads the release list once, at its first ask, however many times it asks (the
     * quota check, the page and the layout's catalog notice each do): one statement per request. The next request reads it
     * again, so an import on another node still shows on the next request. Opened and closed by {@code ReleaseListPerRequest}.
     */
    public RequestScope readReleasesOncePerRequest() {
        if (requestReleases.get() != null) {
            return () -> { };
        }
        requestReleases.set(new RequestReleases());
        return requestReleases::remove;
    }

    /** The end of a request that read the release list once ({@link #readReleasesOncePerRequest}). */
    public interface RequestScope extends AutoCloseable {
        @Override
        void close();
    }

    /** The release list of the request this thread serves, once read. */
    private static final class RequestReleases {
        private List<Release> read;
    }

    private final ThreadLocal<RequestReleases> requestReleases = new ThreadLocal<>();

    /**
     * The release list as the table holds it now, its rows read and mapped again only when the table changed: release rows are
     * only ever inserted (with a new identity) or deleted, so their count and highest id name the list; one single-row
     * statement when nothing changed.
     */
    private List<Release> readReleases() {
        long[] stamp = jdbc.queryForObject("select count(*), coalesce(max(id), 0) from catalog_release",
                (rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)});
        long checkedAt = System.nanoTime();
        ReleaseList seen = releaseList.get();
        // compare-and-set: an import here that marked the list due meanwhile keeps it due (this stamp may predate it)
        if (seen.count() == stamp[0] && seen.highestId() == stamp[1]) {
            releaseList.compareAndSet(seen, new ReleaseList(stamp[0], stamp[1], seen.releases(), checkedAt, false));
            return seen.releases();
        }
        // read after the stamp: if a release came in between, the next call's stamp differs and reads again
        List<Release> read = List.copyOf(jdbc.query("select * from catalog_release order by code_system, effective_from, id", RELEASE));
        releaseList.compareAndSet(seen, new ReleaseList(stamp[0], stamp[1], read, checkedAt, false));
        return read;
    }

    /**
     * The release list as read, the table's stamp it was read at, when ({@link System#nanoTime}) that stamp was last checked,
     * and whether the next request must check it whatever its age (after an import here).
     */
    private record ReleaseList(long count, long highestId, List<Release> releases, long checkedAt, boolean checkDue) {
        static final ReleaseList UNREAD = new ReleaseList(-1, -1, List.of(), 0, true);

        ReleaseList due() {
            return new ReleaseList(count, highestId, releases, checkedAt, true);
        }
    }

    private final long releaseListMaxAgeNanos;

    private final AtomicReference<ReleaseList> releaseList = new AtomicReference<>(ReleaseList.UNREAD);

    public List<Release> releases(CodeSystem system) {
        return releases().stream().filter(r -> r.system() == system).toList();
    }

    public boolean isEmpty() {
        return releases().isEmpty();
    }

    /** The newest release with {@code content} that took effect on or before {@code date}. */
    public Optional<Release> releaseInForce(CodeSystem system, LocalDate date, String content) {
        return inForce(releases(system), system, date, content);
    }

    /** {@link #releaseInForce} over a release list already read (in effective order). */
    private static Optional<Release> inForce(List<Release> releases, CodeSystem system, LocalDate date, String content) {
        return releases.stream()
                .filter(r -> r.system() == system && r.has(content) && !r.effectiveFrom().isAfter(date))
                .reduce((a, b) -> b);
    }

    public Optional<Release> releaseInForce(CodeSystem system, LocalDate date) {
        return releaseInForce(system, date, "codes");
    }

    /** How each code system is published: ICD-10 by fiscal year, HCPCS by quarter, CPT by calendar year. */
    /** ICD-10-CM and ICD-10-PCS replaced ICD-9-CM for services from this day (HHS final rule, 45 CFR 162.1002). */
    public static final LocalDate ICD10_IN_FORCE = LocalDate.of(2015, 10, 1);

    /**
     * What every surface says when no release of the code system imported here is in force on the date: the currency
     * sentence ("ICD-10-CM FY2016 is in force since 2015-10-01 and is not imported; no older release is imported either."),
     * or that none is imported at all.
     */
    public String noReleaseSentence(CodeSystem system, LocalDate date) {
        return releases(system).stream().noneMatch(r -> r.has("codes")) ? "No " + system.title() + " release has been imported yet."
                : currency(system, date).sentence();
    }

    public static PublicationCycle cycle(CodeSystem system) {
        return switch (system) {
            case ICD10CM, ICD10PCS -> PublicationCycle.FISCAL_YEAR;
            case HCPCS -> PublicationCycle.QUARTERLY;
            case CPT -> PublicationCycle.CALENDAR_YEAR;
        };
    }

    /** Whether the code set in force on the date is imported, or which older one answers for it (see {@link Currency}). */
    public Currency currency(CodeSystem system, LocalDate date) {
        return currency(system, date, releaseInForce(system, date));
    }

    static Currency currency(CodeSystem system, LocalDate date, Optional<Release> shown) {
        if (shown.isEmpty() && (system == CodeSystem.ICD10CM || system == CodeSystem.ICD10PCS) && date.isBefore(ICD10_IN_FORCE)) {
            return Currency.notYetInForce(system.title(), date, ICD10_IN_FORCE, system == CodeSystem.ICD10CM ? "ICD-9-CM" : "ICD-9-CM volume 3");
        }
        return Currency.of(system.title(), cycle(system), date, shown.map(Catalog::shortLabel).orElse(null),
                shown.map(Release::effectiveFrom).orElse(null));
    }

    /** Every code system imported here (CPT only once a licensed file is), on the date. */
    @Override
    public List<Currency> currency(LocalDate date) {
        java.util.Set<CodeSystem> imported = java.util.EnumSet.noneOf(CodeSystem.class);
        releases().forEach(r -> { if (r.has("codes")) imported.add(r.system()); });
        List<Currency> result = new java.util.ArrayList<>();
        for (CodeSystem system : CodeSystem.values()) {
            if (system != CodeSystem.CPT || imported.contains(system)) {
                result.add(currency(system, date));
            }
        }
        return result;
    }

    /** "FY2023 (April 2023 update)" from "ICD-10-CM FY2023 (April 2023 update)": the label without the system's name. */
    private static String shortLabel(Release release) {
        String title = release.system().title() + " ";
        return release.label().startsWith(title) ? release.label().substring(title.length()) : release.version();
    }

    /**
     * A code as the release in force on the date lists it (its key and the spelling coders write): what a caller needs before
     * deciding to build the page (metering); empty when there is no such code. A page assembled before answers it with no
     * statement (its title then as the page shows it: none for a CPT code listed in the HCPCS file); any other code costs one
     * indexed lookup.
     */
    public Optional<CodeSummary> find(CodeSystem system, String code, LocalDate date) {
        String key = system.key(code);
        List<Release> all = releases();
        Optional<CodePage> seen = pageCache.getIfPresent(pageCache.key(all, system, key, date));
        if (seen != null) {
            return seen.map(p -> new CodeSummary(system, p.key(), p.code(), p.longDescription(), p.billable()));
        }
        return inForce(all, system, date, "codes").flatMap(release -> summary(release, key));
    }

    /** The page of a code on a date of service; empty when the release in force has no such code. */
    public Optional<CodePage> page(CodeSystem system, String code, LocalDate date) {
        return datedPage(system, code, date).map(DatedPage::page);
    }

    /**
     * A code's page on a date as two parts: the page as cached, shared by every date that selects the same releases (the
     * same instance until an import, so views can keep what they derive from it, such as its rendered HTML, by identity),
     * and the currency sentence of this date, which names the date itself and is never cached.
     */
    public Optional<DatedPage> datedPage(CodeSystem system, String code, LocalDate date) {
        String key = system.key(code);
        // one statement per page seen before: the release list, which both selects the release and keys the cache (an import on
        // another node changes it, so no node serves a page older than the releases it reads)
        List<Release> all = releases();
        Optional<Release> release = inForce(all, system, date, "codes");
        Optional<CodePage> page = pageCache.get(pageCache.key(all, system, key, date),
                () -> release.flatMap(r -> pages.page(system, r, key, date, all))
                        // the generated explanation is a pure function of the page: written once, cached with it
                        .map(p -> p.withPlainLanguage(PlainLanguageWriter.write(p))));
        return page.map(p -> new DatedPage(p, currency(system, date, release)));
    }

    /** A cached code page and the currency sentence of the date it was asked for. */
    public record DatedPage(CodePage shared, Currency currency) {
        public CodePage page() {
            return shared.withCurrency(currency);
        }
    }

    /**
     * For a check over every ICD-10-PCS code (the plain-language bench): the codes of one PCS table in the release, each with
     * only the facts its explanation is written from (characters and their definitions) and that explanation; not cached,
     * not for display (no hierarchy, index or history).
     */
    public List<CodePage> pcsExplanationPages(Release release, String tableCode) {
        return pages.pcsCharacterPages(release, tableCode, releases()).stream()
                .map(p -> p.withPlainLanguage(PlainLanguageWriter.write(p))).toList();
    }

    /** This node imported a release: free the pages now (other nodes see a new release list on their next page). */
    @EventListener
    void on(CatalogChanged event) {
        pageCache.clear();
        releaseList.updateAndGet(ReleaseList::due); // the next request checks the table's stamp, whatever the list's age
        RequestReleases request = requestReleases.get();
        if (request != null) {
            request.read = null; // imported within a request: the rest of it reads the new list
        }
    }

    /**
     * Whether each code may be reported on {@code date}, by the release in force: one query per call, for
     * checks over many codes (a claim). Keys are in key form; the map follows their order.
     */
    public java.util.Map<String, CodeStatus> status(CodeSystem system, java.util.Collection<String> keys, LocalDate date) {
        java.util.Map<String, CodeStatus> result = new java.util.LinkedHashMap<>();
        Optional<Release> inForce = releaseInForce(system, date);
        if (inForce.isEmpty()) {
            String sentence = noReleaseSentence(system, date);
            keys.forEach(k -> result.put(k, new CodeStatus(system, k, CodeStatus.Validity.NO_RELEASE, null, sentence)));
            return result;
        }
        if (keys.isEmpty()) {
            return result;
        }
        Release release = inForce.get();
        // one indexed lookup per code in one statement: "release_id = ? and code in (...)" is not always planned on the key
        java.util.List<Object> args = new java.util.ArrayList<>();
        keys.forEach(k -> { args.add(release.id()); args.add(k); });
        java.util.Map<String, Boolean> billable = new java.util.HashMap<>();
        jdbc.query(String.join(" union all ", java.util.Collections.nCopies(keys.size(),
                "select code, billable from catalog_code where release_id = ? and code = ?")),
                rs -> { billable.put(rs.getString(1), rs.getBoolean(2)); }, args.toArray());
        java.util.Map<String, String> terminations = new java.util.HashMap<>();
        if (system == CodeSystem.HCPCS) {
            jdbc.query(String.join(" union all ", java.util.Collections.nCopies(keys.size(),
                    "select code, attr_value from catalog_code_attribute where release_id = ? and code = ? and name = 'terminationDate'")),
                    rs -> { terminations.put(rs.getString(1), rs.getString(2)); }, args.toArray());
        }
        for (String key : keys) {
            Boolean found = billable.get(key);
            CodeStatus status;
            if (found == null) {
                String detail = former(system, key).map(f -> "not in " + release.label() + " (last in " + f.lastRelease() + ")"
                                + (f.replacedBy().isEmpty() ? "" : "; the CDC conversion tables list in its place: " + String.join(", ", f.replacedBy())))
                        .orElse("not in " + release.label());
                status = new CodeStatus(system, key, CodeStatus.Validity.NOT_IN_RELEASE, release.label(), detail);
            } else if (found) {
                status = new CodeStatus(system, key, CodeStatus.Validity.VALID, release.label(), "valid in " + release.label());
            } else if (system == CodeSystem.HCPCS) {
                LocalDate last = hcpcsDate(terminations.get(key));
                boolean usable = last != null && !date.isAfter(last);
                status = new CodeStatus(system, key, usable ? CodeStatus.Validity.VALID : CodeStatus.Validity.NOT_BILLABLE, release.label(),
                        (usable ? "valid until its termination date " : "terminated: last date of service ") + (last == null ? "unknown" : last)
                                + " (" + release.label() + ")");
            } else {
                List<String> below = jdbc.queryForList("select display_code from catalog_code where release_id = ? and "
                        + CodeKeys.STARTS_WITH + " and billable = true order by sort_order fetch first 11 rows only", String.class,
                        CodeKeys.args(release.id(), CodeKeys.startsWith(key)));
                status = new CodeStatus(system, key, CodeStatus.Validity.NOT_BILLABLE, release.label(),
                        "header code, not billable: report one of the codes below it (" + release.label() + ")"
                                + (below.isEmpty() ? "" : ": " + String.join(", ", below.subList(0, Math.min(10, below.size())))
                                + (below.size() > 10 ? ", ..." : "")));
            }
            result.put(key, status);
        }
        return result;
    }

    private static LocalDate hcpcsDate(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String digits = raw.trim().replace("-", "");
        return digits.matches("\\d{8}") ? LocalDate.parse(digits, java.time.format.DateTimeFormatter.BASIC_ISO_DATE) : null;
    }

    /**
     * Fields of each code's record in the release in force (for HCPCS Level II: pricing indicator, BETOS, type of service... as
     * named by the record layout, {@code pricingIndicator1}), one statement for all codes; codes without a record, or a system
     * with no release in force, are absent.
     */
    public java.util.Map<String, java.util.Map<String, String>> attributes(CodeSystem system, java.util.Collection<String> keys, LocalDate date) {
        java.util.Map<String, java.util.Map<String, String>> result = new java.util.LinkedHashMap<>();
        Optional<Release> release = releaseInForce(system, date);
        if (keys.isEmpty() || release.isEmpty()) {
            return result;
        }
        java.util.List<Object> args = new java.util.ArrayList<>();
        keys.forEach(k -> { args.add(release.get().id()); args.add(k); });
        jdbc.query(String.join(" union all ", java.util.Collections.nCopies(keys.size(),
                "select code, name, attr_value from catalog_code_attribute where release_id = ? and code = ?")),
                rs -> { result.computeIfAbsent(rs.getString(1), k -> new java.util.LinkedHashMap<>()).put(rs.getString(2), rs.getString(3)); },
                args.toArray());
        return result;
    }

    /** Which of the keys are codes of the system in any imported release (one indexed lookup per key, one statement). */
    public java.util.Set<String> known(CodeSystem system, java.util.Collection<String> keys) {
        java.util.Set<String> known = new java.util.HashSet<>();
        if (keys.isEmpty()) {
            return known;
        }
        java.util.List<Object> args = new java.util.ArrayList<>();
        keys.forEach(k -> { args.add(k); args.add(system.slug()); });
        jdbc.query(String.join(" union all ", java.util.Collections.nCopies(keys.size(), "select c.code from catalog_code c"
                + " join catalog_release r on r.id = c.release_id where c.code = ? and r.code_system = ?")),
                rs -> { known.add(rs.getString(1)); }, args.toArray());
        return known;
    }

    /** The modifiers of the release in force (HCPCS Level II modifiers carry kind "modifier"), by code. */
    public List<CodeSummary> modifiers(CodeSystem system, LocalDate date) {
        return releaseInForce(system, date).map(r -> jdbc.query("select * from catalog_code where release_id = ? and kind = 'modifier'"
                + " order by code", summary(system), r.id())).orElse(List.of());
    }

    /**
     * The Medical and Surgical section's definitions (root operations, approaches, devices...) of these terms, from the newest
     * ICD-10-PCS release in force on the date that has a definitions file: what "drainage vs extirpation" asks.
     */
    public List<CodePage.PcsDefinition> pcsDefinitions(LocalDate date, java.util.Collection<String> terms) {
        List<CodePage.PcsDefinition> result = new java.util.ArrayList<>();
        Optional<Release> release = releases(CodeSystem.ICD10PCS).stream().filter(r -> !r.effectiveFrom().isAfter(date))
                .sorted(java.util.Comparator.comparing(Release::effectiveFrom).reversed())
                .filter(r -> jdbc.queryForObject("select count(*) from catalog_pcs_definition where release_id = ? and section_code = '0'",
                        Integer.class, r.id()) > 0).findFirst();
        if (release.isEmpty()) {
            return result;
        }
        for (String term : terms) {
            jdbc.query("select axis_title, term, definition, explanation, includes from catalog_pcs_definition where release_id = ?"
                    + " and section_code = '0' and lower(term) = ? and position in (3, 5) order by position", rs -> {
                result.add(new CodePage.PcsDefinition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        release.get().label()));
            }, release.get().id(), term.toLowerCase(java.util.Locale.ROOT));
        }
        return result;
    }

    /** Codes of the release in force nearest to a code that does not exist: same beginning, longest shared prefix first. */
    public List<CodeSummary> nearest(CodeSystem system, String code, LocalDate date) {
        String key = system.key(code).replaceAll("[^A-Z0-9]", "");
        Optional<Release> release = releaseInForce(system, date);
        if (release.isEmpty()) {
            return List.of();
        }
        for (int length = Math.min(key.length(), 7); length >= 1; length--) {
            List<CodeSummary> found = jdbc.query("select * from catalog_code where release_id = ? and " + CodeKeys.STARTS_WITH
                    + " order by sort_order fetch first 10 rows only", summary(system),
                    CodeKeys.args(release.get().id(), CodeKeys.startsWith(key.substring(0, length))));
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    /**
     * What became of a code that is not in the release in force: the newest release that had it (if any)
     * and, for ICD-10-CM, the codes the CDC conversion tables list in its place.
     */
    public Optional<FormerCode> former(CodeSystem system, String code) {
        String key = system.key(code);
        List<String> releases = jdbc.queryForList("select r.label from catalog_code c join catalog_release r on r.id = c.release_id"
                + " where c.code = ? and r.code_system = ? order by r.effective_from desc", String.class, key, system.slug());
        if (releases.isEmpty()) {
            return Optional.empty();
        }
        List<String> replacements = conversionsFrom(key).stream().map(Conversion::currentCode).distinct().sorted()
                .map(system::display).toList();
        return Optional.of(new FormerCode(system.display(key), releases.get(0), replacements));
    }

    /** A row of a CDC conversion table: the table's release, a current code, when, and the previous code(s) as written. */
    record Conversion(String release, LocalDate effectiveFrom, String currentCode, java.sql.Date effectiveDate, String previousText) { }

    private volatile List<Object[]> conversionRanges;
    private volatile Long conversionRangesRelease;

    /**
     * Conversion rows that list {@code key} among the previous codes, exactly or inside a range ("H81.41-H81.43"),
     * oldest table first. Exact matches use the index; the few range rows are kept in memory (reloaded after any import).
     */
    List<Conversion> conversionsFrom(String key) {
        String select = "select r.label, r.effective_from, c.current_code, c.effective_date, c.previous_text from catalog_code_conversion c"
                + " join catalog_release r on r.id = c.release_id";
        RowMapper<Conversion> row = (rs, i) -> new Conversion(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                rs.getDate(4), rs.getString(5));
        List<Conversion> result = new java.util.ArrayList<>(jdbc.query(select + " where c.previous_code = ? and c.current_code <> ?", row, key, key));
        // reload when any node imported a release since (the newest release id changes), not only on this node's event
        Long newest = jdbc.queryForObject("select max(id) from catalog_release", Long.class);
        List<Object[]> ranges = conversionRanges;
        if (ranges == null || !java.util.Objects.equals(newest, conversionRangesRelease)) {
            ranges = jdbc.query("select previous_code, previous_to, release_id, current_code from catalog_code_conversion"
                    + " where previous_to is not null", (rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)});
            conversionRanges = ranges;
            conversionRangesRelease = newest;
        }
        for (Object[] range : ranges) {
            if (key.compareTo((String) range[0]) >= 0 && key.compareTo((String) range[1]) <= 0 && !key.equals(range[3])) {
                result.addAll(jdbc.query(select + " where c.release_id = ? and c.current_code = ? and c.previous_code = ?", row,
                        range[2], range[3], range[0]));
            }
        }
        result.sort(java.util.Comparator.comparing(Conversion::effectiveFrom));
        return result;
    }


    /** A code no longer (or not yet) in force: the newest release that has it, and its replacements. */
    public record FormerCode(String code, String lastRelease, List<String> replacedBy) { }

    public List<CodeSummary> children(CodeSystem system, Release release, String parentKey) {
        return jdbc.query("select * from catalog_code where release_id = ? and parent_code = ? order by sort_order",
                summary(system), release.id(), parentKey);
    }

    /**
     * A page of a release's codes in book order: those starting with {@code prefix} (all when empty), billable ones only
     * when asked. What a terminology expansion lists.
     */
    public List<CodeSummary> codes(Release release, String prefix, boolean billableOnly, int offset, int count) {
        return jdbc.query("select * from catalog_code where release_id = ? and " + CodeKeys.STARTS_WITH
                + (billableOnly ? " and billable = true" : "") + " order by sort_order offset ? rows fetch next ? rows only",
                summary(release.system()), CodeKeys.args(release.id(), CodeKeys.startsWith(keyPrefix(prefix)), offset, count));
    }

    /** How many codes {@link #codes} pages through. */
    public int countCodes(Release release, String prefix, boolean billableOnly) {
        return jdbc.queryForObject("select count(*) from catalog_code where release_id = ? and " + CodeKeys.STARTS_WITH
                + (billableOnly ? " and billable = true" : ""), Integer.class, CodeKeys.args(release.id(), CodeKeys.startsWith(keyPrefix(prefix))));
    }

    /** One code of a release, as listed (title and billable flag); empty when the release has no such code. */
    public Optional<CodeSummary> summary(Release release, String key) {
        return jdbc.query("select * from catalog_code where release_id = ? and code = ?", summary(release.system()), release.id(), key)
                .stream().findFirst();
    }

    /** Every code's title in a release, by key: for modules that show thousands of titles at once (coverage crosswalks). */
    public java.util.Map<String, String> titles(Release release) {
        java.util.Map<String, String> titles = new java.util.HashMap<>();
        jdbc.query("select code, long_desc from catalog_code where release_id = ?", rs -> { titles.put(rs.getString(1), rs.getString(2)); },
                release.id());
        return titles;
    }

    private static String keyPrefix(String prefix) {
        // keys are upper-case letters and digits only, so no LIKE wildcard can come in with them
        return prefix == null ? "" : prefix.replaceAll("[^A-Z0-9]", "");
    }

    /** Top-level codes of a release (no parent), optionally limited to a heading (ICD-10-CM section). */
    public List<CodeSummary> topLevel(CodeSystem system, Release release) {
        return jdbc.query("select * from catalog_code where release_id = ? and parent_code is null order by sort_order",
                summary(system), release.id());
    }

    /** ICD-10-CM headings (chapters, sections) of the nearest tabular release at or before the given one. */
    public List<Heading> headings(Release codesRelease) {
        return tabularFor(codesRelease).map(this::headingsOf).orElse(List.of());
    }

    /** The chapters and sections of a tabular release, in book order. */
    List<Heading> headingsOf(Release tabular) {
        return jdbc.query("select * from catalog_heading where release_id = ? order by sort_order",
                (rs, i) -> new Heading(rs.getString("id"), rs.getString("kind"), rs.getString("title"), rs.getString("parent_id"),
                        rs.getString("first_code"), rs.getString("last_code"), tabular.label()), tabular.id());
    }

    /**
     * Per code of the ICD-10-CM tabular in force with a codes release, the codes its own "Code first" notes name in
     * parentheses ("Code first COVID-19 (U07.1)" at J12.82 gives [U07.1]), lead-ins and their items alike, in the notes'
     * order: what the code's page lists, read for the whole tabular in one statement instead of one page per code.
     */
    public java.util.Map<String, List<String>> codeFirstNotes(Release codesRelease) {
        java.util.Map<String, List<String>> byOwner = new java.util.HashMap<>();
        tabularFor(codesRelease).ifPresent(tabular -> jdbc.query(
                "select owner, text from catalog_note where release_id = ? and kind = 'CODE_FIRST' order by owner, seq", rs -> {
                    java.util.regex.Matcher m = NOTED_CODE.matcher(rs.getString(2));
                    while (m.find()) {
                        List<String> codes = byOwner.computeIfAbsent(rs.getString(1), o -> new java.util.ArrayList<>());
                        if (!codes.contains(m.group(1))) {
                            codes.add(m.group(1));
                        }
                    }
                }, tabular.id()));
        return byOwner;
    }

    /** A code a Tabular note names in parentheses: "Code first COVID-19 (U07.1)". */
    private static final java.util.regex.Pattern NOTED_CODE = java.util.regex.Pattern.compile("\\(([A-Z][0-9][0-9A-Z](?:\\.[0-9A-Z]{1,4})?)\\)");

    /** ICD-10-PCS tables of the nearest tables release at or before {@code codes}, with the names of their first three characters. */
    public List<PcsTableHeading> pcsTables(Release codes) {
        Optional<Release> tables = codes.has("tables") ? Optional.of(codes) : releaseInForce(CodeSystem.ICD10PCS, codes.effectiveFrom(), "tables");
        if (tables.isEmpty()) {
            return List.of();
        }
        java.util.Map<String, String[]> byTable = new java.util.LinkedHashMap<>();
        jdbc.query("select table_code, position, value_text from catalog_pcs_axis_value where release_id = ? and row_no = 0"
                + " order by table_code, position", rs -> {
            byTable.computeIfAbsent(rs.getString(1), t -> new String[3])[rs.getInt(2) - 1] = rs.getString(3);
        }, tables.get().id());
        return byTable.entrySet().stream().map(e -> new PcsTableHeading(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                tables.get().label())).toList();
    }

    /** A PCS table by its three characters: section, body system and root operation (or their equivalents), by name. */
    public record PcsTableHeading(String code, String section, String bodySystem, String operation, String source) { }

    /** A chapter or section of the ICD-10-CM tabular; {@code source} is the release it is read from. */
    public record Heading(String id, String kind, String title, String parentId, String firstCode, String lastCode, String source) {

        public boolean contains(String category) {
            return firstCode != null && lastCode != null
                    && category.compareTo(firstCode) >= 0 && category.substring(0, 3).compareTo(lastCode) <= 0;
        }
    }

    /** The release whose tabular gives the notes for codes of {@code codes}: itself, or the nearest older one with a tabular. */
    Optional<Release> tabularFor(Release codes) {
        if (codes.has("tabular")) {
            return Optional.of(codes);
        }
        return releaseInForce(codes.system(), codes.effectiveFrom(), "tabular");
    }

    static RowMapper<CodeSummary> summary(CodeSystem system) {
        return (rs, i) -> new CodeSummary(system, rs.getString("code"), rs.getString("display_code"),
                rs.getString("long_desc"), rs.getBoolean("billable"));
    }

    private static Release release(ResultSet rs, int i) throws SQLException {
        return new Release(rs.getLong("id"), CodeSystem.ofSlug(rs.getString("code_system")).orElseThrow(), rs.getString("version"),
                rs.getString("label"), rs.getObject("effective_from", LocalDate.class),
                java.util.Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(rs.getString("contents").split(",")))),
                rs.getTimestamp("imported_at").toInstant());
    }
}
