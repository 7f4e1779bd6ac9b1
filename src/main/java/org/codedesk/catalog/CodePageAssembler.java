package org.codedesk.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.codedesk.catalog.CodePage.Attribute;
import org.codedesk.catalog.CodePage.Crumb;
import org.codedesk.catalog.CodePage.HistoryEvent;
import org.codedesk.catalog.CodePage.IndexEntry;
import org.codedesk.catalog.CodePage.Note;
import org.codedesk.catalog.CodePage.PcsCharacter;
import org.codedesk.catalog.CodePage.PcsTableView;
import org.codedesk.catalog.CodePage.SeventhCharacter;
import org.codedesk.catalog.source.hcpcs.HcpcsFieldMeanings;
import org.codedesk.catalog.source.icd10cm.NoteKind;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads one code's page from the release tables: hierarchy, inherited notes, 7th characters, PCS axes, history. */
final class CodePageAssembler {

    private record Row(String key, String display, String kind, boolean billable, String shortDesc, String longDesc,
                       String parent, String heading) { }

    /** Index entries read per index and code: far above any code's count in the official files (D69.0 has 36), a guard only. */
    static final int MAX_INDEX_ENTRIES = 2000;
    private static final Map<String, String> INDEX_NAMES = Map.of("INDEX", "Alphabetic Index", "EXTERNAL_CAUSE", "External Cause Index",
            "DRUG", "Table of Drugs and Chemicals", "NEOPLASM", "Neoplasm Table");

    private final JdbcTemplate jdbc;
    private final Catalog catalog;

    CodePageAssembler(JdbcTemplate jdbc, Catalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /**
     * The page of {@code key} in {@code release}; {@code all} is the release list the caller just read (every "which release
     * has the tabular, the index, the tables in force" is answered from it, not from the database again).
     */
    Optional<CodePage> page(CodeSystem system, Release release, String key, LocalDate date, List<Release> all) {
        Releases releases = new Releases(all);
        Map<String, Row> lineage = lineage(release.id(), key);
        Row row = lineage.get(key);
        if (row == null) {
            return Optional.empty();
        }
        List<Row> ancestors = ancestors(release.id(), row, lineage);
        Optional<Release> tabular = system == CodeSystem.ICD10CM ? releases.tabularFor(release) : Optional.empty();
        List<Crumb> breadcrumb = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        List<SeventhCharacter> sevenths = new ArrayList<>();
        String[] seventhSource = {null};
        if (tabular.isPresent()) {
            headingChain(tabular.get(), ancestors.isEmpty() ? row : ancestors.get(ancestors.size() - 1))
                    .forEach(h -> breadcrumb.add(new Crumb((h.kind().equals("chapter") ? "Chapter " : "") + h.id().substring(h.id().indexOf(':') + 1), h.title(),
                            "/browse/icd10cm/" + h.id().replace(':', '/'))));
            notes.addAll(notes(releases, tabular.get(), row, ancestors, breadcrumb));
            sevenths.addAll(sevenths(system, release, tabular.get(), row, ancestors, seventhSource));
        }
        if (system == CodeSystem.HCPCS || system == CodeSystem.CPT) {
            String group = key.length() == 2 ? "modifiers" : key.substring(0, 1);
            breadcrumb.add(new Crumb(group.equals("modifiers") ? "Modifiers" : group + " codes", null,
                    "/browse/" + system.slug() + "/" + group));
        }
        for (int i = ancestors.size() - 1; i >= 0; i--) {
            Row a = ancestors.get(i);
            breadcrumb.add(new Crumb(a.display(), a.longDesc(), "/codes/" + system.slug() + "/" + a.display()));
        }
        List<CodeSummary> children = catalog.children(system, release, key);
        List<CodeSummary> descendants = List.of();
        int descendantCount = 0;
        if (!row.billable()) {
            Object[] args = CodeKeys.args(release.id(), CodeKeys.startsWith(key));
            descendantCount = jdbc.queryForObject("select count(*) from catalog_code where release_id = ? and " + CodeKeys.STARTS_WITH
                    + " and billable = true", Integer.class, args);
            descendants = jdbc.query("select * from catalog_code where release_id = ? and " + CodeKeys.STARTS_WITH
                    + " and billable = true order by sort_order fetch first 100 rows only", Catalog.summary(system), args);
        }
        List<PcsCharacter> pcsCharacters = List.of();
        List<CodePage.PcsDefinition> pcsDefinitions = List.of();
        PcsTableView pcsTable = null;
        if (system == CodeSystem.ICD10PCS) {
            Optional<Release> tables = release.has("tables") ? Optional.of(release)
                    : releases.inForce(system, release.effectiveFrom(), "tables");
            if (tables.isPresent() && key.length() >= 3) {
                pcsTable = pcsTable(tables.get(), key.substring(0, 3));
                pcsCharacters = pcsCharacters(pcsTable, key);
            }
            Optional<Release> definitions = release.has("definitions") ? Optional.of(release)
                    : releases.inForce(system, release.effectiveFrom(), "definitions");
            if (definitions.isPresent()) {
                pcsDefinitions = pcsDefinitions(definitions.get(), key, pcsCharacters);
            }
        }
        List<String> noteGaps = tabular.map(t -> noteGaps(t, row, ancestors)).orElse(List.of());
        List<Attribute> attributes = system == CodeSystem.HCPCS ? attributes(release.id(), key) : List.of();
        return Optional.of(new CodePage(system, release, key, row.display(), row.kind(), row.billable(), row.shortDesc(),
                system == CodeSystem.CPT || isCptInHcpcsFile(system, key) ? cptSafe(system, row.longDesc()) : row.longDesc(),
                system == CodeSystem.CPT, breadcrumb, children, descendants, descendantCount, notes, tabular.orElse(null),
                sevenths, seventhSource[0], pcsCharacters, pcsTable, pcsDefinitions, attributes, indexEntries(releases, system, release, key, date),
                history(releases, system, key), noteGaps, Catalog.currency(system, date, releases.inForce(system, date, "codes")), null));
    }

    /**
     * The pages of every code of one PCS table with only the facts its plain-language explanation and check read (code, kind,
     * title, the characters and their definitions; no hierarchy, index or history): the table and the definitions read once,
     * so that a check over all 80,000 PCS codes takes minutes, not the hour full pages take.
     */
    List<CodePage> pcsCharacterPages(Release release, String tableCode, List<Release> all) {
        Releases releases = new Releases(all);
        Optional<Release> tables = release.has("tables") ? Optional.of(release) : releases.inForce(CodeSystem.ICD10PCS, release.effectiveFrom(), "tables");
        Optional<Release> definitions = release.has("definitions") ? Optional.of(release)
                : releases.inForce(CodeSystem.ICD10PCS, release.effectiveFrom(), "definitions");
        PcsTableView table = tables.map(t -> pcsTable(t, tableCode)).orElse(null);
        List<CodePage> result = new ArrayList<>();
        jdbc.query("select * from catalog_code where release_id = ? and " + CodeKeys.STARTS_WITH + " order by sort_order", rs -> {
            Row row = ROW.mapRow(rs, 0);
            List<PcsCharacter> characters = pcsCharacters(table, row.key());
            List<CodePage.PcsDefinition> defs = definitions.map(d -> pcsDefinitions(d, row.key(), characters)).orElse(List.of());
            result.add(new CodePage(CodeSystem.ICD10PCS, release, row.key(), row.display(), row.kind(), row.billable(), row.shortDesc(),
                    row.longDesc(), false, List.of(), List.of(), List.of(), 0, List.of(), null, List.of(), null, characters, table, defs,
                    List.of(), List.of(), List.of(), List.of(), null, null));
        }, CodeKeys.args(release.id(), CodeKeys.startsWith(tableCode)));
        return result;
    }

    /** CPT text shown only from the licensed CPT release; the CPT system's own rows are that release. */
    private static String cptSafe(CodeSystem system, String text) {
        return system == CodeSystem.CPT ? text : null;
    }

    private static boolean isCptInHcpcsFile(CodeSystem system, String key) {
        return system == CodeSystem.HCPCS && CodeSystem.isCptCode(key);
    }

    private static final org.springframework.jdbc.core.RowMapper<Row> ROW = (rs, i) -> new Row(rs.getString("code"),
            rs.getString("display_code"), rs.getString("kind"), rs.getBoolean("billable"), rs.getString("short_desc"),
            rs.getString("long_desc"), rs.getString("parent_code"), rs.getString("heading_id"));

    private Optional<Row> row(long releaseId, String key) {
        return jdbc.query("select * from catalog_code where release_id = ? and code = ?", ROW, releaseId, key).stream().findFirst();
    }

    /**
     * The code's row and those of every code its key starts with, in one statement: in the official files a parent's key
     * is a prefix of its child's (S72.001A, S72.001, S72.00, S72.0, S72), so this is the whole lineage in one read.
     */
    private Map<String, Row> lineage(long releaseId, String key) {
        List<String> keys = new ArrayList<>();
        for (int length = Math.min(3, key.length()); length <= key.length(); length++) {
            keys.add(key.substring(0, length));
        }
        Map<String, Row> rows = new java.util.HashMap<>();
        jdbc.query("select * from catalog_code where " + keyed("code", keys.size()),
                rs -> { Row r = ROW.mapRow(rs, 0); rows.put(r.key(), r); }, keyedArgs(releaseId, keys));
        return rows;
    }

    /** Parent, grandparent... up to the top-level code (nearest first); a parent that is not a prefix is read on its own. */
    private List<Row> ancestors(long releaseId, Row row, Map<String, Row> lineage) {
        List<Row> result = new ArrayList<>();
        Row current = row;
        while (current.parent() != null && result.size() < 10) {
            Row parent = lineage.containsKey(current.parent()) ? lineage.get(current.parent()) : row(releaseId, current.parent()).orElse(null);
            if (parent == null) {
                break;
            }
            current = parent;
            result.add(current);
        }
        return result;
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /**
     * "(release_id, column) in ((?, ?), ...)": several keys of one release in one statement. Written as row values because
     * H2 does not use the (release_id, column) index for "release_id = ? and column in (...)" and scans instead (tens of
     * milliseconds on the full data, against a tenth of one this way); PostgreSQL plans both on the index.
     */
    private static String keyed(String column, int count) {
        return "(release_id, " + column + ") in (" + String.join(", ", Collections.nCopies(count, "(?, ?)")) + ")";
    }

    private static Object[] keyedArgs(long releaseId, List<String> keys) {
        List<Object> args = new ArrayList<>();
        keys.forEach(k -> { args.add(releaseId); args.add(k); });
        return args.toArray();
    }

    /** The release list a page is assembled against: which release holds the tabular, the index, the tables on a date. */
    private record Releases(List<Release> all) {

        Optional<Release> inForce(CodeSystem system, LocalDate date, String content) {
            // the list is in effective order (Catalog.releases()): the last one that qualifies, as Catalog.releaseInForce
            return all.stream().filter(r -> r.system() == system && r.has(content) && !r.effectiveFrom().isAfter(date))
                    .reduce((a, b) -> b);
        }

        Optional<Release> tabularFor(Release codes) {
            return codes.has("tabular") ? Optional.of(codes) : inForce(codes.system(), codes.effectiveFrom(), "tabular");
        }

        List<Release> of(CodeSystem system) {
            return all.stream().filter(r -> r.system() == system).toList();
        }
    }

    /**
     * The definitions of a PCS section, by "position:term", read once per release and section: a few thousand rows that never
     * change once imported, where reading a code's five terms costs milliseconds (the term is not indexed).
     */
    private final Map<String, Map<String, List<CodePage.PcsDefinition>>> definitions = new java.util.concurrent.ConcurrentHashMap<>();

    private Map<String, List<CodePage.PcsDefinition>> definitions(Release release, String section) {
        String key = release.id() + "@" + release.importedAt() + ":" + section;
        Map<String, List<CodePage.PcsDefinition>> known = definitions.get(key);
        if (known == null) {
            if (definitions.size() > 256) {
                definitions.clear();
            }
            Map<String, List<CodePage.PcsDefinition>> read = new java.util.HashMap<>();
            jdbc.query("select position, term, axis_title, definition, explanation, includes from catalog_pcs_definition"
                    + " where release_id = ? and section_code = ?", rs -> {
                read.computeIfAbsent(rs.getInt(1) + ":" + rs.getString(2), k -> new ArrayList<>()).add(new CodePage.PcsDefinition(
                        rs.getString(3), rs.getString(2), rs.getString(4), rs.getString(5), rs.getString(6), release.label()));
            }, release.id(), section);
            known = Map.copyOf(read);
            definitions.put(key, known);
        }
        return known;
    }

    /** Headings of a tabular release, read once: they never change once imported (a re-import is a new import time). */
    private final Map<String, List<Catalog.Heading>> headings = new java.util.concurrent.ConcurrentHashMap<>();

    private List<Catalog.Heading> headings(Release tabular) {
        String key = tabular.id() + "@" + tabular.importedAt();
        List<Catalog.Heading> known = headings.get(key);
        if (known == null) {
            if (headings.size() > 64) {
                headings.clear(); // bounded: a handful of tabular releases exist at a time
            }
            known = catalog.headingsOf(tabular);
            headings.put(key, known);
        }
        return known;
    }

    /** Chapter and section above a top-level category, read from the tabular release (which may be older). */
    private List<Catalog.Heading> headingChain(Release tabular, Row top) {
        List<Catalog.Heading> headings = headings(tabular);
        Map<String, Catalog.Heading> byId = new LinkedHashMap<>();
        headings.forEach(h -> byId.put(h.id(), h));
        String headingId = top.heading();
        if (headingId == null) {
            headingId = row(tabular.id(), top.key()).map(Row::heading).orElse(null);
        }
        if (headingId == null) {
            String category = top.key().substring(0, Math.min(3, top.key().length()));
            headingId = headings.stream().filter(h -> h.kind().equals("section") && h.contains(category))
                    .map(Catalog.Heading::id).findFirst().orElse(null);
        }
        List<Catalog.Heading> chain = new ArrayList<>();
        for (Catalog.Heading h = byId.get(headingId); h != null; h = h.parentId() == null ? null : byId.get(h.parentId())) {
            chain.add(0, h);
        }
        return chain;
    }

    /**
     * Notes of the code and of everything above it in the tabular release, nearest first. For a code the
     * tabular release does not have (added later), notes start at its nearest ancestor that it has.
     */
    /**
     * The tabular a rebuilt one starts from (FY2017's XML here): its notes need no label, those an addenda changed say which.
     * The release itself when its tabular is an XML of its own.
     */
    private static Release tabularBase(Releases releases, Release tabular) {
        if (!tabular.has("tabular-rebuilt")) {
            return tabular;
        }
        return releases.of(tabular.system()).stream().filter(r -> r.has("tabular") && !r.has("tabular-rebuilt")
                && r.effectiveFrom().isBefore(tabular.effectiveFrom())).reduce((a, b) -> b).orElse(tabular);
    }

    private List<Note> notes(Releases releases, Release tabular, Row row, List<Row> ancestors, List<Crumb> headingCrumbs) {
        String baseline = tabularBase(releases, tabular).version();
        List<String[]> owners = new ArrayList<>();
        owners.add(new String[] {row.key(), row.display(), row.longDesc()});
        ancestors.forEach(a -> owners.add(new String[] {a.key(), a.display(), a.longDesc()}));
        for (int i = headingCrumbs.size() - 1; i >= 0; i--) {
            Crumb c = headingCrumbs.get(i);
            String id = c.url().substring("/browse/icd10cm/".length()).replace('/', ':');
            owners.add(new String[] {id, c.code(), c.title()});
        }
        // the notes of the code and of every owner above it in one statement, then taken owner by owner
        Map<String, List<Object[]>> byOwner = new java.util.HashMap<>();
        jdbc.query("select owner, kind, seq, text, lead_in, lead_in_seq, since from catalog_note where " + keyed("owner", owners.size())
                + " order by owner, seq", rs -> {
            byOwner.computeIfAbsent(rs.getString(1), o -> new ArrayList<>()).add(new Object[] {rs.getString(2), rs.getInt(3),
                    rs.getString(4), rs.getBoolean(5), rs.getInt(6), rs.getString(7)});
        }, keyedArgs(tabular.id(), owners.stream().map(o -> o[0]).toList()));
        List<Note> notes = new ArrayList<>();
        for (String[] owner : owners) {
            boolean inherited = !owner[0].equals(row.key());
            List<Note> own = new ArrayList<>();
            Map<String, List<String>> itemsOf = new java.util.HashMap<>(); // kind + lead-in seq -> its items, in order
            List<Object[]> rows = byOwner.getOrDefault(owner[0], List.of());
            java.util.Set<String> leadIns = new HashSet<>();
            rows.stream().filter(r -> (boolean) r[3]).forEach(r -> leadIns.add(r[0] + ":" + r[1]));
            for (Object[] r : rows) {
                String leadIn = r[0] + ":" + r[4];
                if ((int) r[4] > 0 && leadIns.contains(leadIn)) {
                    itemsOf.computeIfAbsent(leadIn, k -> new ArrayList<>()).add((String) r[2]);
                    continue;
                }
                NoteKind kind = NoteKind.valueOf((String) r[0]);
                String since = (String) r[5];
                own.add(new Note(kind.name(), kind.label(), (String) r[2], owner[1], owner[2], inherited,
                        itemsOf.computeIfAbsent(r[0] + ":" + r[1], k -> new ArrayList<>()),
                        since == null || since.equals(baseline) ? null : addendaLabel(since)));
            }
            own.sort(java.util.Comparator.comparing(n -> NoteKind.valueOf(n.kind()).ordinal())); // book order: inclusions first
            notes.addAll(own);
        }
        return notes;
    }

    /** "FY2023 addenda"; a mid-year update's "FY2022 April addenda". */
    private static String addendaLabel(String version) {
        if (version.matches("FY\\d{4}-\\d{2}")) {
            String month = java.time.Month.of(Integer.parseInt(version.substring(7))).getDisplayName(java.time.format.TextStyle.FULL,
                    java.util.Locale.ENGLISH);
            return version.substring(0, 6) + " " + month + " addenda";
        }
        return version + " addenda";
    }

    /** The addenda changes to the notes of the code or its ancestors that the import could not apply (see catalog_note_gap). */
    private List<String> noteGaps(Release tabular, Row row, List<Row> ancestors) {
        List<String> owners = new ArrayList<>();
        owners.add(row.key());
        ancestors.forEach(a -> owners.add(a.key()));
        return jdbc.query("select detail from catalog_note_gap where " + keyed("owner", owners.size()), (rs, i) -> rs.getString(1),
                keyedArgs(tabular.id(), owners));
    }

    private List<SeventhCharacter> sevenths(CodeSystem system, Release release, Release tabular, Row row, List<Row> ancestors,
                                            String[] source) {
        List<Row> chain = new ArrayList<>();
        chain.add(row);
        chain.addAll(ancestors);
        // the 7th characters defined anywhere on the chain in one statement; the nearest owner's apply
        Map<String, List<String[]>> byOwner = new java.util.HashMap<>();
        jdbc.query("select owner, seventh, meaning from catalog_seventh_character where " + keyed("owner", chain.size())
                + " order by owner, seventh", rs -> {
            byOwner.computeIfAbsent(rs.getString(1), o -> new ArrayList<>()).add(new String[] {rs.getString(2), rs.getString(3)});
        }, keyedArgs(tabular.id(), chain.stream().map(Row::key).toList()));
        for (Row owner : chain) {
            List<String[]> defs = byOwner.getOrDefault(owner.key(), List.of());
            if (defs.isEmpty()) {
                continue;
            }
            source[0] = owner.display();
            List<SeventhCharacter> result = new ArrayList<>();
            String stem = row.key().length() >= 7 ? row.key().substring(0, 6) : padded(row.key());
            List<String> completes = defs.stream().map(d -> stem + d[0]).toList();
            Set<String> existing = new HashSet<>(jdbc.queryForList("select code from catalog_code where " + keyed("code", completes.size()),
                    String.class, keyedArgs(release.id(), completes)));
            for (String[] def : defs) {
                String complete = stem + def[0];
                boolean exists = existing.contains(complete);
                boolean current = row.key().length() == 7 && row.key().endsWith(def[0]);
                result.add(new SeventhCharacter(def[0], def[1], exists ? system.display(complete) : null, current));
            }
            return result;
        }
        return List.of();
    }

    /** A code shorter than 6 characters takes X placeholders before its 7th character ("S72.8" + "A" is "S72.8XXA"). */
    private static String padded(String key) {
        StringBuilder b = new StringBuilder(key);
        while (b.length() < 6) {
            b.append('X');
        }
        return b.toString();
    }

    private PcsTableView pcsTable(Release release, String tableCode) {
        List<Object[]> values = jdbc.query("select row_no, position, axis_title, value_code, value_text, definition from catalog_pcs_axis_value"
                + " where release_id = ? and table_code = ? order by row_no, position", (rs, i) -> new Object[] {rs.getInt(1), rs.getInt(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)}, release.id(), tableCode);
        if (values.isEmpty()) {
            return null;
        }
        List<PcsCharacter> header = new ArrayList<>();
        Map<Integer, Map<Integer, List<PcsCharacter>>> rows = new LinkedHashMap<>();
        for (Object[] v : values) {
            PcsCharacter c = new PcsCharacter((Integer) v[1], (String) v[2], (String) v[3], (String) v[4]);
            if ((Integer) v[0] == 0) {
                header.add(c);
            } else {
                rows.computeIfAbsent((Integer) v[0], r -> new LinkedHashMap<>()).computeIfAbsent(c.position(), p -> new ArrayList<>()).add(c);
            }
        }
        List<List<List<PcsCharacter>>> grid = new ArrayList<>();
        rows.values().forEach(r -> grid.add(new ArrayList<>(r.values())));
        return new PcsTableView(tableCode, header, grid, release.label());
    }

    /** The meaning of each character of a PCS code, read from the row of its table that allows it. */
    private static List<PcsCharacter> pcsCharacters(PcsTableView table, String key) {
        if (table == null) {
            return List.of();
        }
        List<PcsCharacter> result = new ArrayList<>(table.header());
        if (key.length() < 7) {
            return result;
        }
        for (List<List<PcsCharacter>> row : table.rows()) {
            List<PcsCharacter> picked = new ArrayList<>();
            for (List<PcsCharacter> axis : row) {
                axis.stream().filter(c -> key.charAt(c.position() - 1) == c.value().charAt(0)).findFirst().ifPresent(picked::add);
            }
            if (picked.size() == 4) {
                result.addAll(picked);
                return result;
            }
        }
        return result;
    }

    /** The fields of a HCPCS record in the order of the record layout, each with its label and meaning. */
    /** Definitions of the values of a PCS code's characters, from the definitions file of its section. */
    private List<CodePage.PcsDefinition> pcsDefinitions(Release release, String key, List<PcsCharacter> characters) {
        Map<String, List<CodePage.PcsDefinition>> bySection = definitions(release, key.substring(0, 1));
        List<CodePage.PcsDefinition> result = new ArrayList<>();
        characters.stream().filter(c -> c.position() >= 3)
                .forEach(c -> result.addAll(bySection.getOrDefault(c.position() + ":" + c.meaning(), List.of())));
        return result;
    }

    private List<Attribute> attributes(long releaseId, String key) {
        Map<String, String> values = new LinkedHashMap<>();
        jdbc.query("select name, attr_value from catalog_code_attribute where release_id = ? and code = ?",
                rs -> { values.put(rs.getString(1), rs.getString(2)); }, releaseId, key);
        List<Attribute> result = new ArrayList<>();
        for (String name : HcpcsFieldMeanings.keys()) {
            if (values.containsKey(name)) {
                String value = values.get(name);
                String meaning = HcpcsFieldMeanings.meaning(name, value)
                        .orElse(value.matches("(19|20)\\d{6}") ? value.substring(0, 4) + "-" + value.substring(4, 6) + "-" + value.substring(6) : null);
                result.add(new Attribute(HcpcsFieldMeanings.label(name), value, meaning));
            }
        }
        return result;
    }

    private List<IndexEntry> indexEntries(Releases releases, CodeSystem system, Release release, String key, LocalDate date) {
        if (system == CodeSystem.ICD10PCS) {
            return pcsIndexEntries(releases, release, key);
        }
        if (system != CodeSystem.ICD10CM) {
            return List.of();
        }
        // the release in force for each index (its content, its kind); the four are one release as a rule, read with two
        // indexed queries
        List<String[]> indexes = List.of(new String[] {"index", "INDEX"}, new String[] {"external-cause-index", "EXTERNAL_CAUSE"},
                new String[] {"drug-table", "DRUG"}, new String[] {"neoplasm-table", "NEOPLASM"});
        Map<Release, List<String>> kindsOf = new LinkedHashMap<>();
        for (String[] index : indexes) {
            releases.inForce(system, date, index[0]).ifPresent(r -> kindsOf.computeIfAbsent(r, k -> new ArrayList<>()).add(index[1]));
        }
        Map<String, List<IndexEntry>> terms = new HashMap<>();
        Map<String, List<IndexEntry>> cells = new HashMap<>();
        kindsOf.forEach((r, wanted) -> {
            // every entry that leads to the code (the page shows the first ones and folds the rest); the bound only guards the page
            jdbc.query("select index_kind, path from catalog_index_term where release_id = ? and code = ? order by index_kind, id"
                    + " fetch first " + MAX_INDEX_ENTRIES * indexes.size() + " rows only", rs -> {
                if (wanted.contains(rs.getString(1))) {
                    terms.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new IndexEntry(INDEX_NAMES.get(rs.getString(1)), rs.getString(2), null, r.label()));
                }
            }, r.id(), key);
            jdbc.query("select c.index_kind, t.path, c.heading from catalog_index_cell c join catalog_index_term t"
                    + " on t.release_id = c.release_id and t.index_kind = c.index_kind and t.id = c.term_id"
                    + " where c.release_id = ? and c.code = ? order by c.index_kind, t.id fetch first " + MAX_INDEX_ENTRIES * indexes.size()
                    + " rows only", rs -> {
                if (wanted.contains(rs.getString(1))) {
                    cells.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new IndexEntry(INDEX_NAMES.get(rs.getString(1)), rs.getString(2), rs.getString(3), r.label()));
                }
            }, r.id(), key);
        });
        List<IndexEntry> entries = new ArrayList<>();
        for (String[] index : indexes) {
            String kind = index[1];
            List<IndexEntry> ofKind = terms.getOrDefault(kind, List.of());
            entries.addAll(ofKind.subList(0, Math.min(MAX_INDEX_ENTRIES, ofKind.size())));
            List<IndexEntry> cellsOfKind = cells.getOrDefault(kind, List.of());
            entries.addAll(cellsOfKind.subList(0, Math.min(MAX_INDEX_ENTRIES, cellsOfKind.size())));
        }
        return entries;
    }

    /** PCS index terms that lead to this code, its table or a partial code it starts with (the index names tables, not codes). */
    private List<IndexEntry> pcsIndexEntries(Releases releases, Release release, String key) {
        Optional<Release> index = release.has("index") ? Optional.of(release)
                : releases.inForce(CodeSystem.ICD10PCS, release.effectiveFrom(), "index");
        if (index.isEmpty() || key.length() < 3) {
            return List.of();
        }
        List<String> prefixes = new ArrayList<>();
        for (int length = 3; length <= key.length(); length++) {
            prefixes.add(key.substring(0, length));
        }
        // terms that name one of the prefixes, then terms that send the reader there; each on its index
        Map<String, IndexEntry> byTerm = new LinkedHashMap<>(); // by index kind and term id: a term found both ways once
        String label = index.get().label();
        for (String column : List.of("code", "see_code")) {
            jdbc.query("select index_kind, id, path, coalesce(code, see_code) from catalog_index_term where " + keyed(column, prefixes.size())
                    + " fetch first " + MAX_INDEX_ENTRIES + " rows only", rs -> {
                byTerm.putIfAbsent(rs.getString(1) + ":" + rs.getLong(2), new IndexEntry("PCS index", rs.getString(3), rs.getString(4), label));
            }, keyedArgs(index.get().id(), prefixes));
        }
        // the most specific first (the longest code), then by path
        return byTerm.values().stream().sorted(java.util.Comparator.comparing((IndexEntry e) -> -e.column().length())
                .thenComparing(IndexEntry::path)).limit(MAX_INDEX_ENTRIES).toList();
    }

    /**
     * The code's life across the releases with codes, each change with the release that made it: added, title revised,
     * header and billable in turn, deleted; then what the CDC conversion tables say of it (the code(s) it came from, the
     * codes that replaced it or took part of it). One query for the releases, one for the conversion tables.
     */
    private List<HistoryEvent> history(Releases all, CodeSystem system, String key) {
        List<HistoryEvent> events = new ArrayList<>();
        List<Release> releases = all.of(system).stream().filter(r -> r.has("codes")).toList();
        Map<Long, Object[]> rows = new java.util.HashMap<>();
        if (!releases.isEmpty()) {
            // one primary-key read per release with codes (a join on the code's own index is planned badly by H2 on the full data)
            List<Object> args = new ArrayList<>();
            releases.forEach(r -> { args.add(r.id()); args.add(key); });
            jdbc.query("select release_id, billable, long_desc from catalog_code where (release_id, code) in ("
                    + String.join(", ", Collections.nCopies(releases.size(), "(?, ?)")) + ")", rs -> {
                rows.put(rs.getLong(1), new Object[] {rs.getBoolean(2), rs.getString(3)});
            }, args.toArray());
        }
        Object[] previous = null;
        Release before = null;
        for (Release r : releases) {
            Object[] now = rows.get(r.id());
            if (now != null && previous == null) {
                events.add(before == null ? oldest(r, key)
                        : events.stream().anyMatch(e -> e.event().equals("DELETED"))
                        ? new HistoryEvent(r.label(), "NEW", "back after being absent from " + before.label())
                        : new HistoryEvent(r.label(), "NEW", "added: not in " + before.label() + ", the release before"));
            } else if (now == null && previous != null) {
                events.add(new HistoryEvent(r.label(), "DELETED", "not in this release; last in " + before.label()));
            } else if (now != null) {
                if ((boolean) previous[0] && !(boolean) now[0]) {
                    events.add(new HistoryEvent(r.label(), "HEADER", "became a header: from this release on, report a code below it"));
                } else if (!(boolean) previous[0] && (boolean) now[0]) {
                    events.add(new HistoryEvent(r.label(), "BILLABLE", "became billable: the codes below it were removed"));
                }
                if (now[1] != null && !now[1].equals(previous[1]) && system != CodeSystem.ICD10PCS) {
                    events.add(new HistoryEvent(r.label(), "REVISED", "title revised; before: " + previous[1]));
                }
            }
            previous = now;
            before = r;
        }
        if (system == CodeSystem.ICD10CM) {
            conversionHistory(system, key, releases, rows, events);
        }
        return Collections.unmodifiableList(events);
    }

    /** The first release imported: its order addenda (when imported) tell whether the code was new in it. */
    private HistoryEvent oldest(Release release, String key) {
        boolean added = !jdbc.queryForList("select action from catalog_code_change where release_id = ? and code = ? and action = 'Add'",
                String.class, release.id(), key).isEmpty();
        return added ? new HistoryEvent(release.label(), "NEW", "added in this release (its order-file addenda)")
                : new HistoryEvent(release.label(), "PRESENT", "in the oldest release imported here");
    }

    /**
     * What the conversion tables say: the previous code(s) of a new code (once, from the table that first lists it), and for
     * a code others were made from, whether they replaced it (it was deleted), subdivided it (it became a header) or took
     * part of it while it stayed valid (E11.A from E11.9 in FY2026: E11.9 is still a code).
     */
    private void conversionHistory(CodeSystem system, String key, List<Release> releases, Map<Long, Object[]> rows, List<HistoryEvent> events) {
        Set<String> from = new HashSet<>();
        jdbc.query("select r.label, c.previous_text, c.effective_date from catalog_code_conversion c join catalog_release r"
                + " on r.id = c.release_id where c.current_code = ? order by r.effective_from", rs -> {
            if (from.add(rs.getString(2))) {
                events.add(new HistoryEvent(rs.getString(1), "CONVERTED_FROM", "before it, coded as: " + rs.getString(2)
                        + (rs.getDate(3) == null ? "" : "; effective " + rs.getDate(3).toLocalDate()) + " (CDC conversion table)"));
            }
        }, key);
        Map<LocalDate, java.util.TreeSet<String>> byDate = new java.util.TreeMap<>();
        Map<LocalDate, String> tableOf = new java.util.HashMap<>();
        for (Catalog.Conversion c : catalog.conversionsFrom(key)) {
            LocalDate date = c.effectiveDate() == null ? c.effectiveFrom() : c.effectiveDate().toLocalDate();
            byDate.computeIfAbsent(date, d -> new java.util.TreeSet<>()).add(system.display(c.currentCode()));
            tableOf.putIfAbsent(date, c.release());
        }
        for (var change : byDate.entrySet()) {
            Release inForce = releases.stream().filter(r -> !r.effectiveFrom().isAfter(change.getKey())).reduce((a, b) -> b).orElse(null);
            Object[] state = inForce == null ? null : rows.get(inForce.id());
            String codes = String.join(", ", change.getValue());
            String source = " (CDC conversion table, effective " + change.getKey() + ")";
            if (state == null) {
                events.add(new HistoryEvent(tableOf.get(change.getKey()), "REPLACED_BY", "replaced by " + codes + source));
            } else if (!(boolean) state[0]) {
                events.add(new HistoryEvent(tableOf.get(change.getKey()), "SUBDIVIDED", "subdivided into " + codes + source));
            } else {
                events.add(new HistoryEvent(tableOf.get(change.getKey()), "PART_MOVED", "still a valid code; conditions once coded here"
                        + " now have their own code: " + codes + source));
            }
        }
    }
}
