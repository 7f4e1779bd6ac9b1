package org.codedesk.edits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.codedesk.catalog.Currency;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * The edits module's read API: which release of each table is in force on a date of service, and the PTP
 * edits, MUEs, add-on code edits, fee schedule facts, GEMs and places of service it holds. Every answer
 * carries the release it came from. Thread-safe; reads only immutable release rows.
 */
@Service
public class Edits {

    private final JdbcTemplate jdbc;
    private final Indicators indicators = new Indicators();
    // release rows never change after import: a release's pair index is built once and kept by its id
    private final Map<Long, PtpPairIndex> pairIndexes = new java.util.concurrent.ConcurrentHashMap<>();

    Edits(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<EditsRelease> releases() {
        return jdbc.query("select * from edits_release order by dataset, effective_from", Edits::release);
    }

    /** The newest release of the dataset that took effect on or before the date. */
    public Optional<EditsRelease> inForce(Dataset dataset, LocalDate date) {
        return jdbc.query("select * from edits_release where dataset = ? and effective_from <= ? order by effective_from desc"
                + " fetch first 1 rows only", Edits::release, dataset.name(), date).stream().findFirst();
    }

    /** The release in force on the date that still covers it (see {@link EditsRelease#covers}): what a check may rely on. */
    public Optional<EditsRelease> current(Dataset dataset, LocalDate date) {
        return inForce(dataset, date).filter(r -> r.covers(date));
    }

    /**
     * Whether the table in force on the date is imported, or which older one answers (the product's one rule and sentence,
     * see {@link Currency}).
     */
    public Currency currency(Dataset dataset, LocalDate date) {
        Optional<EditsRelease> shown = inForce(dataset, date);
        return Currency.of(dataset.title(), dataset.cycle(), date, shown.map(EditsRelease::version).orElse(null),
                shown.map(EditsRelease::effectiveFrom).orElse(null));
    }

    /** Why no release of the dataset answers for the date, in one sentence: none imported, none yet, or only an older one. */
    public String notImported(Dataset dataset, LocalDate date) {
        Optional<EditsRelease> older = inForce(dataset, date);
        if (older.isPresent()) {
            return "No " + dataset.title() + " for " + date + " is imported: the newest, " + older.get().version() + " (effective "
                    + older.get().effectiveFrom() + "), covers " + (dataset.monthsCovered() == 12 ? "its year" : "its quarter") + " only.";
        }
        List<EditsRelease> any = releases(dataset);
        return "No " + dataset.title() + " in force on " + date + " is imported"
                + (any.isEmpty() ? "." : " (the earliest imported takes effect " + any.get(0).effectiveFrom() + ").");
    }

    /** The release in force on the date for every dataset that has one, from one query (a claim check needs several). */
    public Map<Dataset, EditsRelease> inForce(LocalDate date) {
        Map<Dataset, EditsRelease> result = new java.util.EnumMap<>(Dataset.class);
        for (EditsRelease r : releases()) { // ordered by effective date: the last one on or before the date wins
            if (!r.effectiveFrom().isAfter(date)) {
                result.put(r.dataset(), r);
            }
        }
        return result;
    }

    /** The newest release of the dataset, whatever its date (GEMs and the POS list are not tied to a date). */
    public Optional<EditsRelease> latest(Dataset dataset) {
        return jdbc.query("select * from edits_release where dataset = ? order by effective_from desc fetch first 1 rows only",
                Edits::release, dataset.name()).stream().findFirst();
    }

    /** Whether any release of the dataset is imported at all (to tell "nothing loaded" from "not in force yet"). */
    public List<EditsRelease> releases(Dataset dataset) {
        return jdbc.query("select * from edits_release where dataset = ? order by effective_from", Edits::release, dataset.name());
    }

    /** Everything the edit tables in force on the date say about one CPT/HCPCS code (payment in a locality when one is given). */
    public CodeEdits codeEdits(String code, LocalDate date, Optional<Locality> locality) {
        List<CodeEdits.PtpTable> ptp = new ArrayList<>();
        List<CodeEdits.MueEntry> mue = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            setting.ptp().ifPresent(dataset -> ptp.add(inForce(dataset, date)
                    .map(r -> new CodeEdits.PtpTable(setting, r, ptp(r, code, true, date), ptp(r, code, false, date), null))
                    .orElseGet(() -> new CodeEdits.PtpTable(setting, null, List.of(), List.of(), notImported(dataset, date)))));
            mue.add(inForce(setting.mue(), date).map(r -> new CodeEdits.MueEntry(setting, r, mue(r, setting, code).orElse(null), null))
                    .orElseGet(() -> new CodeEdits.MueEntry(setting, null, null, notImported(setting.mue(), date))));
        }
        Optional<EditsRelease> aoc = inForce(Dataset.ADD_ON, date);
        List<AddOnEdit> addOn = aoc.map(r -> addOns(r, List.of(code)).getOrDefault(code, List.of()).stream().filter(e -> e.activeOn(date)).toList())
                .orElse(List.of());
        List<AddOnEdit> ofPrimary = aoc.map(r -> addOnsOfPrimary(r, code, date)).orElse(List.of());
        Optional<EditsRelease> rvu = inForce(Dataset.PFS_RVU, date);
        List<FeeSchedule> fees = rvu.map(r -> fees(r, List.of(code), locality).getOrDefault(code, List.of())).orElse(List.of());
        List<String> stale = new ArrayList<>();
        for (Dataset dataset : List.of(Dataset.PTP_PRACTITIONER, Dataset.PTP_HOSPITAL, Dataset.MUE_PRACTITIONER, Dataset.MUE_HOSPITAL,
                Dataset.MUE_DME, Dataset.ADD_ON, Dataset.PFS_RVU)) {
            Currency currency = currency(dataset, date);
            if (currency.stale() && currency.shown() != null) { // a table never imported says so in its own place
                stale.add(currency.sentence());
            }
        }
        return new CodeEdits(code, date, ptp, mue, aoc.orElse(null), addOn, ofPrimary, aoc.isEmpty() ? notImported(Dataset.ADD_ON, date) : null,
                rvu.orElse(null), fees, rvu.isEmpty() ? notImported(Dataset.PFS_RVU, date) : null, stale);
    }

    /**
     * The public CMS facts of a CPT code on the date, for its plain-language explanation: the fee schedule indicators and the
     * MUEs only (two lookups per table, no PTP edits), so that a page or a check over every code stays cheap.
     */
    public org.codedesk.catalog.CptPublicFacts publicFacts(String code, LocalDate date) {
        List<CodeEdits.MueEntry> mue = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            inForce(setting.mue(), date).ifPresent(r -> mue.add(new CodeEdits.MueEntry(setting, r, mue(r, setting, code).orElse(null), null)));
        }
        List<FeeSchedule> fees = inForce(Dataset.PFS_RVU, date).map(r -> fees(r, List.of(code), Optional.empty()).getOrDefault(code, List.of()))
                .orElse(List.of());
        return PublicCptFacts.of(code, fees, mue);
    }

    // --- PTP ---

    /** PTP edits of the release where the code is column 1 ({@code asColumn1}) or column 2, active on the date. */
    public List<PtpEdit> ptp(EditsRelease release, String code, boolean asColumn1, LocalDate date) {
        String column = asColumn1 ? "column1" : "column2";
        return jdbc.query("select * from edits_ptp where release_id = ? and " + column + " = ? order by column1, column2",
                ptpRow(release), release.id(), code).stream().filter(e -> e.activeOn(date)).toList();
    }

    /**
     * Every PTP edit of the release between two of the given codes, either column order, any dates (the caller
     * decides which are active). Answered from the release's {@link PtpPairIndex}, built on first use.
     */
    public List<PtpEdit> ptpAmong(EditsRelease release, Collection<String> codes) {
        List<String> distinct = codes.stream().distinct().toList();
        if (distinct.size() < 2) {
            return List.of();
        }
        PtpPairIndex index = pairIndexes.computeIfAbsent(release.id(), id -> PtpPairIndex.load(jdbc, release));
        List<PtpEdit> found = new ArrayList<>();
        for (String column1 : distinct) {
            for (String column2 : distinct) {
                if (!column1.equals(column2) && column1.length() == 5 && column2.length() == 5) {
                    found.addAll(index.edits(column1, column2));
                }
            }
        }
        return found;
    }

    /** A re-imported release gets a new id: indexes of replaced releases are dropped. */
    @org.springframework.context.event.EventListener
    void on(EditsChanged changed) {
        pairIndexes.clear();
    }

    // --- MUE ---

    public Optional<MueLimit> mue(EditsRelease release, Setting setting, String code) {
        return mues(release, setting, List.of(code)).values().stream().findFirst();
    }

    public Map<String, MueLimit> mues(EditsRelease release, Setting setting, Collection<String> codes) {
        Map<String, MueLimit> result = new LinkedHashMap<>();
        if (codes.isEmpty()) {
            return result;
        }
        jdbc.query(unionByCode("select * from edits_mue where release_id = ? and code = ?", codes.size()), rs -> {
            int adjudication = rs.getInt("adjudication");
            result.put(rs.getString("code"), new MueLimit(rs.getString("code"), rs.getInt("mue_value"), adjudication,
                    rs.getString("adjudication_text"), indicators.words("mue_adjudication", String.valueOf(adjudication)),
                    rs.getString("rationale"), setting, release));
        }, pairs(release.id(), codes));
        return result;
    }

    // --- add-on codes ---

    /** Add-on code edits of the release for these add-on codes (all rows; the caller filters by date). */
    public Map<String, List<AddOnEdit>> addOns(EditsRelease release, Collection<String> codes) {
        Map<String, List<AddOnEdit>> result = new LinkedHashMap<>();
        if (codes.isEmpty()) {
            return result;
        }
        jdbc.query(unionByCode("select * from edits_add_on where release_id = ? and add_on_code = ?", codes.size()), rs -> {
            result.computeIfAbsent(rs.getString("add_on_code"), k -> new ArrayList<>()).add(new AddOnEdit(rs.getString("add_on_code"),
                    rs.getString("primary_code"), rs.getInt("edit_type"), rs.getObject("effective_date", LocalDate.class),
                    rs.getObject("deletion_date", LocalDate.class), rs.getString("note"), release));
        }, pairs(release.id(), codes));
        return result;
    }

    /** The add-on codes whose edits list {@code primary} as a primary code, active on the date (a few thousand rows: no index needed). */
    public List<AddOnEdit> addOnsOfPrimary(EditsRelease release, String primary, LocalDate date) {
        return jdbc.query("select * from edits_add_on where release_id = ? and primary_code = ? order by add_on_code", (rs, i) -> new AddOnEdit(
                rs.getString("add_on_code"), rs.getString("primary_code"), rs.getInt("edit_type"), rs.getObject("effective_date", LocalDate.class),
                rs.getObject("deletion_date", LocalDate.class), rs.getString("note"), release), release.id(), primary).stream()
                .filter(e -> e.activeOn(date)).toList();
    }

    public String addOnTypeWords(int type) {
        return indicators.words("aoc_edit_type", String.valueOf(type));
    }

    // --- fee schedule ---

    /**
     * Fee schedule rows of the codes in the release (global, -26, -TC...), with payment in a locality when one is given,
     * the OPPS imaging cap of the release's OPPSCAP file applied.
     */
    public Map<String, List<FeeSchedule>> fees(EditsRelease release, Collection<String> codes, Optional<Locality> locality) {
        Map<String, List<FeeSchedule>> result = new LinkedHashMap<>();
        if (codes.isEmpty()) {
            return result;
        }
        Optional<EditsRelease> capRelease = locality.isPresent() ? imagingCaps(release) : Optional.empty();
        Map<String, OppsCap> caps = capRelease.map(r -> oppsCaps(r, codes, locality.get())).orElse(Map.of());
        jdbc.query(unionByCode("select * from edits_rvu where release_id = ? and code = ?", codes.size()),
                rs -> { result.computeIfAbsent(rs.getString("code"), k -> new ArrayList<>()).add(fee(rs, release, locality, caps)); },
                pairs(release.id(), codes));
        result.values().forEach(rows -> rows.sort(java.util.Comparator.comparing(FeeSchedule::modifier)));
        return result;
    }

    /**
     * The OPPS imaging cap amounts (OPPSCAP) that came with a fee schedule release: the {@link Dataset#PFS_OPPS_CAP} release
     * of the same version, so an RVU file is never capped with another quarter's amounts.
     */
    public Optional<EditsRelease> imagingCaps(EditsRelease rvu) {
        return jdbc.query("select * from edits_release where dataset = ? and version = ?", Edits::release, Dataset.PFS_OPPS_CAP.name(),
                rvu.version()).stream().findFirst();
    }

    /** One OPPSCAP row: the capped amounts of a code and modifier in a locality, and the citation of where they came from. */
    private record OppsCap(BigDecimal facility, BigDecimal nonFacility, String file, String source) { }

    /** OPPSCAP rows of the codes for the locality, by code and modifier ("74263|TC"). */
    private Map<String, OppsCap> oppsCaps(EditsRelease caps, Collection<String> codes, Locality locality) {
        Map<String, OppsCap> result = new HashMap<>();
        String file = caps.files();
        String source = "CMS " + file + ", carrier " + locality.mac() + ", locality " + locality.number() + ": " + caps.citation();
        List<Object> args = new ArrayList<>();
        for (String code : codes) {
            args.addAll(List.of(caps.id(), code, locality.mac(), locality.number()));
        }
        jdbc.query(unionByCode("select * from edits_opps_cap where release_id = ? and code = ? and mac = ? and locality = ?", codes.size()),
                rs -> {
                    result.put(rs.getString("code") + "|" + rs.getString("modifier"), new OppsCap(rs.getBigDecimal("facility_price"),
                            rs.getBigDecimal("nonfacility_price"), file, source));
                }, args.toArray());
        return result;
    }

    /** Localities of the GPCI release in force on the date, with their counties when a locality file is imported. */
    public List<Locality> localities(LocalDate date) {
        Optional<EditsRelease> gpci = inForce(Dataset.PFS_GPCI, date).or(() -> latest(Dataset.PFS_GPCI));
        if (gpci.isEmpty()) {
            return List.of();
        }
        Map<String, String> counties = new HashMap<>();
        inForce(Dataset.PFS_LOCALITY, date).or(() -> latest(Dataset.PFS_LOCALITY)).ifPresent(r -> jdbc.query(
                "select mac, locality, area, counties from edits_locality where release_id = ?", rs -> {
                    counties.merge(rs.getString(1) + "-" + rs.getString(2), rs.getString(3).trim() + ": " + rs.getString(4).trim(),
                            (a, b) -> a + "; " + b);
                }, r.id()));
        EditsRelease release = gpci.get();
        return jdbc.query("select * from edits_gpci where release_id = ? order by state, locality_name", (rs, i) -> {
            String id = rs.getString("mac") + "-" + rs.getString("locality");
            return new Locality(id, rs.getString("mac"), rs.getString("state"), rs.getString("locality"), rs.getString("locality_name"),
                    rs.getBigDecimal("work"), rs.getBigDecimal("practice_expense"), rs.getBigDecimal("malpractice"),
                    counties.getOrDefault(id, ""), release);
        }, release.id());
    }

    public Optional<Locality> locality(LocalDate date, String id) {
        return id == null || id.isBlank() ? Optional.empty()
                : localities(date).stream().filter(l -> l.id().equalsIgnoreCase(id.trim())).findFirst();
    }

    private FeeSchedule fee(ResultSet rs, EditsRelease release, Optional<Locality> locality, Map<String, OppsCap> caps) throws SQLException {
        BigDecimal cf = rs.getBigDecimal("conversion_factor");
        BigDecimal work = rs.getBigDecimal("work");
        BigDecimal peNon = rs.getBigDecimal("pe_nonfacility");
        BigDecimal peFac = rs.getBigDecimal("pe_facility");
        BigDecimal mp = rs.getBigDecimal("malpractice");
        boolean nonNa = rs.getBoolean("nonfacility_na");
        boolean facNa = rs.getBoolean("facility_na");
        BigDecimal totalNon = rs.getBigDecimal("total_nonfacility");
        BigDecimal totalFac = rs.getBigDecimal("total_facility");
        boolean carrierPriced = "C".equals(rs.getString("status"));
        Optional<OppsCap> cap = Optional.ofNullable(caps.get(rs.getString("code") + "|" + rs.getString("modifier")));
        FeeSchedule.LocalityPayment payment = locality.map(l -> {
            String file = cap.map(OppsCap::file).orElse(null);
            String source = cap.map(OppsCap::source).orElse(null);
            PaymentArithmetic.Side non = PaymentArithmetic.side("non-facility", nonNa, carrierPriced, work, peNon, mp, l, cf,
                    cap.map(OppsCap::nonFacility), file, source);
            PaymentArithmetic.Side fac = PaymentArithmetic.side("facility", facNa, carrierPriced, work, peFac, mp, l, cf,
                    cap.map(OppsCap::facility), file, source);
            return new FeeSchedule.LocalityPayment(l, non.payment(), fac.payment(), non.arithmetic(), fac.arithmetic(), non.cap(), fac.cap());
        }).orElse(null);
        return new FeeSchedule(rs.getString("code"), rs.getString("modifier"), indicators.of("pfs_status", rs.getString("status")),
                work, peNon, nonNa, peFac, facNa, mp, totalNon, totalFac, cf,
                nonNa || totalNon.signum() == 0 ? null : totalNon.multiply(cf).setScale(2, RoundingMode.HALF_UP),
                facNa || totalFac.signum() == 0 ? null : totalFac.multiply(cf).setScale(2, RoundingMode.HALF_UP),
                indicators.of("pfs_global", rs.getString("global_days")), indicators.of("pfs_pctc", rs.getString("pctc")),
                indicators.of("pfs_mult_proc", rs.getString("mult_proc")), indicators.of("pfs_bilateral", rs.getString("bilateral")),
                indicators.of("pfs_assistant", rs.getString("assistant")), indicators.of("pfs_cosurgeon", rs.getString("co_surgeon")),
                indicators.of("pfs_team", rs.getString("team")), rs.getString("endo_base"), release, payment);
    }

    // --- GEMs ---

    /**
     * GEM lines where the code is the source ({@code bySource}) or the target, from the release in force on the
     * date (the newest one when the date is earlier than all).
     */
    public List<GemMapping> gems(Dataset direction, String code, boolean bySource, LocalDate date) {
        Optional<EditsRelease> release = gemRelease(direction, date);
        if (release.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select * from edits_gem where release_id = ? and " + (bySource ? "source_code" : "target_code") + " = ?"
                + " order by source_code, scenario, choice_list, target_code", (rs, i) -> {
            boolean approximate = rs.getBoolean("approximate");
            boolean noMap = rs.getBoolean("no_map");
            boolean combination = rs.getBoolean("combination");
            int scenario = rs.getInt("scenario");
            int choice = rs.getInt("choice_list");
            return new GemMapping(direction, rs.getString("source_code"), rs.getString("target_code"), approximate, noMap, combination,
                    scenario, choice, gemWords(approximate, noMap, combination, scenario, choice), release.get());
        }, release.get().id(), code);
    }

    private String gemWords(boolean approximate, boolean noMap, boolean combination, int scenario, int choice) {
        List<String> words = new ArrayList<>();
        if (noMap) {
            words.add(indicators.words("gem_flag", "no_map"));
        } else {
            words.add(approximate ? indicators.words("gem_flag", "approximate") : "Identical meaning (not approximate).");
        }
        if (combination) {
            words.add(indicators.words("gem_flag", "combination") + " Scenario " + scenario + ", choice list " + choice + ".");
        }
        return String.join(" ", words);
    }

    public Optional<EditsRelease> gemRelease(Dataset direction, LocalDate date) {
        return inForce(direction, date).or(() -> latest(direction));
    }

    // --- place of service ---

    public List<PlaceOfService> placesOfService() {
        return latest(Dataset.PLACE_OF_SERVICE).map(r -> jdbc.query("select * from edits_place_of_service where release_id = ? order by code",
                (rs, i) -> new PlaceOfService(rs.getString("code"), rs.getString("name"), rs.getString("description"), r), r.id()))
                .orElse(List.of());
    }

    /** Whether any imported edits table mentions the code (a claim line's code is then not "unknown"); indexed lookups only. */
    public boolean mentions(String code) {
        for (EditsRelease r : releases()) {
            String sql = switch (r.dataset()) {
                case MUE_PRACTITIONER, MUE_HOSPITAL, MUE_DME -> "select count(*) from edits_mue where release_id = ? and code = ?";
                case PFS_RVU -> "select count(*) from edits_rvu where release_id = ? and code = ?";
                case ADD_ON -> "select count(*) from edits_add_on where release_id = ? and add_on_code = ?";
                case PTP_PRACTITIONER, PTP_HOSPITAL -> "select count(*) from (select 1 from edits_ptp where release_id = ? and column1 = ?"
                        + " fetch first 1 rows only) x";
                default -> null;
            };
            if (sql != null && jdbc.queryForObject(sql, Integer.class, r.id(), code) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * One indexed lookup per code in a single statement ({@code union all}): databases do not all use a
     * composite index for {@code release_id = ? and code in (...)}, and a release can hold a million rows.
     */
    private static String unionByCode(String select, int n) {
        return String.join(" union all ", Collections.nCopies(n, select));
    }

    private static Object[] pairs(long releaseId, Collection<String> codes) {
        List<Object> args = new ArrayList<>(codes.size() * 2);
        for (String code : codes) {
            args.add(releaseId);
            args.add(code);
        }
        return args.toArray();
    }

    private RowMapper<PtpEdit> ptpRow(EditsRelease release) {
        return (rs, i) -> new PtpEdit(rs.getString("column1"), rs.getString("column2"), rs.getBoolean("prior_1996"),
                rs.getObject("effective_date", LocalDate.class), rs.getObject("deletion_date", LocalDate.class),
                ModifierIndicator.of(rs.getInt("modifier_indicator")), rs.getString("rationale"), release);
    }

    static EditsRelease release(ResultSet rs, int i) throws SQLException {
        return new EditsRelease(rs.getLong("id"), Dataset.valueOf(rs.getString("dataset")), rs.getString("version"), rs.getString("label"),
                rs.getObject("effective_from", LocalDate.class), rs.getString("files"), rs.getInt("row_count"),
                rs.getTimestamp("imported_at").toInstant());
    }

}
