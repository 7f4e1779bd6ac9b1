package org.codedesk.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.search.index.CodeIndex;
import org.codedesk.search.index.Fields;
import org.codedesk.search.query.Interpretation;
import org.codedesk.search.query.LexicalQueries;
import org.codedesk.search.query.QueryInterpreter;
import org.codedesk.search.query.Synonyms;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The search module's API: one search across the code systems in force on a date, by code, prefix, range,
 * words, lay words, abbreviations and misspellings, lexical (BM25) fused with semantic similarity; and the
 * autocomplete behind the search boxes. Thread-safe.
 */
@Service
public class Search {

    /** What to search for; {@code system}, {@code chapter}, {@code section} and {@code date} may be null. */
    public record Request(String query, CodeSystem system, boolean billableOnly, String chapter, String section, LocalDate date, int limit) {

        public Request {
            limit = limit <= 0 ? 20 : Math.min(limit, 100);
        }

        public static Request of(String query) {
            return new Request(query, null, false, null, null, null, 20);
        }
    }

    /** A piece of a title: {@code match} when it is a word the query found. */
    public record Segment(String text, boolean match) { }

    /**
     * A result: the code, its title with the matched words marked, why it matched (the index path, the inclusion
     * term, "semantic similarity"...) and its page.
     */
    public record Hit(CodeSystem system, String code, String title, boolean billable, List<Segment> highlighted, List<String> reasons,
                      String url) { }

    /**
     * The results, what the query was understood as ({@code notes}), a message when there is nothing to show, and for each
     * code system searched whose release in force on the date is not imported, the sentence that says so ({@code currency}).
     */
    public record Results(String query, List<String> notes, List<Hit> hits, String message, List<String> currency, boolean searched) {

        /** No search was made (nothing to search for, or no index for the date yet): the message says why. */
        static Results notSearched(Interpretation meaning, String message) {
            return new Results(meaning.query(), meaning.notes(), List.of(), message, List.of(), false);
        }
    }

    /** An autocomplete entry. */
    public record Suggestion(CodeSystem system, String code, String title, boolean billable, String url) { }

    private static final int POOL = 60;
    private static final double SEMANTIC_WEIGHT = 0.5;
    /** Reciprocal-rank fusion constant: small, so that the first lexical ranks keep their lead. */
    private static final int FUSION_K = 10;

    private final SearchIndexes indexes;
    private final Vectors vectors;
    private final QueryInterpreter interpreter;
    private final LexicalQueries lexical = new LexicalQueries();
    private final Cache<String, List<Suggestion>> suggestions;
    private final Synonyms abbreviations = Synonyms.load("search/abbreviations.tsv");

    private final org.codedesk.catalog.Catalog catalog;

    Search(SearchIndexes indexes, Vectors vectors, org.codedesk.catalog.Catalog catalog,
           @org.springframework.beans.factory.annotation.Value("${codedesk.search.suggest-cache-size:20000}") long cacheSize) {
        this.indexes = indexes;
        this.catalog = catalog;
        this.vectors = vectors;
        // autocomplete prefixes repeat heavily across users; the key holds the index key, so a new index never serves old entries
        this.suggestions = Caffeine.newBuilder().maximumSize(cacheSize).build();
        this.interpreter = new QueryInterpreter(abbreviations,
                List.of(Synonyms.load("search/procedure-terms.tsv"), Synonyms.load("search/lay-terms.tsv")));
    }

    /** What a clinical abbreviation stands for ("CHF": congestive heart failure...), empty when it is not one we know. */
    public List<String> abbreviationExpansions(String abbreviation) {
        return abbreviations.expansions(Synonyms.normalize(abbreviation));
    }

    /** The sentences of the code systems searched whose release in force on the date (today when none) is not imported. */
    private List<String> staleSentences(Request request) {
        java.time.LocalDate date = request.date() == null ? java.time.LocalDate.now() : request.date();
        List<CodeSystem> systems = request.system() != null ? List.of(request.system())
                : List.of(CodeSystem.ICD10CM, CodeSystem.ICD10PCS, CodeSystem.HCPCS);
        return systems.stream().map(s -> catalog.currency(s, date)).filter(c -> c.stale() && c.shown() != null)
                .map(org.codedesk.catalog.Currency::sentence).toList();
    }

    public Results search(Request request) {
        Interpretation meaning = interpreter.interpret(request.query());
        if (meaning.isEmpty()) {
            return Results.notSearched(meaning, "Type a code (I21.4, 0DTJ4ZZ, J1100) or words (heart attack, pneumonia).");
        }
        Optional<CodeIndex> acquired = indexes.acquire(request.date());
        if (acquired.isEmpty()) {
            String state = indexes.state();
            return Results.notSearched(meaning, state != null ? state : "No release is in force on that date.");
        }
        CodeIndex index = acquired.get();
        try {
            Query filter = filter(request);
            Map<String, Ranked> ranked = new LinkedHashMap<>();
            if (meaning.rangeFrom() != null) {
                Query range = TermRangeQuery.newStringRange(Fields.CATEGORY, meaning.rangeFrom(), meaning.rangeTo(), true, true);
                add(ranked, index.search(and(range, filter), request.limit(), codeOrder()), 1.0, "in the range " + meaning.rangeFrom()
                        + "-" + meaning.rangeTo());
            }
            if (meaning.codeKey() != null) {
                add(ranked, index.search(and(new TermQuery(new Term(Fields.KEY, meaning.codeKey())), filter), 5), 2.0, "exact code");
                add(ranked, index.search(and(new PrefixQuery(new Term(Fields.KEY, meaning.codeKey())), filter), POOL, codeOrder()), 1.0,
                        "code starts with " + meaning.codeKey());
            }
            List<String> stems = new ArrayList<>();
            List<String> texts = new ArrayList<>(meaning.texts());
            List<String> notes = new ArrayList<>(meaning.notes());
            if (!texts.isEmpty()) {
                String corrected = correct(index, texts.get(0));
                if (!corrected.equals(texts.get(0))) {
                    notes.add("Showing results for \"" + corrected + "\".");
                    texts.add(0, corrected);
                }
            }
            // The first reading (rewritten, spelling corrected) ranks; the others only fill in when it finds little.
            int found = 0;
            for (int i = 0; i < texts.size() && (i == 0 || found < 5); i++) {
                String text = texts.get(i);
                stems.addAll(lexical.terms(text));
                List<CodeIndex.Hit> hits = lexicalHits(index, text, filter);
                add(ranked, hits, i == 0 ? 1.0 : 0.3, null);
                found += hits.size();
            }
            if (!texts.isEmpty() && index.hasVectors() && meaning.codeKey() == null) {
                float[] query = vectors.ofQuery(texts.get(0));
                add(ranked, index.nearest(query, POOL, filter), SEMANTIC_WEIGHT, "semantic similarity");
            }
            List<Hit> hits = ranked.values().stream().sorted((a, b) -> Double.compare(b.score, a.score)).limit(request.limit())
                    .map(r -> hit(r, stems)).toList();
            String message = hits.isEmpty() ? "No code matches \"" + meaning.query() + "\"" + (request.system() != null ? " in "
                    + request.system().title() : "") + "." : null;
            return new Results(meaning.query(), notes, hits, message, staleSentences(request), true);
        } finally {
            index.release();
        }
    }

    /** Up to {@code limit} completions for what has been typed so far: codes by prefix, else titles and index terms. */
    public List<Suggestion> suggest(String query, CodeSystem system, LocalDate date, int limit) {
        Interpretation meaning = interpreter.interpret(query);
        if (meaning.isEmpty()) {
            return List.of();
        }
        Optional<CodeIndex> acquired = indexes.acquire(date);
        if (acquired.isEmpty()) {
            return List.of();
        }
        CodeIndex index = acquired.get();
        try {
            String cacheKey = index.key() + '|' + (system == null ? "" : system.slug()) + '|' + limit + '|' + meaning.query().toLowerCase(Locale.ROOT);
            return suggestions.get(cacheKey, k -> computeSuggestions(index, meaning, system, limit));
        } finally {
            index.release();
        }
    }

    private List<Suggestion> computeSuggestions(CodeIndex index, Interpretation meaning, CodeSystem system, int limit) {
        Query filter = system == null ? null : new TermQuery(new Term(Fields.SYSTEM, system.slug()));
        Map<String, Suggestion> result = new LinkedHashMap<>();
        if (meaning.codeKey() != null) {
            for (CodeIndex.Hit h : index.search(and(new PrefixQuery(new Term(Fields.KEY, meaning.codeKey())), filter), limit, codeOrder())) {
                result.putIfAbsent(h.document().get(Fields.ID), suggestion(h.document()));
            }
        }
        if (result.size() < limit && !meaning.texts().isEmpty()) {
            Query prefix = lexical.prefix(meaning.texts().get(0));
            if (prefix != null) {
                for (CodeIndex.Hit h : index.search(and(prefix, filter), limit)) {
                    result.putIfAbsent(h.document().get(Fields.ID), suggestion(h.document()));
                }
            }
        }
        return List.copyOf(result.values()).subList(0, Math.min(limit, result.size()));
    }

    /** The text with each word the index does not hold replaced by the nearest one it holds. */
    private String correct(CodeIndex index, String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.split(" ")) {
            words.add(index.correct(word));
        }
        return String.join(" ", words);
    }

    /** Strict first (every word found); when nothing matches, allow one word (then half of them) to be missing. */
    private List<CodeIndex.Hit> lexicalHits(CodeIndex index, String text, Query filter) {
        int words = lexical.wordsWithStems(text).size();
        for (int minimum : new int[] {0, words - 1, (words + 1) / 2}) {
            if (minimum < 0 || (minimum > 0 && minimum >= words) || (minimum == 0 && words == 0)) {
                continue;
            }
            Query query = lexical.text(text, minimum);
            if (query == null) {
                return List.of();
            }
            List<CodeIndex.Hit> hits = index.search(and(query, filter), POOL);
            if (!hits.isEmpty()) {
                return hits;
            }
        }
        return List.of();
    }

    private static Query filter(Request request) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder();
        boolean any = false;
        if (request.system() != null) {
            filter.add(new TermQuery(new Term(Fields.SYSTEM, request.system().slug())), Occur.FILTER);
            any = true;
        }
        if (request.billableOnly()) {
            filter.add(new TermQuery(new Term(Fields.BILLABLE, "1")), Occur.FILTER);
            any = true;
        }
        if (request.chapter() != null && !request.chapter().isBlank()) {
            filter.add(new TermQuery(new Term(Fields.CHAPTER, request.chapter().startsWith("chapter:") ? request.chapter()
                    : "chapter:" + request.chapter())), Occur.FILTER);
            any = true;
        }
        if (request.section() != null && !request.section().isBlank()) {
            filter.add(new TermQuery(new Term(Fields.SECTION, request.section().startsWith("section:") ? request.section()
                    : "section:" + request.section().toUpperCase(Locale.ROOT))), Occur.FILTER);
            any = true;
        }
        return any ? filter.build() : null;
    }

    private static Query and(Query query, Query filter) {
        if (filter == null) {
            return query;
        }
        return new BooleanQuery.Builder().add(query, Occur.MUST).add(filter, Occur.FILTER).build();
    }

    private static Sort codeOrder() {
        return new Sort(new SortField(Fields.LENGTH, SortField.Type.INT), new SortField(Fields.ORDER, SortField.Type.INT));
    }

    /** Reciprocal-rank fusion: each list adds weight / (k + rank) to a code, so lists of different scales combine fairly. */
    private static void add(Map<String, Ranked> ranked, List<CodeIndex.Hit> hits, double weight, String reason) {
        for (int rank = 0; rank < hits.size(); rank++) {
            Document d = hits.get(rank).document();
            Ranked r = ranked.computeIfAbsent(d.get(Fields.ID), id -> new Ranked(d));
            r.score += weight / (FUSION_K + rank + 1);
            if (reason != null) {
                r.reasons.add(reason);
            }
        }
    }

    private static final class Ranked {
        final Document document;
        double score;
        final Set<String> reasons = new java.util.LinkedHashSet<>();

        Ranked(Document document) {
            this.document = document;
        }
    }

    private Hit hit(Ranked r, List<String> stems) {
        Document d = r.document;
        CodeSystem system = CodeSystem.ofSlug(d.get(Fields.SYSTEM)).orElseThrow();
        String title = d.get(Fields.TITLE);
        Set<String> wanted = new HashSet<>(stems);
        List<String> reasons = new ArrayList<>();
        String bestPath = best(d.getValues(Fields.INDEX), wanted);
        if (bestPath != null) {
            reasons.add("Index: " + bestPath);
        }
        String inclusion = best(d.getValues(Fields.INCLUSION), wanted);
        if (inclusion != null) {
            reasons.add("Inclusion term: " + inclusion);
        }
        reasons.addAll(r.reasons);
        return new Hit(system, d.get(Fields.CODE), title, "1".equals(d.get(Fields.BILLABLE)), highlight(title, wanted), reasons,
                "/codes/" + system.slug() + "/" + d.get(Fields.CODE));
    }

    /** The stored value sharing most stemmed words with the query (ties: the shorter), or null when none shares any. */
    private String best(String[] values, Set<String> wanted) {
        String best = null;
        int bestCount = 0;
        for (String value : values) {
            int count = (int) new HashSet<>(lexical.terms(value)).stream().filter(wanted::contains).count();
            if (count > bestCount || (count == bestCount && count > 0 && value.length() < best.length())) {
                best = value;
                bestCount = count;
            }
        }
        return best;
    }

    /** Splits a title into words and the text between them, marking the words whose stem the query holds. */
    private List<Segment> highlight(String title, Set<String> wanted) {
        if (title == null) {
            return List.of();
        }
        List<Segment> segments = new ArrayList<>();
        Map<String, Boolean> memo = new HashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Za-z0-9']+").matcher(title);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                segments.add(new Segment(title.substring(last, m.start()), false));
            }
            String word = m.group();
            boolean match = memo.computeIfAbsent(word.toLowerCase(Locale.ROOT), w -> lexical.terms(w).stream().anyMatch(wanted::contains));
            segments.add(new Segment(word, match));
            last = m.end();
        }
        if (last < title.length()) {
            segments.add(new Segment(title.substring(last), false));
        }
        return segments;
    }

    private static Suggestion suggestion(Document d) {
        CodeSystem system = CodeSystem.ofSlug(d.get(Fields.SYSTEM)).orElseThrow();
        return new Suggestion(system, d.get(Fields.CODE), d.get(Fields.TITLE), "1".equals(d.get(Fields.BILLABLE)),
                "/codes/" + system.slug() + "/" + d.get(Fields.CODE));
    }
}
