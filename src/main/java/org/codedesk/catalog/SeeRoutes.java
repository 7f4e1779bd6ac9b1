package org.codedesk.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Follows the "see" and "use" references of one index to the code they lead to, as a coder does: "Infection >
 * tonsil - see Tonsillitis" leads to the default code of the main term Tonsillitis; "Cholecystectomy - see
 * Resection, Gallbladder" to the term Resection > Gallbladder and its table. A reference names a main term and
 * then subterms, comma-separated ("Hemorrhage, complicating, delivery"); a term may itself have commas
 * ("Infarct, infarction"), so names are matched greedily. A target without a code that refers on is followed
 * (three steps at most: the index has short chains, and a loop must end). References that name no term ("see
 * condition", "see Fracture, by site") lead nowhere.
 */
final class SeeRoutes {

    private static final Pattern NONESSENTIAL = Pattern.compile("\\([^)]*\\)");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING_CODE = Pattern.compile("\\s*\\[[0-9A-Z]{3,7}]$");
    private static final int MAX_STEPS = 3;
    /** An entry that qualifies the term above it: "with angina pectoris", "due to ...", "in ...". */
    private static final Pattern QUALIFIER = Pattern.compile("(with|without|due to|in) ");

    /** One term of the index as the reader needs it. */
    record Term(int id, int parentId, String title, String code, String see) { }

    private final Map<Integer, Term> terms = new HashMap<>();
    /** Parent id (0 for main terms) to the names of its children and the children of each name. */
    private final Map<Integer, Map<String, List<Term>>> children = new HashMap<>();

    void add(Term term) {
        terms.put(term.id(), term);
        Map<String, List<Term>> byName = children.computeIfAbsent(term.parentId(), k -> new HashMap<>());
        for (String name : names(term)) {
            byName.computeIfAbsent(name, k -> new ArrayList<>(1)).add(term);
        }
    }

    /** The code the term's reference leads to, or null (no reference, or one that names no term with a code). */
    String target(int id) {
        Term destination = destination(id);
        return destination == null ? null : destination.code();
    }

    /** The term with a code the term's reference leads to ("Cellulitis > leg" to "Cellulitis > lower limb"), or null. */
    Term destination(int id) {
        Term term = terms.get(id);
        Set<Integer> seen = new LinkedHashSet<>();
        for (int step = 0; term != null && term.code() == null && term.see() != null && step < MAX_STEPS; step++) {
            if (!seen.add(term.id())) {
                return null;
            }
            term = find(term.see());
        }
        return term == null || term.id() == id || term.code() == null ? null : term;
    }

    /**
     * The terms with a code a term's reference leads to. A reference ending on a comma ("Disease, artery, coronary, with angina
     * pectoris - see Arteriosclerosis, coronary (artery),") says to go on below the target with the term's own words: the
     * shallowest terms below it whose last levels spell them ("native vessel > with > angina pectoris" I25.119, "bypass graft
     * > with > angina pectoris" I25.709; one level above them may be any). Later indexes print that route without the comma,
     * and a coder reads it the same way: an entry that is a qualifier ("with ...", "due to ...") carries over to the target
     * when the target has it below. Otherwise the one {@link #destination}, if any.
     */
    List<Term> destinations(int id) {
        Term term = terms.get(id);
        if (term != null && term.code() == null && term.see() != null
                && (term.see().strip().endsWith(",") || QUALIFIER.matcher(normalize(term.title())).lookingAt())) {
            Term target = find(term.see());
            String words = normalize(term.title());
            if (target != null && !words.isEmpty()) {
                List<Term> below = continued(target, words);
                if (!below.isEmpty()) {
                    return below;
                }
            }
        }
        Term destination = destination(id);
        return destination == null ? List.of() : List.of(destination);
    }

    /** The shallowest terms with a code below {@code target} whose last one or two levels' titles joined are {@code words}. */
    private List<Term> continued(Term target, String words) {
        List<List<Term>> level = List.of(List.of(target));
        for (int depth = 1; depth <= 4 && !level.isEmpty(); depth++) {
            List<List<Term>> next = new ArrayList<>();
            List<Term> found = new ArrayList<>();
            for (List<Term> path : level) {
                Term last = path.get(path.size() - 1);
                Set<Integer> seen = new java.util.HashSet<>();
                for (List<Term> named : children.getOrDefault(last.id(), Map.of()).values()) {
                    for (Term child : named) {
                        if (!seen.add(child.id())) {
                            continue;
                        }
                        List<Term> longer = new ArrayList<>(path);
                        longer.add(child);
                        next.add(longer);
                        if (child.code() != null && spells(longer, words)) {
                            found.add(child);
                        }
                    }
                }
            }
            if (!found.isEmpty()) {
                return found;
            }
            level = next;
        }
        return List.of();
    }

    /** Whether the levels below the target (path.get(0)), all of them or all but the first, joined are the words. */
    private static boolean spells(List<Term> path, String words) {
        for (int from = 1; from <= Math.min(2, path.size() - 1); from++) {
            StringBuilder joined = new StringBuilder();
            for (Term t : path.subList(from, path.size())) {
                joined.append(joined.isEmpty() ? "" : " ").append(normalize(t.title()));
            }
            if (joined.toString().equals(words)) {
                return true;
            }
        }
        return false;
    }

    /** A term's title as its forms ("Infarct, infarction": "infarct", "infarction"), normalized. */
    static List<String> forms(String title) {
        return List.copyOf(names(title));
    }

    /** The term a reference text names, or null. */
    Term find(String reference) {
        String text = TRAILING_CODE.matcher(reference).replaceAll("");
        List<String> parts = new ArrayList<>();
        for (String part : text.split(",")) {
            String normalized = normalize(part);
            if (!normalized.isEmpty()) {
                parts.add(normalized);
            }
        }
        return parts.isEmpty() ? null : match(0, parts, 0);
    }

    private Term match(int parent, List<String> parts, int from) {
        Map<String, List<Term>> byName = children.getOrDefault(parent, Map.of());
        for (int end = parts.size(); end > from; end--) {
            for (Term candidate : byName.getOrDefault(String.join(", ", parts.subList(from, end)), List.of())) {
                if (end == parts.size()) {
                    return candidate;
                }
                Term deeper = match(candidate.id(), parts, end);
                if (deeper != null) {
                    return deeper;
                }
            }
        }
        return null;
    }

    /** The whole title and each of its comma-separated forms, normalized. */
    private static Set<String> names(Term term) {
        return names(term.title());
    }

    private static Set<String> names(String title) {
        Set<String> names = new LinkedHashSet<>();
        if (title == null) {
            return names;
        }
        names.add(normalize(title));
        for (String form : title.split(",")) {
            names.add(normalize(form));
        }
        return names;
    }

    private static String normalize(String text) {
        return SPACES.matcher(NONESSENTIAL.matcher(text).replaceAll(" ")).replaceAll(" ").trim().toLowerCase(Locale.ROOT);
    }
}
