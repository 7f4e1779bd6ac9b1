package org.codedesk.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the search documents of one release with codes. Index and table entries come from the newest index
 * release before the next code release (FY2017's alphabetic index for FY2026 codes, here); codes the index
 * printed that are not in this release are mapped forward: to the codes the CDC conversion tables list in their
 * place, else to the codes they were expanded into, else to their nearest ancestor that still exists.
 */
final class SearchDocumentReader {

    private static final Map<String, String> INDEX_CONTENT = Map.of("INDEX", "index", "EXTERNAL_CAUSE", "external-cause-index",
            "DRUG", "drug-table", "NEOPLASM", "neoplasm-table", "PCS", "index");
    private static final Map<String, String> INDEX_NAMES = Map.of("INDEX", "Alphabetic Index", "EXTERNAL_CAUSE", "External Cause Index",
            "DRUG", "Table of Drugs and Chemicals", "NEOPLASM", "Neoplasm Table", "PCS", "ICD-10-PCS Index");

    private record Row(String key, String code, String kind, boolean billable, String title, String shortTitle, String heading) { }

    private final JdbcTemplate jdbc;
    private final Catalog catalog;

    SearchDocumentReader(JdbcTemplate jdbc, Catalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    List<SearchDocument> read(Release release) {
        CodeSystem system = release.system();
        Map<String, Row> rows = new LinkedHashMap<>();
        jdbc.query("select code, display_code, kind, billable, long_desc, short_desc, heading_id from catalog_code where release_id = ?"
                + " order by sort_order", rs -> {
            rows.put(rs.getString(1), new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
                    rs.getString(6), rs.getString(7)));
        }, release.id());
        Map<String, List<String>> inclusions = new HashMap<>();
        Map<String, String[]> sections = new HashMap<>();
        if (system == CodeSystem.ICD10CM) {
            catalog.tabularFor(release).ifPresent(tabular -> {
                jdbc.query("select owner, text from catalog_note where release_id = ? and kind = 'INCLUSION_TERM'",
                        rs -> { inclusions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)); }, tabular.id());
                sections.putAll(sectionsOfCategories(release, rows.keySet()));
            });
        }
        Map<String, String> titles = new HashMap<>();
        rows.values().forEach(r -> titles.put(r.key(), r.title()));
        Map<String, List<SearchDocument.IndexPath>> paths = indexPaths(release, titles);
        List<SearchDocument> documents = new ArrayList<>(rows.size());
        for (Row row : rows.values()) {
            String[] section = sections.getOrDefault(row.key().substring(0, Math.min(3, row.key().length())), new String[2]);
            documents.add(new SearchDocument(system, row.key(), row.code(), row.kind(), row.billable(), row.title(), row.shortTitle(),
                    section[0], section[1], inclusions.getOrDefault(row.key(), List.of()), paths.getOrDefault(row.key(), List.of())));
        }
        return documents;
    }

    /** Category key to {chapter id, section id}, from the tabular release's section ranges. */
    private Map<String, String[]> sectionsOfCategories(Release release, Set<String> keys) {
        List<Catalog.Heading> headings = catalog.headings(release);
        Map<String, String[]> result = new HashMap<>();
        for (String key : keys) {
            String category = key.substring(0, Math.min(3, key.length()));
            result.computeIfAbsent(category, c -> headings.stream().filter(h -> h.kind().equals("section") && h.contains(c)).findFirst()
                    .map(h -> new String[] {h.parentId(), h.id()}).orElse(new String[2]));
        }
        return result;
    }

    /** {@code titles}: the release's codes (keys) and their titles. */
    private Map<String, List<SearchDocument.IndexPath>> indexPaths(Release release, Map<String, String> titles) {
        Set<String> keys = titles.keySet();
        Map<String, List<SearchDocument.IndexPath>> result = new HashMap<>();
        if (release.system() != CodeSystem.ICD10CM && release.system() != CodeSystem.ICD10PCS) {
            return result;
        }
        Optional<Release> next = catalog.releases(release.system()).stream()
                .filter(r -> r.has("codes") && r.effectiveFrom().isAfter(release.effectiveFrom())).findFirst();
        java.time.LocalDate until = next.map(r -> r.effectiveFrom().minusDays(1)).orElse(java.time.LocalDate.of(9999, 1, 1));
        Forward forward = new Forward(keys);
        for (var entry : INDEX_CONTENT.entrySet()) {
            String kind = entry.getKey();
            if ((release.system() == CodeSystem.ICD10PCS) != kind.equals("PCS")) {
                continue;
            }
            Optional<Release> index = catalog.releaseInForce(release.system(), until, entry.getValue());
            if (index.isEmpty()) {
                continue;
            }
            String label = index.get().label();
            Map<Integer, int[]> parents = new HashMap<>();
            Map<Integer, String> modifiers = new HashMap<>();
            Map<Integer, String[]> terms = new LinkedHashMap<>();
            SeeRoutes routes = new SeeRoutes();
            jdbc.query("select id, parent_id, nonessential, path, coalesce(code, see_code), title, see, use_term from catalog_index_term"
                    + " where release_id = ? and index_kind = ?", rs -> {
                int id = rs.getInt(1);
                parents.put(id, new int[] {rs.getInt(2)});
                if (rs.getString(3) != null) {
                    modifiers.put(id, rs.getString(3));
                }
                // a PCS "use" names the table it leads to in brackets: "Radioactive Element, ... in [00H]"
                String code = rs.getString(5) != null ? rs.getString(5) : useCode(rs.getString(8));
                terms.put(id, new String[] {rs.getString(4), code});
                routes.add(new SeeRoutes.Term(id, rs.getInt(2), rs.getString(6), code, rs.getString(7)));
            }, index.get().id(), kind);
            for (var term : terms.entrySet()) {
                // an entry that only says "see ..." leads where its reference leads, as the coder reading it goes on
                List<SeeRoutes.Term> destinations = term.getValue()[1] == null ? routes.destinations(term.getKey()) : List.of();
                if (destinations.isEmpty() && term.getValue()[1] != null) {
                    add(result, forward, term.getValue()[1], new SearchDocument.IndexPath(INDEX_NAMES.get(kind), term.getValue()[0],
                            modifiersAlong(term.getKey(), parents, modifiers), null, null, label), List.of(), titles);
                }
                for (SeeRoutes.Term destination : destinations) {
                    add(result, forward, destination.code(), new SearchDocument.IndexPath(INDEX_NAMES.get(kind), term.getValue()[0],
                            modifiersAlong(term.getKey(), parents, modifiers), null, null, label),
                            SeeRoutes.forms(destination.title()), titles);
                }
            }
            jdbc.query("select term_id, heading, code from catalog_index_cell where release_id = ? and index_kind = ? and code is not null",
                    rs -> { add(result, forward, rs.getString(3), new SearchDocument.IndexPath(INDEX_NAMES.get(kind),
                            terms.get(rs.getInt(1))[0], modifiersAlong(rs.getInt(1), parents, modifiers), rs.getString(2), null, label),
                            List.of(), titles); },
                    index.get().id(), kind);
        }
        return result;
    }

    private static final java.util.regex.Pattern USE_CODE = java.util.regex.Pattern.compile("\\[([0-9A-Z]{3,7})]$");

    /** The table or code a PCS "use" reference ends with, or null. */
    private static String useCode(String use) {
        if (use == null) {
            return null;
        }
        java.util.regex.Matcher m = USE_CODE.matcher(use);
        return m.find() ? m.group(1) : null;
    }

    /** The nonessential modifiers of a term and of every term above it, in path order. */
    private static String modifiersAlong(int id, Map<Integer, int[]> parents, Map<Integer, String> modifiers) {
        List<String> found = new ArrayList<>();
        for (int current = id; current != 0 && parents.containsKey(current); current = parents.get(current)[0]) {
            if (modifiers.containsKey(current)) {
                found.add(0, modifiers.get(current));
            }
        }
        return found.isEmpty() ? null : String.join(" ", found);
    }

    /**
     * Gives {@code path} to the code(s) {@code printed} stands for. {@code namedBy}: the forms of the term a "see" route
     * ended at ("lower limb" for "Cellulitis > leg - see Cellulitis, lower limb L03.11-"): a dash code is then completed
     * only by the codes whose title names it (L03.115, L03.116, not the axilla), when any does.
     */
    private static void add(Map<String, List<SearchDocument.IndexPath>> result, Forward forward, String printed, SearchDocument.IndexPath path,
            List<String> namedBy, Map<String, String> titles) {
        String key = printed.replace("-", "").replace(".", "");
        List<String> targets = forward.map(key);
        for (String target : targets) {
            SearchDocument.IndexPath mapped = target.equals(key) ? path
                    : new SearchDocument.IndexPath(path.index(), path.path(), path.modifiers(), path.column(), printed, path.release());
            result.computeIfAbsent(target, k -> new ArrayList<>()).add(mapped);
        }
        // "Otitis, media H66.9-", "Ulcer, pressure, stage 3, elbow L89.0-": the book sends the coder to the codes below
        // to complete it (the side, the stage), so they are reached by this path too, marked as completions
        List<String> completed = printed.endsWith("-") && targets.equals(List.of(key)) ? forward.leavesBelow(key) : List.of();
        List<String> named = completed.stream().filter(code -> names(titles.get(code), namedBy)).toList();
        if (!named.isEmpty()) {
            completed = named;
        }
        SearchDocument.IndexPath completion = new SearchDocument.IndexPath(path.index(), path.path(), path.modifiers(), path.column(),
                printed, path.release());
        for (String code : completed) {
            result.computeIfAbsent(code, k -> new ArrayList<>()).add(completion);
        }
    }

    /** Whether a title holds one of the forms as whole words. */
    private static boolean names(String title, List<String> forms) {
        String text = " " + (title == null ? "" : title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", " ")) + " ";
        return forms.stream().anyMatch(form -> !form.isBlank() && text.contains(" " + form.replaceAll("[^a-z0-9]+", " ").trim() + " "));
    }

    /** Maps a code printed in an older index to codes of this release (see the class comment). */
    private final class Forward {

        /** A dash entry completed by more codes than this (a whole chapter of injuries) is left to the coder. */
        private static final int MAX_COMPLETIONS = 64;
        private final Set<String> keys;
        private final TreeSet<String> sorted;
        private final Map<String, List<String>> cache = new HashMap<>();

        private final Map<String, List<String>> replacedBy = new HashMap<>();
        private final List<String[]> ranges = new ArrayList<>();

        Forward(Set<String> keys) {
            this.keys = keys;
            this.sorted = new TreeSet<>(keys);
            // the conversion tables are small (a few thousand rows): read once rather than per index code
            jdbc.query("select previous_code, previous_to, current_code from catalog_code_conversion", rs -> {
                if (rs.getString(2) == null) {
                    replacedBy.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(3));
                } else {
                    ranges.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            });
        }

        List<String> map(String key) {
            return cache.computeIfAbsent(key, this::resolve);
        }

        /**
         * The complete codes below {@code key} (those with none below them: "L89.0-" under "stage 3 > elbow" is completed
         * by side and stage, L89.013 among them), none when there are more than {@link #MAX_COMPLETIONS}.
         */
        List<String> leavesBelow(String key) {
            List<String> below = List.copyOf(sorted.subSet(key, false, key + "\uffff", false));
            List<String> leaves = new ArrayList<>();
            for (int i = 0; i < below.size(); i++) {
                if (i + 1 == below.size() || !below.get(i + 1).startsWith(below.get(i))) {
                    leaves.add(below.get(i));
                }
            }
            return leaves.size() <= MAX_COMPLETIONS ? leaves : List.of();
        }

        private List<String> resolve(String key) {
            if (keys.contains(key)) {
                return List.of(key);
            }
            Set<String> candidates = new TreeSet<>(replacedBy.getOrDefault(key, List.of()));
            ranges.stream().filter(r -> key.compareTo(r[0]) >= 0 && key.compareTo(r[1]) <= 0).forEach(r -> candidates.add(r[2]));
            List<String> replaced = candidates.stream().filter(keys::contains).toList();
            if (!replaced.isEmpty()) {
                return replaced;
            }
            // Expanded: the shortest codes that start with it (its new subcodes, not their descendants)
            List<String> below = sorted.subSet(key, true, key + "\uffff", false).stream().toList();
            if (!below.isEmpty()) {
                int shortest = below.stream().mapToInt(String::length).min().orElseThrow();
                return below.stream().filter(k -> k.length() == shortest).toList();
            }
            for (int length = key.length() - 1; length >= 3; length--) {
                if (keys.contains(key.substring(0, length))) {
                    return List.of(key.substring(0, length));
                }
            }
            return List.of();
        }
    }
}
