package org.codedesk.casecoding.dictionary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.codedesk.casecoding.text.Assertion;
import org.codedesk.casecoding.text.ClinicalText;
import org.codedesk.casecoding.text.Stems;
import org.codedesk.catalog.SearchDocument;

/**
 * The coder's route through the Alphabetic Index and the tabular, made searchable in a note: every index path
 * ("Pneumonia > aspiration"), tabular title and inclusion term of a release becomes an entry whose words (stemmed,
 * filler removed, "Infarct, infarction" read as alternatives) must all occur close together in one sentence. In a
 * sentence, an entry that uses a subset of the words of a longer matching entry is dropped: the coder goes as deep
 * in the index as the documentation allows. Immutable and thread-safe once built.
 */
public final class IndexDictionary {

    public enum Source {
        INDEX("Alphabetic Index"), TITLE("Tabular title"), INCLUSION("Inclusion term");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** An entry: the code it leads to, the path as printed, and the word groups that must all be found. */
    public record Entry(int id, String code, String path, Source source, String[][] groups) { }

    /** Where an entry was found: the positions (word indexes) of its words and what the text asserts there. */
    public record Match(Entry entry, int sentence, int[] positions, Assertion assertion) {

        public int first() {
            return Arrays.stream(positions).min().orElse(0);
        }

        public int last() {
            return Arrays.stream(positions).max().orElse(0);
        }
    }

    /** An index entry under a main term ("History > personal > thrombosis"): the word groups of the levels below it. */
    public record Subentry(Entry entry, String[][] groups) { }

    /** A code of the release: its title and whether it may be reported as it stands. */
    public record Code(String code, String title, boolean billable) { }

    /**
     * A row of the Table of Drugs and Chemicals: its path ("Lithium > salts"), the nonessential modifiers printed along
     * it ("(carbonate)") and the code of each column it fills ("Underdosing" to "T43.596"; "--" columns are absent).
     */
    public record DrugRow(String path, String modifiers, Map<String, String> columns) {

        /** The main term ("Lithium", "Blockers, calcium channel"). */
        public String mainTerm() {
            int at = path.indexOf(" > ");
            return at < 0 ? path : path.substring(0, at);
        }
    }

    private final List<Entry> entries;
    private final Map<String, int[]> byAnchor;
    /** The word group of each entry (by id) that it is looked up by. */
    private final int[] anchorGroup;
    private final Map<String, Code> codes;
    private final Map<String, String> firstOfRow;
    private final java.util.NavigableMap<String, Code> sorted;
    private final Map<String, List<Subentry>> subentries = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<DrugRow> drugRows;

    private IndexDictionary(List<Entry> entries, Map<String, int[]> byAnchor, int[] anchorGroup, Map<String, Code> codes, List<DrugRow> drugRows) {
        this.drugRows = drugRows;
        this.entries = entries;
        this.byAnchor = byAnchor;
        this.anchorGroup = anchorGroup;
        this.codes = codes;
        this.firstOfRow = new HashMap<>();
        codes.keySet().stream().sorted().forEach(c -> firstOfRow.putIfAbsent(c.substring(0, Math.min(4, c.length())), c));
        this.sorted = new java.util.TreeMap<>(codes);
    }

    /** The billable codes under a header ("S93.49" gives S93.491A ... S93.499S), in code order. */
    public List<Code> billableUnder(String header) {
        List<Code> result = new ArrayList<>();
        for (Code c : sorted.tailMap(header, false).values()) {
            if (!c.code().startsWith(header)) {
                break;
            }
            if (c.billable()) {
                result.add(c);
            }
        }
        return result;
    }

    /**
     * The Alphabetic Index entries under a main term and level ("History > personal", "Status"), each with the words
     * of the levels below it: what a coder looks up once the note says "history of" or "status post".
     */
    public List<Subentry> subentries(String prefix) {
        return subentries.computeIfAbsent(prefix, p -> entries.stream()
                .filter(e -> e.source() == Source.INDEX && e.path().startsWith(p + " > "))
                .map(e -> new Subentry(e, indexGroups(cutAtWithout(e.path().substring(p.length() + 3)))))
                .filter(s -> s.groups().length > 0)
                .toList());
    }

    /** A dictionary of no release: matches nothing, knows no code. */
    public static IndexDictionary empty() {
        return new IndexDictionary(List.of(), Map.of(), new int[0], Map.of(), List.of());
    }

    /** The code as printed ("J69.0"), when the release has it. */
    public java.util.Optional<Code> code(String code) {
        return java.util.Optional.ofNullable(codes.get(code));
    }

    /** The rows of the Table of Drugs and Chemicals the release's codes are reached by (empty for ICD-10-PCS). */
    public List<DrugRow> drugRows() {
        return drugRows;
    }

    /** True when some code of the release starts with these four characters (an ICD-10-PCS table row). */
    public boolean hasRow(String prefix) {
        return prefix.length() == 4 && firstOfRow.containsKey(prefix);
    }

    /** The first code of a four-character row, to read the row's axes from. */
    public java.util.Optional<String> firstOfRow(String prefix) {
        return java.util.Optional.ofNullable(firstOfRow.get(prefix));
    }

    /** Builds the dictionary of one release: every code, header codes too (a suggestion says when one is not final). */
    public static IndexDictionary build(List<SearchDocument> documents) {
        return build(documents, List.of());
    }

    /**
     * Builds the dictionary of one release, the index's cross-references followed as a coder follows them: a term that
     * says "see X" leads to X and to every subterm below X ("Hernia > intervertebral cartilage or disc - see Displacement,
     * intervertebral disc" reaches "... > lumbar region > with > radiculopathy", M51.16), and a main term that says "see
     * also" a main term of the same root is a form of it ("Herniation, see also Hernia"). At most three references in a
     * row, and a target with more than {@value #MAX_FOLLOWED} entries below it is not copied (the coder chooses there).
     */
    public static IndexDictionary build(List<SearchDocument> documents, List<org.codedesk.catalog.Catalog.IndexReference> references) {
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, Code> codes = new HashMap<>();
        Map<String, DrugRow> drugs = new java.util.LinkedHashMap<>();
        for (SearchDocument doc : documents) {
            String title = doc.title() != null ? doc.title() : doc.shortTitle() != null ? doc.shortTitle() : "";
            codes.put(doc.code(), new Code(doc.code(), title, doc.billable()));
            for (SearchDocument.IndexPath path : doc.indexPaths()) {
                if (path.completes()) {
                    continue; // the case coder completes a dash code from the note itself (side, encounter)
                }
                if ("Alphabetic Index".equals(path.index()) || "ICD-10-PCS Index".equals(path.index())) {
                    add(entries, seen, doc.code(), path.path(), Source.INDEX, indexGroups(path.path()));
                    String abbreviated = abbreviated(path.path());
                    if (!abbreviated.equals(path.path())) {
                        add(entries, seen, doc.code(), path.path(), Source.INDEX, indexGroups(abbreviated));
                    }
                } else if ("Table of Drugs and Chemicals".equals(path.index()) && path.column() != null) {
                    drugs.computeIfAbsent(path.path(), p -> new DrugRow(p, path.modifiers() == null ? "" : path.modifiers(), new HashMap<>()))
                            .columns().put(path.column(), doc.code());
                } else if ("Neoplasm Table".equals(path.index()) && path.column() != null && NEOPLASM_COLUMNS.containsKey(path.column())) {
                    String[][] groups = neoplasmGroups(path.path(), NEOPLASM_COLUMNS.get(path.column()));
                    if (groups.length > 1) {
                        add(entries, seen, doc.code(), path.path() + " (" + path.column() + ")", Source.INDEX, groups);
                    }
                }
            }
            add(entries, seen, doc.code(), title, Source.TITLE, textGroups(cutAtWithout(title)));
            for (String inclusion : doc.inclusionTerms()) {
                add(entries, seen, doc.code(), inclusion, Source.INCLUSION, textGroups(cutAtWithout(inclusion)));
            }
        }
        if (!references.isEmpty()) {
            followReferences(entries, seen, references);
        }
        Map<String, Integer> frequency = new HashMap<>();
        for (Entry e : entries) {
            for (String[] group : e.groups()) {
                for (String stem : group) {
                    frequency.merge(stem, 1, Integer::sum);
                }
            }
        }
        Map<String, List<Integer>> anchored = new HashMap<>();
        int[] groupOfAnchor = new int[entries.size()];
        for (Entry e : entries) {
            int anchor = 0;
            int best = Integer.MAX_VALUE;
            for (int g = 0; g < e.groups().length; g++) {
                int f = Arrays.stream(e.groups()[g]).mapToInt(s -> frequency.getOrDefault(s, 0)).sum();
                if (f < best) {
                    best = f;
                    anchor = g;
                }
            }
            for (String stem : e.groups()[anchor]) {
                anchored.computeIfAbsent(stem, k -> new ArrayList<>()).add(e.id());
                groupOfAnchor[e.id()] = anchor;
            }
        }
        Map<String, int[]> byAnchor = new HashMap<>();
        anchored.forEach((stem, ids) -> byAnchor.put(stem, ids.stream().mapToInt(Integer::intValue).toArray()));
        return new IndexDictionary(List.copyOf(entries), byAnchor, groupOfAnchor, codes, List.copyOf(drugs.values()));
    }

    public int size() {
        return entries.size();
    }

    private static void add(List<Entry> entries, Set<String> seen, String code, String path, Source source, String[][] groups) {
        if (groups.length == 0 || !seen.add(code + "|" + Arrays.deepToString(groups))) {
            return;
        }
        entries.add(new Entry(entries.size(), code, path, source, groups));
    }

    private static final int MAX_FOLLOWED = 400;
    private static final int MAX_STEPS = 3;

    /** A level of the index as the entries' paths hold it: its names (the title and its comma-separated forms) and below. */
    private static final class Level {
        final Map<String, Level> children = new java.util.LinkedHashMap<>();
        /** The children by each of their names, sorted (a name may go on past the reference's words: "... disc NEC"). */
        final java.util.TreeMap<String, List<Level>> byName = new java.util.TreeMap<>();
        final Set<String> names = new LinkedHashSet<>();
        String path;
    }

    private static void followReferences(List<Entry> entries, Set<String> seen, List<org.codedesk.catalog.Catalog.IndexReference> references) {
        Level root = new Level();
        List<Entry> indexEntries = entries.stream().filter(e -> e.source() == Source.INDEX && !e.path().endsWith(")")).toList();
        for (Entry e : indexEntries) {
            Level at = root;
            StringBuilder path = new StringBuilder();
            for (String title : e.path().split(" > ")) {
                path.append(path.length() == 0 ? "" : " > ").append(title);
                Level next = at.children.computeIfAbsent(title, t -> new Level());
                if (next.path == null) {
                    next.path = path.toString();
                    next.names.add(normalizeName(title));
                    for (String form : title.split(",")) {
                        next.names.add(normalizeName(form));
                    }
                    for (String name : next.names) {
                        at.byName.computeIfAbsent(name, k -> new ArrayList<>(1)).add(next);
                    }
                }
                at = next;
            }
        }
        // the entries below a path, by path prefix (sorted, so a prefix's entries are one run)
        List<Entry> sorted = new ArrayList<>(indexEntries);
        sorted.sort(java.util.Comparator.comparing(Entry::path));
        List<String> paths = sorted.stream().map(Entry::path).toList();
        Map<String, List<org.codedesk.catalog.Catalog.IndexReference>> referencesByPath = new HashMap<>();
        references.forEach(r -> referencesByPath.computeIfAbsent(r.path(), k -> new ArrayList<>()).add(r));
        List<String> referencePaths = new ArrayList<>(referencesByPath.keySet());
        java.util.Collections.sort(referencePaths);
        List<String[]> work = new ArrayList<>();
        for (org.codedesk.catalog.Catalog.IndexReference r : references) {
            // a main term that only redirects ("Nicotine - see Tobacco") already reads as its target's code; its whole
            // tree is not copied
            if (r.see() != null && r.path().contains(" > ")) {
                work.add(new String[] {r.path(), r.see(), "1"});
            }
            if (r.seeAlso() != null && !r.path().contains(" > ") && sameStart(r.path(), r.seeAlso())) {
                work.add(new String[] {r.path(), r.seeAlso(), "1"});
            }
        }
        for (int i = 0; i < work.size(); i++) {
            String from = work.get(i)[0];
            int step = Integer.parseInt(work.get(i)[2]);
            Level target = resolve(root, work.get(i)[1]);
            if (target == null || target.path.equals(from) || from.startsWith(target.path + " > ")) {
                continue;
            }
            int lo = lowerBound(paths, target.path);
            int hi = lowerBound(paths, target.path + " >\uffff");
            if (hi - lo > MAX_FOLLOWED) {
                continue;
            }
            for (int k = lo; k < hi; k++) {
                Entry e = sorted.get(k);
                if (!e.path().equals(target.path) && !e.path().startsWith(target.path + " > ")) {
                    continue;
                }
                String path = from + e.path().substring(target.path.length());
                add(entries, seen, e.code(), path, Source.INDEX, indexGroups(path));
            }
            if (step < MAX_STEPS) {
                // the references below the target lead on from the new place
                for (int k = lowerBound(referencePaths, target.path + " > "); k < referencePaths.size()
                        && referencePaths.get(k).startsWith(target.path + " > "); k++) {
                    String below = referencePaths.get(k);
                    String path = from + below.substring(target.path.length());
                    referencesByPath.get(below).stream().filter(x -> x.see() != null)
                            .forEach(x -> work.add(new String[] {path, x.see(), String.valueOf(step + 1)}));
                }
            }
        }
    }

    private static int lowerBound(List<String> sorted, String key) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).compareTo(key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** "Herniation" and "Hernia": a main term that sends to another of the same root (five letters). */
    private static boolean sameStart(String a, String b) {
        String x = normalizeName(a);
        String y = normalizeName(b);
        return x.length() >= 5 && y.length() >= 5 && !y.contains(",") && x.substring(0, 5).equals(y.substring(0, 5));
    }

    private static String normalizeName(String text) {
        return text.replaceAll("\\([^)]*\\)", " ").replaceAll("\\s+", " ").trim().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The level a reference names ("Displacement, intervertebral disc"; "Disorder, disc, cervical, with neuritis"): its
     * comma-separated parts matched level by level to a level's names, a name followed by words the index leaves out
     * ("intervertebral disc NEC") or a part that spans two levels ("with neuritis" for "with > neuritis, ...") allowed.
     */
    static Level resolve(Level root, String reference) {
        List<String> parts = new ArrayList<>();
        for (String part : reference.replaceAll("\\s*\\[[0-9A-Z.-]{3,8}]$", "").split(",")) {
            String normalized = normalizeName(part);
            if (!normalized.isEmpty()) {
                parts.add(normalized);
            }
        }
        return parts.isEmpty() ? null : resolve(root, parts, 0, 0);
    }

    private static Level resolve(Level at, List<String> parts, int from, int depth) {
        if (from == parts.size()) {
            return at;
        }
        if (depth > 12) {
            return null;
        }
        for (int end = parts.size(); end > from; end--) {
            String part = String.join(", ", parts.subList(from, end));
            List<Level> named = new ArrayList<>(at.byName.getOrDefault(part, List.of()));
            at.byName.subMap(part + " ", part + " \uffff").values().forEach(named::addAll);
            for (Level child : named) {
                Level deeper = resolve(child, parts, end, depth + 1);
                if (deeper != null) {
                    return deeper;
                }
            }
            if (end == from + 1) {
                // "with neuritis": the level "with", then "neuritis" below it
                for (int space = part.indexOf(' '); space > 0; space = part.indexOf(' ', space + 1)) {
                    for (Level child : at.byName.getOrDefault(part.substring(0, space), List.of())) {
                        List<String> rest = new ArrayList<>(parts);
                        rest.set(from, part.substring(space + 1));
                        Level deeper = resolve(child, rest, from, depth + 1);
                        if (deeper != null) {
                            return deeper;
                        }
                    }
                }
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern BRACKETED_ABBREVIATION = java.util.regex.Pattern.compile("[^>\\[\\]]*\\[([A-Za-z0-9-]{2,10})]");

    /**
     * The path with each level that prints its abbreviation in brackets read as the abbreviation ("Elevated, elevation >
     * prostate specific antigen [PSA]" as "Elevated, elevation > PSA"): notes write either.
     */
    static String abbreviated(String path) {
        String[] levels = path.split(" > ");
        for (int i = 0; i < levels.length; i++) {
            java.util.regex.Matcher m = BRACKETED_ABBREVIATION.matcher(levels[i]);
            if (m.find() && m.start() == 0) {
                levels[i] = m.group(1) + levels[i].substring(m.end());
            }
        }
        return String.join(" > ", levels);
    }

    private static final java.util.regex.Pattern WITHOUT = java.util.regex.Pattern.compile("(?i),? without [^,]*?(?= of |,|$)");
    private static final java.util.regex.Pattern CLAUSE_WITHOUT = java.util.regex.Pattern.compile("(?i), without [^,]*");
    private static final java.util.regex.Pattern NOT_SPECIFIED = java.util.regex.Pattern.compile("(?i),? not specified as [^,]*");

    /**
     * "without ..." and "not specified as ..." are the classification's defaults, which notes rarely say: "Acute cystitis
     * without hematuria" reads as acute cystitis, "Laceration without foreign body of scalp" as laceration of scalp,
     * "Other acute appendicitis without perforation, with gangrene" keeps the gangrene the note must say.
     */
    private static String cutAtWithout(String title) {
        if (title.toLowerCase(java.util.Locale.ROOT).contains("remission")) {
            // "without complications in remission" is a state the note must say, not a default
            return title;
        }
        // ", without diagnosis of hypertension": after a comma the whole clause is the default ("Elevated blood-pressure reading,
        // without diagnosis of hypertension" is an elevated reading); without a comma, up to the site ("Laceration without foreign body
        // of scalp" keeps "of scalp")
        String cut = CLAUSE_WITHOUT.matcher(title).replaceAll("");
        return NOT_SPECIFIED.matcher(WITHOUT.matcher(cut).replaceAll("")).replaceAll("");
    }

    /**
     * "Infarct, infarction > myocardial > acute": one group per word; two forms of one word ("femur, femoral") are
     * alternatives. "Fracture, traumatic" needs only "fracture": a fracture not called pathological is traumatic
     * (the classification's default), so notes rarely say so.
     */
    static String[][] indexGroups(String path) {
        List<String[]> groups = new ArrayList<>();
        String[] levels = path.split(" > ");
        for (int level = 0; level < levels.length; level++) {
            // "lumbar region" is what notes call "lumbar"; "intervertebral disc" what they call "disc"
            String text = OMITTED.matcher(levels[level].replaceAll("\\([^)]*\\)", " ")).replaceAll(" ");
            // "reading ..., no diagnosis of hypertension": what the level says is absent is the classification's default, not words
            // the note must affirm (it writes them negated: "w/o diagnosis of hypertension")
            text = NO_PART.matcher(text).replaceAll("");
            String lowered = text.trim().toLowerCase(java.util.Locale.ROOT);
            // "without ..." and "not intractable" levels are the classification's defaults: notes rarely say them
            if ((lowered.startsWith("without") || lowered.startsWith("not ")) && !lowered.contains("remission")) {
                continue;
            }
            String[] parts = text.split(",");
            // "Infarct, infarction", "Epilepsy, epileptic, epilepsia": forms of one word, any of which the note may write
            if (parts.length >= 2 && java.util.Arrays.stream(parts).allMatch(part -> sameRoot(parts[0].trim(), part.trim()))) {
                Set<String> alternatives = new LinkedHashSet<>();
                for (String part : parts) {
                    Stems.words(part).stream().filter(w -> !Stems.isFiller(w)).map(Stems::stem).forEach(alternatives::add);
                }
                if (!alternatives.isEmpty()) {
                    groups.add(alternatives.toArray(String[]::new));
                }
                continue;
            }
            if (level == 0 && parts.length == 2 && DEFAULT_QUALIFIERS.contains(parts[1].trim().toLowerCase(java.util.Locale.ROOT))) {
                text = parts[0];
            }
            // "neuritis, radiculitis or radiculopathy", "cartilage or disc": words the index lists as alternatives, any of which
            // the note may write (all of them are not required)
            java.util.regex.Matcher or = ALTERNATIVES.matcher(text);
            // the main term's head is no alternative: "Intubation, difficult or failed" is intubation, difficult or failed
            if (level == 0 && text.contains(",")) {
                or.region(text.indexOf(',') + 1, text.length());
            }
            if (or.find()) {
                groups.addAll(Arrays.asList(textGroups(text.substring(0, or.start()))));
                String[] alternatives = Stems.words(or.group()).stream().filter(w -> !Stems.isFiller(w)).map(Stems::stem).distinct()
                        .toArray(String[]::new);
                if (alternatives.length > 0) {
                    groups.add(alternatives);
                }
                groups.addAll(Arrays.asList(textGroups(text.substring(or.end()))));
                continue;
            }
            groups.addAll(Arrays.asList(textGroups(text)));
        }
        return dedupe(groups);
    }

    private static final java.util.regex.Pattern NO_PART = java.util.regex.Pattern.compile("(?i),\\s*(no|without) [^,]*");
    private static final java.util.regex.Pattern OMITTED = java.util.regex.Pattern.compile("(?i)(?<=\\w )region\\b|\\bintervertebral(?= (cartilage or )?discs?\\b)");
    private static final java.util.regex.Pattern ALTERNATIVES = java.util.regex.Pattern.compile("\\b[A-Za-z-]+(?:, [A-Za-z-]+)*,? or [A-Za-z-]+\\b");

    private static final Set<String> DEFAULT_QUALIFIERS = Set.of("traumatic");

    /**
     * The Neoplasm Table's malignant columns, read as the coder reads them: the histology the note names (a carcinoma,
     * a cancer: primary; a metastasis: secondary) and the site ("Adenocarcinoma of the cecum" is C18.0).
     */
    private static final Map<String, String[]> NEOPLASM_COLUMNS = Map.of(
            "Malignant Primary", stems("carcinoma", "adenocarcinoma", "cancer", "malignancy", "malignant", "sarcoma", "carcinomas"),
            "Malignant Secondary", stems("metastasis", "metastases", "metastatic", "mets"));

    private static String[] stems(String... words) {
        return Arrays.stream(words).map(Stems::stem).distinct().toArray(String[]::new);
    }

    /** A Neoplasm Table row: the site's words (the "Neoplasm, neoplastic" level left out) and the column's histology words. */
    static String[][] neoplasmGroups(String path, String[] histology) {
        int first = path.indexOf(" > ");
        boolean mainTerm = path.toLowerCase(java.util.Locale.ROOT).startsWith("neoplasm");
        if (first < 0 && mainTerm) {
            return new String[0][];
        }
        // the site is its last two levels ("colon > sigmoid", "lung > upper lobe"): the levels above only place it in the table
        String site = mainTerm ? path.substring(first + 3) : path;
        String[] levels = site.split(" > ");
        // a last level that names a histology ("lip > skin > basal cell carcinoma") is no site: the two levels above it are
        int keep = levels.length > 0 && HISTOLOGY_LEVEL.matcher(levels[levels.length - 1]).find() ? 3 : 2;
        if (levels.length > keep) {
            site = String.join(" > ", Arrays.copyOfRange(levels, levels.length - keep, levels.length));
        }
        List<String[]> groups = new ArrayList<>(Arrays.asList(indexGroups(site)));
        if (groups.isEmpty()) {
            return new String[0][];
        }
        groups.add(histology);
        return dedupe(groups);
    }

    private static final java.util.regex.Pattern HISTOLOGY_LEVEL = java.util.regex.Pattern.compile("(?i)\\b(carcinoma|melanoma|sarcoma|lymphoma)\\b");

    /** "Occlusion and stenosis of left carotid artery" (I65, I66) covers either: the note writes one of them. */
    private static final java.util.regex.Pattern EITHER = java.util.regex.Pattern.compile("(?i)\\bocclusion and stenosis\\b");

    static String[][] textGroups(String text) {
        List<String[]> groups = new ArrayList<>();
        if (EITHER.matcher(text).find()) {
            groups.add(new String[] {Stems.stem("occlusion"), Stems.stem("stenosis")});
            text = EITHER.matcher(text).replaceAll(" ");
        }
        for (String word : Stems.words(text)) {
            // a word whose stem is a filler word ("Andes" reads as "and") would match every "and"
            if (!Stems.isFiller(word) && !Stems.isFiller(Stems.stem(word))) {
                groups.add(new String[] {Stems.stem(word)});
            }
        }
        return dedupe(groups);
    }

    private static String[][] dedupe(List<String[]> groups) {
        Map<String, String[]> unique = new java.util.LinkedHashMap<>();
        for (String[] g : groups) {
            unique.putIfAbsent(String.join("|", g), g);
        }
        return unique.values().toArray(String[][]::new);
    }

    /** Two forms of one word: "femur, femoral", "infarct, infarction" (one word each, the same first three letters). */
    private static boolean sameRoot(String a, String b) {
        return a.length() >= 4 && b.length() >= 4 && !a.contains(" ") && !b.contains(" ")
                && a.substring(0, 3).equalsIgnoreCase(b.substring(0, 3));
    }

    /** Every non-dominated entry found in the note, sentence by sentence. */
    public List<Match> match(ClinicalText text) {
        List<Match> result = new ArrayList<>();
        List<ClinicalText.Word> words = text.words();
        for (int s = 0; s < text.sentences().size(); s++) {
            ClinicalText.Sentence sentence = text.sentences().get(s);
            List<Match> found = new ArrayList<>();
            Set<Integer> entriesFound = new HashSet<>();
            // every stem of the sentence: an entry one of whose words is missing is passed over before it is located
            Set<String> sentenceStems = new HashSet<>();
            for (int p = sentence.firstWord(); p < sentence.endWord(); p++) {
                sentenceStems.addAll(words.get(p).stems());
            }
            for (int p = sentence.firstWord(); p < sentence.endWord(); p++) {
                for (String stem : words.get(p).stems()) {
                    int[] ids = byAnchor.get(stem);
                    if (ids == null) {
                        continue;
                    }
                    for (int id : ids) {
                        if (entriesFound.contains(id)) {
                            continue;
                        }
                        Entry entry = entries.get(id);
                        if (!allGroupsIn(entry, sentenceStems)) {
                            continue;
                        }
                        int[] positions = locate(entry, anchorGroup[id], p, words, sentence, text.text());
                        if (positions != null && entry.path().endsWith("(Malignant Secondary)") && !secondarySite(entry, positions, words)) {
                            positions = null;
                        }
                        if (positions != null) {
                            entriesFound.add(id);
                            found.add(new Match(entry, s, positions, assertionOf(positions, words)));
                        }
                    }
                }
            }
            result.addAll(undominated(oneFindingEach(found, words)));
        }
        return result;
    }

    /**
     * The words of an index entry come from one finding: an entry whose words lie on both sides of another finding's main term
     * is dropped ("degenerative spondylolisthesis L4-L5 with lumbar spinal stenosis" is no "Degeneration > spinal"; "metabolic
     * acidosis of CKD" no "Disease > metabolic"). The finding between must be a written word, not an abbreviation.
     */
    private static List<Match> oneFindingEach(List<Match> found, List<ClinicalText.Word> words) {
        List<Match> kept = new ArrayList<>();
        for (Match m : found) {
            boolean straddling = m.entry().source() == Source.INDEX && m.positions().length >= 2 && straddles(m, found, words);
            if (!straddling && !otherKindNamed(m, found)) {
                kept.add(m);
            }
        }
        return kept;
    }

    /**
     * The kind of a finding is the word written before its main term: "atrial fibrillation with controlled ventricular rate" is
     * "Fibrillation > atrial", not also "Fibrillation > ventricular" read from the rate after it. An entry whose subterm words all
     * come after its main term, not next to it, is dropped when a sibling entry (the same main term, another subterm) has its
     * subterm word just before that main term.
     */
    static boolean otherKindNamed(Match m, List<Match> found) {
        if (m.positions().length < 2 || m.entry().source() == Source.INDEX && !namesAKind(m.entry().path())) {
            return false;
        }
        for (Match o : found) {
            if (o == m || o.entry().source() != Source.INDEX || o.positions().length < 2 || o.entry().code().equals(m.entry().code())
                    || !namesAKind(o.entry().path())) {
                continue;
            }
            int head = o.positions()[0];
            boolean kindBefore = o.positions()[o.positions().length - 1] == head - 1;
            for (int i = 1; i < o.positions().length; i++) {
                kindBefore &= o.positions()[i] < head;
            }
            if (!kindBefore || sharesAKindWord(m, o)) {
                // "Rheumatoid arthritis with positive rheumatoid factor": the title of M05.79 names the same kind ("rheumatoid")
                continue;
            }
            boolean holdsHead = false;
            boolean restAfter = true;
            for (int p : m.positions()) {
                if (p == head) {
                    holdsHead = true;
                } else {
                    restAfter &= p > head + 1;
                }
            }
            if (holdsHead && restAfter) {
                return true;
            }
        }
        return false;
    }

    /** Whether an entry's words hold one of the subterm words (the kind) of another's. */
    private static boolean sharesAKindWord(Match m, Match o) {
        Set<String> kind = new HashSet<>();
        for (int i = 1; i < o.entry().groups().length; i++) {
            kind.addAll(Arrays.asList(o.entry().groups()[i]));
        }
        for (String[] group : m.entry().groups()) {
            for (String stem : group) {
                if (kind.contains(stem)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern CONNECTIVE = java.util.regex.Pattern.compile("(?i)^(with|without|in|due to|following|after|during"
            + "|complicating|from|of|and|by|on|see)\\b");

    /** An entry whose first subterm is an adjective of kind ("Fibrillation > atrial"), not a "with", "in" or "due to" subterm. */
    private static boolean namesAKind(String path) {
        String[] levels = path.split(" > ");
        return levels.length >= 2 && !CONNECTIVE.matcher(levels[1].trim()).find();
    }

    private static boolean straddles(Match m, List<Match> found, List<ClinicalText.Word> words) {
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        Set<Integer> mine = new HashSet<>();
        for (int p : m.positions()) {
            lo = Math.min(lo, p);
            hi = Math.max(hi, p);
            mine.add(p);
        }
        Set<String> myMainTerm = new HashSet<>(Arrays.asList(m.entry().groups()[0]));
        for (Match o : found) {
            if (o == m || o.entry().source() != Source.INDEX) {
                continue;
            }
            int head = o.positions()[0];
            String word = words.get(head).text();
            if (head <= lo || head >= hi || mine.contains(head) || word.length() < 5 || word.chars().allMatch(Character::isUpperCase)
                    || !word.chars().allMatch(Character::isLetter)
                    || Arrays.stream(o.entry().groups()[0]).anyMatch(myMainTerm::contains)) {
                continue;
            }
            return true;
        }
        return false;
    }

    private static int[] locate(Entry entry, int anchorGroup, int p, List<ClinicalText.Word> words, ClinicalText.Sentence sentence, String text) {
        String[][] groups = entry.groups();
        int window = 3 + 2 * groups.length;
        int[] positions = new int[groups.length];
        for (int g = 0; g < groups.length; g++) {
            if (g == anchorGroup) {
                positions[g] = p;
                continue;
            }
            int best = -1;
            for (int d = 0; d <= window && best < 0; d++) {
                for (int q : new int[] {p - d, p + d}) {
                    // an abbreviation ("COPD") stands for several words and may fill several groups by itself
                    boolean usable = q != p || words.get(q).stems().size() > 2;
                    if (q >= sentence.firstWord() && q < sentence.endWord() && usable && containsAny(words.get(q).stems(), groups[g])
                            && sameClause(words, p, q, text)) {
                        best = q;
                        break;
                    }
                }
            }
            if (best < 0) {
                return null;
            }
            positions[g] = best;
        }
        return positions;
    }

    /** The words of one entry stay within a clause: a list's items ("CAD of native vessels; essential hypertension") are not one finding. */
    private static boolean sameClause(List<ClinicalText.Word> words, int p, int q, String text) {
        if (p == q) {
            return true;
        }
        int from = words.get(Math.min(p, q)).end();
        int to = words.get(Math.max(p, q)).start();
        return from >= to || text.indexOf(';', from) < 0 || text.indexOf(';', from) >= to;
    }

    /**
     * A metastasis is to the site written after it ("metastases to the liver") or just before it ("liver metastases");
     * "lung with new metastases to the liver" does not put one in the lung, and "lung primary" is the primary site.
     */
    private static boolean secondarySite(Entry entry, int[] positions, List<ClinicalText.Word> words) {
        int histology = positions[positions.length - 1];
        int last = -1;
        boolean after = true;
        boolean before = true;
        for (int i = 0; i < positions.length - 1; i++) {
            after &= positions[i] > histology;
            before &= positions[i] < histology;
            last = Math.max(last, positions[i]);
        }
        if (last + 1 < words.size() && words.get(last + 1).text().equalsIgnoreCase("primary")) {
            return false;
        }
        return after || before && histology - last <= 1;
    }

    private static boolean allGroupsIn(Entry entry, Set<String> stems) {
        for (String[] group : entry.groups()) {
            boolean any = false;
            for (String s : group) {
                if (stems.contains(s)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsAny(Set<String> stems, String[] group) {
        for (String s : group) {
            if (stems.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** The strongest assertion over the matched words (any negated word negates the whole finding). */
    private static Assertion assertionOf(int[] positions, List<ClinicalText.Word> words) {
        Assertion result = Assertion.PRESENT;
        for (int p : positions) {
            result = Assertion.stronger(result, words.get(p).assertion());
        }
        return result;
    }

    private static List<Match> undominated(List<Match> found) {
        found.sort(Comparator.comparingInt((Match m) -> -m.entry().groups().length));
        List<Match> kept = new ArrayList<>();
        for (Match m : found) {
            Set<Integer> mine = new HashSet<>();
            for (int p : m.positions()) {
                mine.add(p);
            }
            boolean dominated = false;
            for (Match k : kept) {
                // a negated qualifier documents nothing: "acute cystitis without hematuria" is not dominated by "with hematuria"
                boolean negatedDeeper = k.assertion() == Assertion.ABSENT && m.assertion() != Assertion.ABSENT
                        // nor an uncertain one: "Syncope, most likely vasovagal" is a syncope whatever its cause
                        || k.assertion() == Assertion.POSSIBLE && (m.assertion() == Assertion.PRESENT || m.assertion() == Assertion.HISTORY);
                if (k.entry().groups().length > m.entry().groups().length && !negatedDeeper) {
                    Set<Integer> theirs = new HashSet<>();
                    for (int p : k.positions()) {
                        theirs.add(p);
                    }
                    if (theirs.containsAll(mine)) {
                        dominated = true;
                        break;
                    }
                }
            }
            if (!dominated) {
                kept.add(m);
            }
        }
        return kept;
    }
}
