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
import org.codedesk.search.query.BookOrder;
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
    private final BookOrder book = new BookOrder(lexical);
    private final PublicCpt publicCpt;
    /** Completions of a word fragment ("stro" to "stroke") per index: cheap to keep, and shared by many prefixes. */
    private final Cache<String, List<String>> completions = Caffeine.newBuilder().maximumSize(100_000).build();
    /**
     * Autocomplete's searches of completed text ("bone marrow depression"), per index: the prefixes "bone marrow depr",
     * "bone marrow depre"... all complete to it, so one search serves them all, whatever the answer cache holds.
     */
    private final Cache<String, List<Suggestion>> completedSearches = Caffeine.newBuilder().maximumSize(50_000).build();

    Search(SearchIndexes indexes, Vectors vectors, org.codedesk.catalog.Catalog catalog,
           org.springframework.beans.factory.ObjectProvider<org.codedesk.catalog.PublicCptCodes> publicCptCodes,
           @org.springframework.beans.factory.annotation.Value("${codedesk.search.suggest-cache-size:20000}") long cacheSize,
           @org.springframework.beans.factory.annotation.Value("${codedesk.search.phrase-answers:true}") boolean phraseAnswers) {
        this.indexes = indexes;
        this.catalog = catalog;
        this.vectors = vectors;
        this.publicCpt = new PublicCpt(publicCptCodes);
        // autocomplete prefixes repeat heavily across users; the key holds the index key, so a new index never serves old entries
        this.suggestions = Caffeine.newBuilder().maximumSize(cacheSize).build();
        this.interpreter = new QueryInterpreter(abbreviations,
                List.of(Synonyms.load("search/procedure-terms.tsv"), Synonyms.load("search/lay-terms.tsv")));
        if (phraseAnswers) {
            indexes.whenOpened(index -> phraseBuilder.submit(() -> answerPhrases(index)));
        }
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Search.class);

    /** Autocomplete's answers for the phrases the book begins with, of today's index (see {@link PhraseAnswers}). */
    private volatile PhraseAnswers phrases;

    /** Autocomplete's search of a completed text on today's index, as the phrase answers compute it (for tests). */
    List<Suggestion> completedSearch(String text) {
        CodeIndex index = indexes.acquire(null).orElseThrow();
        try {
            return new Autocomplete(index, null, null, null, 10).searched(text);
        } finally {
            index.release();
        }
    }

    /** The phrase answers of today's index as far as computed, null before any. */
    PhraseAnswers phraseAnswers() {
        return phrases;
    }

    private final java.util.concurrent.ExecutorService phraseBuilder = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "phrase-answers");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    /**
     * Reads the phrase answers saved beside the index, or computes them (the phrases in the book's order, each searched
     * as autocomplete searches a completed text; requests use the answers as they come) and saves them. Stops when
     * another index has taken over.
     */
    private void answerPhrases(CodeIndex index) {
        if (!index.acquire()) {
            return;
        }
        try {
            java.nio.file.Path file = index.folder().resolveSibling(index.key() + ".phrases");
            PhraseAnswers saved = PhraseAnswers.load(index.key(), RankingFingerprint.of(), file);
            if (saved != null) {
                phrases = saved;
                log.info("Read {} autocomplete phrase answers of search index {} (ranking {})", saved.size(), index.key(), RankingFingerprint.of());
                return;
            }
            long start = System.nanoTime();
            PhraseAnswers table = new PhraseAnswers(index.key());
            Map<String, Integer> weights = PhraseAnswers.phrases(index);
            table.phrases(weights);
            phrases = table;
            Autocomplete computer = new Autocomplete(index, null, null, null, 10);
            Map<String, Suggestion> canonical = new HashMap<>(); // one object per code, however many answers hold it
            for (String text : weights.keySet()) {
                if (phrases != table || !index.key().equals(indexes.currentKey())) {
                    return;
                }
                table.put(text, computer.searched(text).stream()
                        .map(s -> canonical.computeIfAbsent(s.system().slug() + ':' + s.code(), k -> s)).toList());
            }
            table.completed();
            table.save(file, RankingFingerprint.of());
            log.info("Computed {} autocomplete phrase answers of search index {} in {} s", table.size(), index.key(),
                    (System.nanoTime() - start) / 1_000_000_000);
        } catch (java.io.IOException | RuntimeException e) {
            log.warn("Autocomplete phrase answers of search index {} not computed: {}", index.key(), e.toString());
        } finally {
            index.release();
        }
    }

    /** What a clinical abbreviation stands for ("CHF": congestive heart failure...), empty when it is not one we know. */
    public List<String> abbreviationExpansions(String abbreviation) {
        return abbreviations.expansions(Synonyms.normalize(abbreviation));
    }

    /**
     * The sentences of the code systems searched (those imported here) whose release in force on the date (today when
     * none) is not imported: the same sentence the code page and the API say.
     */
    private List<String> staleSentences(Request request) {
        java.time.LocalDate date = request.date() == null ? java.time.LocalDate.now() : request.date();
        List<CodeSystem> systems = request.system() != null ? List.of(request.system())
                : List.of(CodeSystem.ICD10CM, CodeSystem.ICD10PCS, CodeSystem.HCPCS);
        return systems.stream().filter(s -> catalog.releases(s).stream().anyMatch(r -> r.has("codes")))
                .map(s -> catalog.currency(s, date)).filter(org.codedesk.catalog.Currency::stale)
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
            List<String> sentences = state == null ? staleSentences(request) : List.of();
            return Results.notSearched(meaning, state != null ? state
                    : sentences.isEmpty() ? "No release is in force on that date." : String.join(" ", sentences));
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
                // "dm2" is a PCS table and type 2 diabetes: a coder's abbreviation outranks the code it also spells
                double weight = interpreter.isVocabulary(meaning.query()) ? 0.25 : 1.0;
                add(ranked, typedFormFirst(index.search(and(new TermQuery(new Term(Fields.KEY, meaning.codeKey())), filter), 5), meaning.query()),
                        2.0 * weight, "exact code");
                add(ranked, typedFormFirst(index.search(and(new PrefixQuery(new Term(Fields.KEY, meaning.codeKey())), filter), POOL, codeOrder()),
                        meaning.query()), weight, "code starts with " + meaning.codeKey());
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
            String block = null;
            if (!texts.isEmpty() && (request.system() == null || request.system() == CodeSystem.ICD10CM)) {
                block = familyHistoryOfBlock(index, texts.get(0), filter, request.date());
                if (block != null && !texts.contains(block)) {
                    notes.add("A family history is coded by the condition's block: also read as \"" + block + "\".");
                    texts.add(block);
                }
            }
            boolean procedure = BookOrder.isProcedure(texts) && request.system() == null;
            // a quality data code not asked for is no answer (BookOrder.unaskedMeasure): kept out of the searches too, so
            // that their titles ("... child ... visit ...") do not fill the pool and leave nothing once removed
            Query words = meaning.codeKey() == null && !procedure
                    && !BookOrder.asksMeasure(texts.stream().map(lexical::terms).toList()) ? withoutMeasures(filter) : filter;
            // The first reading (rewritten, spelling corrected) ranks; the others only fill in when it finds little,
            // unless the words as typed are themselves an index entry ("colonoscopy", "cesarean section" in the PCS
            // Index): the book's own entry is read as fully as any rewriting of it.
            int found = 0;
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                stems.addAll(lexical.terms(text));
                List<CodeIndex.Hit> hits = lexicalHits(index, text, words, true);
                // the block reading of a family history is the book's own reading ("History, family, ... nervous system")
                boolean entry = i == 0 || namesIndexEntry(index, text, filter) || (block != null && text.equals(block));
                add(ranked, hits, entry ? 1.0 : 0.3, null);
                String sideless = i == 0 ? withoutSides(text) : null;
                if (sideless != null) {
                    // the index names no side, and its code may be the unspecified side ("Fracture, ankle S82.899"): the
                    // words without the side find it, and sidedSiblings completes it by the side typed
                    // (half weight: a second list, which the sided codes it also finds must not gain from over each other)
                    add(ranked, lexicalHits(index, sideless, words, true), 0.5, null);
                }
                if (entry && procedure) {
                    // procedure words imply ICD-10-PCS, HCPCS or CPT: make sure those codes compete even when diagnoses
                    // (complications of a bypass graft...) use the same words more often
                    add(ranked, lexicalHits(index, text, and(PROCEDURE_SYSTEMS, filter), true), 1.0, null);
                }
                found += hits.size();
            }
            if (!texts.isEmpty() && BookOrder.isEncounter(texts.get(0))
                    && (request.system() == null || request.system() == CodeSystem.ICD10CM)) {
                // "encounter for flu shot": the Z code's title names the kind of encounter (immunization), rarely the
                // words typed, so the encounter codes are searched apart (where fewer words may match); half weight, a second list
                add(ranked, lexicalHits(index, texts.get(0), and(ENCOUNTER_CODES, words), true), 0.5, null);
            }
            if (meaning.codeKey() != null && (request.system() == null || request.system() == CodeSystem.CPT)) {
                publicCpt.hits(ranked, index, meaning.codeKey(), request.date(), POOL);
            }
            if (!texts.isEmpty() && index.hasVectors() && meaning.codeKey() == null) {
                float[] query = vectors.ofQuery(texts.get(0));
                add(ranked, index.nearest(query, POOL, filter), SEMANTIC_WEIGHT, "semantic similarity");
            }
            if (!texts.isEmpty()) {
                BookOrder.Reading reading = reorder(ranked, texts.stream().map(lexical::terms).toList(), procedure, meaning.codeKey() == null);
                if (meaning.codeKey() == null) {
                    sidedSiblings(index, ranked, lexical.terms(texts.get(0)), filter, SIBLINGS, reading);
                    codesBelowLeadingHeaders(index, ranked, reading, filter, LEADING);
                    headersAfterTheirCodes(ranked);
                    conditionsCodedFirst(index, ranked, lexical.terms(texts.get(0)), filter, request.date(), LEADING);
                }
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

    /**
     * Up to {@code limit} completions for what has been typed so far, ranked as {@link #search} ranks: codes by prefix
     * (CPT codes from the public CMS listing too), else the typed words completed (the coders' vocabulary first:
     * "pink ey" is "pink eye", "lap ap" is "lap appy"; else the words the index paths hold most: "stro" is "stroke")
     * and searched with the same abbreviations, lay words and ordering as a search. Empty when the index is not
     * there yet: {@link #state()} then says why.
     */
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
            String cacheKey = index.key() + '|' + (system == null ? "" : system.slug()) + '|' + limit + '|' + date + '|'
                    + meaning.query().toLowerCase(Locale.ROOT);
            return suggestions.get(cacheKey, k -> new Autocomplete(index, meaning, system, date, limit).suggestions());
        } finally {
            index.release();
        }
    }

    /** Why searching is not possible now ("The search index is being built..."), or null when it is. */
    public String state() {
        return indexes.state();
    }

    /** Whether the index is being built now (as opposed to nothing to search at all). */
    public boolean building() {
        String state = indexes.state();
        return state != null && state.contains("being built");
    }

    /** One autocomplete answer: the typed text completed, then searched and ordered as a search is. */
    private final class Autocomplete {

        private static final int PER_COMPLETION = 12;
        private final CodeIndex index;
        private final Interpretation meaning;
        private final Query filter;
        private final CodeSystem system;
        private final LocalDate date;
        private final int limit;

        Autocomplete(CodeIndex index, Interpretation meaning, CodeSystem system, LocalDate date, int limit) {
            this.index = index;
            this.meaning = meaning;
            this.system = system;
            this.date = date;
            this.limit = limit;
            this.filter = system == null ? null : new TermQuery(new Term(Fields.SYSTEM, system.slug()));
        }

        List<Suggestion> suggestions() {
            Map<String, Suggestion> result = new LinkedHashMap<>();
            if (meaning.codeKey() != null && !interpreter.isVocabulary(meaning.query())) {
                Map<String, Ranked> ranked = new LinkedHashMap<>();
                add(ranked, typedFormFirst(index.search(and(new PrefixQuery(new Term(Fields.KEY, meaning.codeKey())), filter), limit, codeOrder()),
                        meaning.query()), 1.0, null);
                if (system == null || system == CodeSystem.CPT) {
                    publicCpt.hits(ranked, index, meaning.codeKey(), date, limit);
                }
                ranked.values().forEach(r -> put(result, suggestion(r.document)));
            }
            if (result.size() < limit && !meaning.texts().isEmpty()) {
                String typed = Synonyms.normalize(meaning.query());
                List<List<Suggestion>> lists = new ArrayList<>();
                List<String> candidates = completed(typed);
                Set<String> unbegun = phrasesNotBegun(candidates);
                // at most three tries: each is a search, and the answer must come in a few milliseconds
                List<String> listed = new ArrayList<>();
                int i = tryCompletions(candidates, 0, unbegun, 3, 2, lists, listed);
                saysLeastFirst(candidates, i, unbegun, lists, listed);
                // the best completion's first two, the second completion's first, then the rest of the best
                interleave(lists, result);
                if (result.size() < limit) {
                    Query prefix = lexical.prefix(meaning.texts().get(0));
                    if (prefix != null) {
                        for (CodeIndex.Hit h : index.search(and(prefix, filter), limit)) {
                            put(result, suggestion(h.document()));
                        }
                    }
                }
                if (meaning.codeKey() != null && interpreter.isVocabulary(meaning.query())) {
                    index.search(and(new PrefixQuery(new Term(Fields.KEY, meaning.codeKey())), filter), limit, codeOrder())
                            .forEach(h -> put(result, suggestion(h.document())));
                }
                if (result.isEmpty()) {
                    // nothing starts with what was typed: a typing error, read as a search would
                    String corrected = correct(index, meaning.texts().get(0));
                    searched(corrected).forEach(sg -> put(result, sg));
                }
                if (result.isEmpty()) {
                    // every word found nowhere together ("dvt left leg": the index says "lower extremity"): the search's
                    // relaxed reading, where one word may be missing
                    Map<String, Ranked> ranked = new LinkedHashMap<>();
                    add(ranked, lexicalHits(index, meaning.texts().get(0), filter, false, PER_COMPLETION), 1.0, null);
                    reorder(ranked, List.of(lexical.terms(meaning.texts().get(0))), false);
                    ranked.values().stream().sorted((a, b) -> Double.compare(b.score, a.score)).forEach(r -> put(result, suggestion(r.document)));
                }
            }
            List<Suggestion> all = List.copyOf(result.values());
            return all.subList(0, Math.min(limit, all.size()));
        }

        /**
         * Answers the completions from {@code from} on, skipping those that begin no phrase, until {@code tries} were
         * answered or {@code enough} lists found (each answer a search when the table lacks it); returns where it stopped.
         */
        private int tryCompletions(List<String> candidates, int from, Set<String> unbegun, int tries, int enough,
                List<List<Suggestion>> lists, List<String> texts) {
            int i = from;
            for (int tried = 0; i < candidates.size() && tried < tries && lists.size() < enough; i++) {
                String text = candidates.get(i);
                if (unbegun.contains(text)) {
                    continue;
                }
                tried++;
                List<Suggestion> found = answered(text);
                if (!found.isEmpty()) {
                    lists.add(found);
                    texts.add(text);
                }
            }
            return i;
        }

        /**
         * The last word completed as the words before it mean: a fragment completes to the words the index holds most
         * ("rt knee pa": "partial", of the many partial amputations), but the coder's text is the one whose first answer the
         * book prints for it and says least beyond it ("Pain in right knee", reached by "Pain, joint, knee", names the side:
         * nothing more). Up to two more completions are tried; one whose first answer the book's order prefers by at least
         * an index path's lead ({@link BookOrder#nearPath}) over the first list's comes first, the first list second.
         */
        private void saysLeastFirst(List<String> candidates, int from, Set<String> unbegun, List<List<Suggestion>> lists, List<String> listed) {
            if (lists.isEmpty() || !typedHasHead()) {
                return;
            }
            double first = quality(listed.get(0), lists.get(0).get(0));
            int bestAt = -1;
            double best = first + BookOrder.nearPath() - 1e-9;
            List<List<Suggestion>> more = new ArrayList<>(lists.subList(1, lists.size()));
            List<String> moreTexts = new ArrayList<>(listed.subList(1, listed.size()));
            tryCompletions(candidates, from, unbegun, 2, Integer.MAX_VALUE, more, moreTexts);
            for (int i = 0; i < more.size(); i++) {
                if (more.get(i).get(0).system() != lists.get(0).get(0).system()) {
                    continue; // like with like: an HCPCS or PCS title has no index path, and a procedure's lift is no answer's quality
                }
                double q = quality(moreTexts.get(i), more.get(i).get(0));
                if (q > best) {
                    best = q;
                    bestAt = i;
                }
            }
            if (bestAt >= 0) {
                List<Suggestion> winner = more.get(bestAt);
                List<Suggestion> previous = lists.get(0);
                lists.clear();
                lists.add(winner);
                lists.add(previous);
            }
        }

        /** Whether words come before the fragment being typed: a single fragment ("stro") has no words to follow. */
        private boolean typedHasHead() {
            return meaning != null && Synonyms.normalize(meaning.query()).contains(" ");
        }

        /** The book's order of a completed text's first answer (its index path, side, the words its title adds). */
        private double quality(String text, Suggestion top) {
            Interpretation read = interpreter.interpret(text);
            if (read.texts().isEmpty()) {
                return 0;
            }
            Query key = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(Fields.KEY, top.code().replace(".", ""))), Occur.MUST)
                    .add(new TermQuery(new Term(Fields.SYSTEM, top.system().slug())), Occur.FILTER).build();
            List<CodeIndex.Hit> hits = index.search(key, 1);
            if (hits.isEmpty()) {
                return 0;
            }
            BookOrder.Reading reading = book.reading(read.texts().stream().map(lexical::terms).toList(),
                    BookOrder.isProcedure(read.texts()) && system == null);
            return book.adjustment(candidates.get(hits.get(0).document(), Search.this::candidate), reading);
        }

        private static void put(Map<String, Suggestion> result, Suggestion suggestion) {
            result.putIfAbsent(suggestion.system().slug() + ":" + suggestion.code(), suggestion);
        }

        private void interleave(List<List<Suggestion>> lists, Map<String, Suggestion> result) {
            if (lists.isEmpty()) {
                return;
            }
            List<Suggestion> order = new ArrayList<>(lists.get(0).subList(0, Math.min(2, lists.get(0).size())));
            if (lists.size() > 1) {
                order.add(lists.get(1).get(0));
            }
            order.addAll(lists.get(0));
            if (lists.size() > 1) {
                order.addAll(lists.get(1));
            }
            order.forEach(sg -> put(result, sg));
        }

        /**
         * The tries that complete the last typed word to a word the index holds often ("corneal ectasia right e" gives
         * "... right excision") but begin no title, inclusion term or index entry, when another try does ("... right eye"):
         * only that one is what a coder typing the book's words means. None while the phrases of today's index are not known
         * yet, when no try begins a phrase (words typed out of the book's order: all are searched), and for texts longer
         * than the phrases kept. A coder's word ("screening mammo": mammogram) is always searched.
         */
        private Set<String> phrasesNotBegun(List<String> tries) {
            PhraseAnswers table = phrases;
            if (!applies(table)) {
                return Set.of();
            }
            Set<String> unbegun = new HashSet<>();
            boolean anyBegun = false;
            for (String text : tries) {
                if (table.begins(text)) {
                    anyBegun = true;
                } else if (indexWordGuesses.contains(text) && text.split(" ").length <= PhraseAnswers.MAX_WORDS) {
                    unbegun.add(text);
                }
            }
            return anyBegun ? unbegun : Set.of();
        }

        /**
         * Whether the phrases of the book serve this answer: today's index, no code system or date asked for, and words as
         * the book writes them (nothing typed was read as a coder's abbreviation or lay word: "s/p app" is no phrase of the
         * book beginning with "s p").
         */
        private boolean applies(PhraseAnswers table) {
            return system == null && date == null && table != null && table.knowsPhrases() && table.key().equals(index.key())
                    && (meaning == null || meaning.notes().isEmpty());
        }

        /** A completed text's answer: from the phrase answers when they hold it (today's index, any system), else searched. */
        private List<Suggestion> answered(String text) {
            PhraseAnswers table = phrases;
            if (applies(table)) {
                List<Suggestion> known = table.get(text);
                if (known != null) {
                    return known;
                }
            }
            return completedSearches.get(index.key() + '|' + (system == null ? "" : system.slug()) + '|' + text, k -> searched(text));
        }

        /**
         * The texts {@link #completed} made by completing the last word alone to a word the index holds often, whatever the
         * words before it: "corneal ectasia right e" gives "... right excision".
         */
        private final Set<String> indexWordGuesses = new HashSet<>();

        /** What the typed text may become: vocabulary completions of the whole text, then of its last word. */
        private List<String> completed(String typed) {
            java.util.LinkedHashSet<String> texts = new java.util.LinkedHashSet<>();
            if (interpreter.readsLastWord(typed)) {
                texts.add(typed); // "a fib", "sah", "lap appy": the last word is already a coder's word
            }
            texts.addAll(interpreter.vocabularyCompletions(typed, 2));
            int space = typed.lastIndexOf(' ');
            String head = space < 0 ? "" : typed.substring(0, space + 1);
            String last = typed.substring(space + 1);
            PhraseAnswers table = phrases;
            if (applies(table)) {
                // the words typed so far begin titles or index entries: the last word is completed as they continue
                // ("corneal ectasia right e" is "... right eye", not a coder's "ed" nor the "excision" "e" begins most often)
                texts.addAll(table.continuations(typed, 2));
            }
            if (!last.isEmpty()) {
                for (String word : interpreter.vocabularyCompletions(last, 2)) {
                    if (!word.contains(" ")) {
                        texts.add(head + word);
                    }
                }
                if (last.length() >= 2 || !head.isEmpty()) {
                    List<String> words = completions.get(index.key() + '|' + last, k -> {
                        List<String> begun = index.completions(last, 3, 4000);
                        // no word begins with the fragment: a typing error inside it ("pnuemon" is "pneumon...")
                        return begun.isEmpty() ? index.completionsWithOneError(last, 2) : begun;
                    });
                    words.stream().filter(w -> texts.add(head + w)).forEach(w -> indexWordGuesses.add(head + w));
                }
            }
            return List.copyOf(texts);
        }

        /** Every word found, exactly or stemmed: a completion is a dictionary word, so no typing errors and no relaxing. */
        private List<CodeIndex.Hit> strictHits(String text, Query filter, int n) {
            Query query = lexical.completed(text);
            return query == null ? List.of() : index.search(and(query, filter), n);
        }

        /** The text read as a search reads it (abbreviations, lay words) and searched by words, in the book's order. */
        private List<Suggestion> searched(String text) {
            Interpretation read = interpreter.interpret(text);
            if (read.texts().isEmpty()) {
                return List.of();
            }
            String first = compounds(index, read.texts().get(0));
            boolean procedure = BookOrder.isProcedure(read.texts()) && system == null;
            Map<String, Ranked> ranked = new LinkedHashMap<>();
            add(ranked, strictHits(first, filter, PER_COMPLETION * 2), 1.0, null);
            if (procedure) {
                add(ranked, strictHits(first, and(PROCEDURE_SYSTEMS, filter), PER_COMPLETION), 1.0, null);
            }
            if (read.texts().size() > 1) {
                // as typed too: "colonoscopy" is itself an index main term, whatever its PCS words, and then counts fully
                String typed = read.texts().get(1);
                boolean entry = namesIndexEntry(index, typed, filter);
                if (entry || ranked.size() < PER_COMPLETION) {
                    add(ranked, strictHits(typed, filter, PER_COMPLETION), entry ? 1.0 : 0.3, null);
                }
                if (entry && procedure) {
                    add(ranked, strictHits(typed, and(PROCEDURE_SYSTEMS, filter), PER_COMPLETION), 1.0, null);
                }
            }
            List<String> readings = new ArrayList<>(read.texts());
            readings.set(0, first);
            if (system == null || system == CodeSystem.ICD10CM) {
                // a family history by the block of the relative's condition, as a search reads it ("father had mi")
                String block = familyHistoryOfBlock(index, first, filter, date);
                if (block != null && !readings.contains(block)) {
                    readings.add(block);
                    add(ranked, strictHits(block, filter, PER_COMPLETION), 1.0, null);
                }
            }
            BookOrder.Reading reading = reorder(ranked, readings.stream().map(lexical::terms).toList(), procedure, read.codeKey() == null);
            if (read.codeKey() == null) {
                codesBelowLeadingHeaders(index, ranked, reading, filter, 1);
                headersAfterTheirCodes(ranked);
                conditionsCodedFirst(index, ranked, lexical.terms(first), filter, date, 1);
            }
            return ranked.values().stream().sorted((a, b) -> Double.compare(b.score, a.score)).limit(PER_COMPLETION)
                    .map(r -> suggestion(r.document)).toList();
        }
    }

    /**
     * Adds the book's order (see {@link BookOrder}) to each candidate's fused score; returns the query's reading. A quality
     * data code not asked for leaves the list: a diagnosis search is never answered by one.
     */
    private BookOrder.Reading reorder(Map<String, Ranked> ranked, List<List<String>> readings, boolean procedure) {
        return reorder(ranked, readings, procedure, true);
    }

    /** {@code words}: the query is words, not a code typed ("G8427" is that code, whatever it reports). */
    private BookOrder.Reading reorder(Map<String, Ranked> ranked, List<List<String>> readings, boolean procedure, boolean words) {
        BookOrder.Reading reading = book.reading(readings, procedure);
        if (procedure) {
            book.diagnosisPrinted(reading, ranked.values().stream().filter(r -> CodeSystem.ICD10CM.slug().equals(r.document.get(Fields.SYSTEM)))
                    .map(r -> candidates.get(r.document, this::candidate)).toList());
        }
        for (java.util.Iterator<Ranked> it = ranked.values().iterator(); it.hasNext(); ) {
            Ranked r = it.next();
            BookOrder.Prepared candidate = candidates.get(r.document, this::candidate);
            if (words && book.unaskedMeasure(candidate, reading)) {
                it.remove();
            } else {
                r.score += book.adjustment(candidate, reading);
            }
        }
        return reading;
    }

    /** HCPCS quality data codes (M1000-M1999, G8000-G9999): see {@link BookOrder#unaskedMeasure}. */
    private static final Query QUALITY_CODES = new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Fields.SYSTEM, CodeSystem.HCPCS.slug())), Occur.FILTER)
            .add(new BooleanQuery.Builder()
                    .add(TermRangeQuery.newStringRange(Fields.KEY, "G8000", "G9999", true, true), Occur.SHOULD)
                    .add(TermRangeQuery.newStringRange(Fields.KEY, "M1000", "M1999", true, true), Occur.SHOULD).build(), Occur.MUST).build();

    /** The filter, and no quality data code. */
    private static Query withoutMeasures(Query filter) {
        return new BooleanQuery.Builder().add(filter == null ? new org.apache.lucene.search.MatchAllDocsQuery() : filter, Occur.FILTER)
                .add(QUALITY_CODES, Occur.MUST_NOT).build();
    }

    private static final java.util.regex.Pattern SIDE_WORDS = java.util.regex.Pattern.compile("\\b(left|right|bilateral)\\b");

    /** The text without the side words it names, or null when it names none (or nothing else). */
    static String withoutSides(String text) {
        if (!SIDE_WORDS.matcher(text).find()) {
            return null;
        }
        String rest = SIDE_WORDS.matcher(text).replaceAll(" ").strip().replaceAll("\\s+", " ");
        return rest.isEmpty() ? null : rest;
    }

    /** How many of the first answers are checked for an unspecified side that the side typed completes. */
    private static final int SIBLINGS = 25;
    private static final java.util.regex.Pattern UNSPECIFIED = java.util.regex.Pattern.compile("(?i)\\bunspecified\\b");

    /**
     * The Alphabetic Index names no side, and the code it prints may be the unspecified side ("Fracture, traumatic, ankle
     * S82.899": Other fracture of unspecified lower leg); the coder who has the side reports its sibling, the title with the
     * side for "unspecified" (S82.892A, "Other fracture of left lower leg"). For an ICD-10-CM code among the {@code first}
     * answers whose title says "unspecified", when the query names one side, that sibling is scored just above it, by the
     * side's weight (it names the side typed, the unspecified code does not).
     */
    private void sidedSiblings(CodeIndex index, Map<String, Ranked> ranked, List<String> stems, Query filter, int first,
                               BookOrder.Reading reading) {
        List<String> sides = stems.stream().filter(s -> s.equals("left") || s.equals("right") || s.equals("bilater")).distinct().toList();
        if (sides.size() != 1) {
            return;
        }
        String side = sides.get(0).equals("bilater") ? "bilateral" : sides.get(0);
        List<Ranked> sorted = ranked.values().stream().sorted((a, b) -> Double.compare(b.score, a.score)).limit(POOL).toList();
        double top = sorted.isEmpty() ? 0 : sorted.get(0).score;
        // of the unspecified codes the index prints for the words, the one the book's order prefers (no aside, the traumatic
        // fracture before the pathological one, the initial encounter): only its sibling is the book's answer
        Ranked book = null;
        double bookAdjustment = 0;
        for (Ranked r : sorted) {
            String t = r.document.get(Fields.TITLE);
            if (CodeSystem.ICD10CM.slug().equals(r.document.get(Fields.SYSTEM)) && t != null && UNSPECIFIED.matcher(t).find()) {
                BookOrder.Prepared c = candidates.get(r.document, this::candidate);
                if (this.book.printedExactly(c, reading)) {
                    double a = this.book.adjustment(c, reading) + ("1".equals(r.document.get(Fields.BILLABLE)) ? 0 : BookOrder.billableWeight());
                    if (book == null || a > bookAdjustment) {
                        book = r;
                        bookAdjustment = a;
                    }
                }
            }
        }
        for (int rank = 0; rank < sorted.size(); rank++) {
            Ranked unspecified = sorted.get(rank);
            String title = unspecified.document.get(Fields.TITLE);
            if (!CodeSystem.ICD10CM.slug().equals(unspecified.document.get(Fields.SYSTEM)) || title == null
                    || !UNSPECIFIED.matcher(title).find()) {
                continue;
            }
            // the index prints the unspecified side's code for exactly the other words typed ("Fracture, traumatic, ankle
            // S82.899"): its sibling with the side typed is the book's answer, before codes the words favour ("Pathological
            // fracture, left ankle" names the side and the ankle, but is another main term); such a code is looked for
            // further down the list than the others (its title may share few of the words typed)
            boolean printed = unspecified == book;
            if (rank >= first && !printed) {
                continue;
            }
            Set<String> sided = new HashSet<>();
            java.util.regex.Matcher m = UNSPECIFIED.matcher(title);
            while (m.find()) {
                sided.add((title.substring(0, m.start()) + side + title.substring(m.end())).toLowerCase(Locale.ROOT));
            }
            String key = unspecified.document.get(Fields.KEY);
            boolean billable = "1".equals(unspecified.document.get(Fields.BILLABLE));
            Query near = new BooleanQuery.Builder()
                    .add(new PrefixQuery(new Term(Fields.KEY, key.substring(0, Math.max(3, key.length() - 2)))), Occur.MUST)
                    .add(new TermQuery(new Term(Fields.SYSTEM, CodeSystem.ICD10CM.slug())), Occur.FILTER)
                    .add(new TermQuery(new Term(Fields.BILLABLE, billable ? "1" : "0")), Occur.FILTER).build();
            for (CodeIndex.Hit hit : index.search(and(near, filter), 100, codeOrder())) {
                Document d = hit.document();
                if (d.get(Fields.TITLE) != null && sided.contains(d.get(Fields.TITLE).toLowerCase(Locale.ROOT))) {
                    if (printed) {
                        // the book's answer, found by the words or not (a header: the code below it comes first, see
                        // codesBelowLeadingHeaders)
                        Ranked r = ranked.computeIfAbsent(d.get(Fields.ID), id -> new Ranked(d));
                        r.score = Math.max(r.score, Math.max(unspecified.score + BookOrder.sideWeight(), top) + 1e-6);
                    } else if (!ranked.containsKey(d.get(Fields.ID))) {
                        // only a sibling the words did not find (its title lacks them): one they found has its own score
                        Ranked r = new Ranked(d);
                        // as the unspecified code would score had it named the side (a header lost the side's weight too)
                        r.score = unspecified.score + BookOrder.sideWeight() * (billable ? 1 : 2) + 1e-6;
                        ranked.put(d.get(Fields.ID), r);
                    }
                    break;
                }
            }
        }
    }

    /** How many of the first answers of a search are checked for a header with no code below it found. */
    private static final int LEADING = 3;

    /**
     * The code below a header among the {@code first} answers that the book's order prefers for the query (the unspecified
     * one where there is one, the side typed, the initial encounter) is scored as the header, found or not, so that
     * {@link #headersAfterTheirCodes} puts it first: "lac lt index finger" finds the header S61.211 and no code below it,
     * "lac rt middle finger" only the sequela S61.212S below S61.212 (its short title says "lac"); the claim needs the
     * initial encounter, S61.211A and S61.212A.
     */
    private void codesBelowLeadingHeaders(CodeIndex index, Map<String, Ranked> ranked, BookOrder.Reading reading, Query filter, int first) {
        List<Ranked> leading = ranked.values().stream().sorted((a, b) -> Double.compare(b.score, a.score)).limit(first)
                // an ICD-10-CM header has an unspecified or default code below it; a PCS table's first code is no default
                .filter(r -> !"1".equals(r.document.get(Fields.BILLABLE)) && CodeSystem.ICD10CM.slug().equals(r.document.get(Fields.SYSTEM)))
                .toList();
        for (Ranked header : leading) {
            Query below = new BooleanQuery.Builder()
                    .add(new PrefixQuery(new Term(Fields.KEY, header.document.get(Fields.KEY))), Occur.MUST)
                    .add(new TermQuery(new Term(Fields.SYSTEM, header.document.get(Fields.SYSTEM))), Occur.FILTER)
                    .add(new TermQuery(new Term(Fields.BILLABLE, "1")), Occur.FILTER).build();
            Document best = null;
            double bestAdjustment = 0;
            for (CodeIndex.Hit hit : index.search(and(below, filter), 100, codeOrder())) {
                double adjustment = book.adjustment(candidates.get(hit.document(), this::candidate), reading);
                if (best == null || adjustment > bestAdjustment) { // ties: the first in the book's order
                    best = hit.document();
                    bestAdjustment = adjustment;
                }
            }
            if (best != null) {
                Document document = best;
                Ranked code = ranked.computeIfAbsent(best.get(Fields.ID), id -> new Ranked(document));
                code.score = Math.max(code.score, header.score);
            }
        }
    }

    /** Per ICD-10-CM release (by id), the codes each code's own "Code first" notes name: read once, the tabular does not change. */
    private final Cache<Long, Map<String, List<String>>> codeFirst = Caffeine.newBuilder().maximumSize(8).build();

    /**
     * A manifestation comes after the condition its Tabular entry says to code first, when the query names that condition
     * (the conventions' "code first" notes, Guidelines I.A.13; for COVID-19, I.C.1.g.1: U07.1 first, then J12.82 for its
     * pneumonia): "covid pneumonia" finds J12.82, whose note says "Code first COVID-19 (U07.1)", so U07.1 is scored just above
     * it. Only the entry's own notes (an inherited "associated influenza, if applicable" is a condition to check, not a
     * sequence), only a complete code whose title's words the query holds.
     */
    private void conditionsCodedFirst(CodeIndex index, Map<String, Ranked> ranked, List<String> stems, Query filter, LocalDate date,
                                      int first) {
        List<Ranked> leading = ranked.values().stream().sorted((a, b) -> Double.compare(b.score, a.score)).limit(first)
                .filter(r -> CodeSystem.ICD10CM.slug().equals(r.document.get(Fields.SYSTEM))).toList();
        Set<String> wanted = new HashSet<>(stems);
        for (Ranked manifestation : leading) {
            String code = manifestation.document.get(Fields.CODE);
            for (String named : codesToCodeFirst(manifestation.document.get(Fields.KEY), date)) {
                Query key = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(Fields.KEY, named.replace(".", ""))), Occur.MUST)
                        .add(new TermQuery(new Term(Fields.SYSTEM, CodeSystem.ICD10CM.slug())), Occur.FILTER)
                        .add(new TermQuery(new Term(Fields.BILLABLE, "1")), Occur.FILTER).build();
                for (CodeIndex.Hit hit : index.search(and(key, filter), 1)) {
                    Document condition = hit.document();
                    if (!wanted.containsAll(lexical.terms(condition.get(Fields.TITLE)))) {
                        continue;
                    }
                    Ranked r = ranked.computeIfAbsent(condition.get(Fields.ID), id -> new Ranked(condition));
                    if (r.score <= manifestation.score) {
                        r.score = manifestation.score + 1e-6;
                        r.reasons.add("Code first (the Tabular at " + code + ")");
                    }
                }
            }
        }
    }

    private List<String> codesToCodeFirst(String key, LocalDate date) {
        return catalog.releaseInForce(CodeSystem.ICD10CM, date == null ? LocalDate.now() : date, "codes")
                .map(release -> codeFirst.get(release.id(), id -> catalog.codeFirstNotes(release)).getOrDefault(key, List.of()))
                .orElse(List.of());
    }

    private static final java.util.regex.Pattern FAMILY_HISTORY_OF = java.util.regex.Pattern.compile("\\bfamily history(?: of)?\\b");

    /** ICD-10-CM's diagnoses outside chapter 21 (the conditions themselves, not the history or status Z codes). */
    private static final Query CONDITIONS = new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Fields.SYSTEM, CodeSystem.ICD10CM.slug())), Occur.MUST)
            .add(TermRangeQuery.newStringRange(Fields.CATEGORY, "Z00", "Z99", true, true), Occur.MUST_NOT).build();

    /**
     * A family history (Z80-Z84) is coded by the block or chapter of the relative's condition, which the Z titles and the
     * index's "History, family" entries name ("ischemic heart disease", "malignant neoplasm of digestive organs"), rarely
     * the condition itself: "family history of myocardial infarction" is Z82.49, family history of ischemic heart disease.
     * The condition is searched as a search would order it, and its section's title gives the reading
     * "family history of ischemic heart diseases"; null when the text names no family history or no condition is found.
     */
    private String familyHistoryOfBlock(CodeIndex index, String text, Query filter, LocalDate date) {
        String condition = relativesCondition(text);
        if (condition == null) {
            return null;
        }
        Map<String, Ranked> ranked = new LinkedHashMap<>();
        add(ranked, lexicalHits(index, condition, and(CONDITIONS, filter), true, 20), 1.0, null);
        reorder(ranked, List.of(lexical.terms(condition)), false);
        Optional<Ranked> best = ranked.values().stream().max((a, b) -> Double.compare(a.score, b.score));
        if (best.isEmpty()) {
            return null;
        }
        String title = innermostSectionTitle(sections(date), best.get().document.get(Fields.KEY));
        return title == null ? null : familyHistoryOf(title);
    }

    /** What a text naming a family history says the relative had ("myocardial infarction"), or null when it names none. */
    static String relativesCondition(String text) {
        java.util.regex.Matcher m = FAMILY_HISTORY_OF.matcher(text);
        if (!m.find()) {
            return null;
        }
        String condition = (text.substring(0, m.start()) + " " + text.substring(m.end())).strip().replaceAll("\\s+", " ");
        return condition.isEmpty() ? null : condition;
    }

    /** The reading of a family history of a section's conditions: "Ischemic heart diseases (I20-I25)" gives "family history of ischemic heart diseases". */
    static String familyHistoryOf(String sectionTitle) {
        return "family history of " + sectionTitle.replaceAll("\\s*\\([A-Z][0-9][0-9A-Z]-[A-Z][0-9][0-9A-Z]\\)\\s*$", "").toLowerCase(Locale.ROOT);
    }

    /** The ICD-10-CM sections (blocks) per release: read once, the tabular does not change. */
    private final Cache<Long, List<org.codedesk.catalog.Catalog.Heading>> sections = Caffeine.newBuilder().maximumSize(8).build();

    private List<org.codedesk.catalog.Catalog.Heading> sections(LocalDate date) {
        return catalog.releaseInForce(CodeSystem.ICD10CM, date == null ? LocalDate.now() : date, "codes")
                .map(release -> sections.get(release.id(), id -> catalog.headings(release).stream().filter(h -> "section".equals(h.kind()))
                        .toList())).orElse(List.of());
    }

    /**
     * The title of the narrowest block holding a code's category: blocks nest ("Malignant neoplasms (C00-C96)" holds
     * "Malignant neoplasms of digestive organs (C15-C26)"), and the family history codes follow the inner ones (Z80.0).
     */
    static String innermostSectionTitle(List<org.codedesk.catalog.Catalog.Heading> sections, String key) {
        if (key == null || key.length() < 3) {
            return null;
        }
        String category = key.substring(0, 3);
        return sections.stream().filter(h -> h.contains(category))
                .max(java.util.Comparator.comparing(org.codedesk.catalog.Catalog.Heading::firstCode)
                        .thenComparing(org.codedesk.catalog.Catalog.Heading::lastCode, java.util.Comparator.reverseOrder()))
                .map(org.codedesk.catalog.Catalog.Heading::title).orElse(null);
    }

    /** ICD-10-CM's encounter and status codes (Z00-Z99). */
    private static final Query ENCOUNTER_CODES = new BooleanQuery.Builder()
            .add(TermRangeQuery.newStringRange(Fields.CATEGORY, "Z00", "Z99", true, true), Occur.MUST)
            .add(new TermQuery(new Term(Fields.SYSTEM, CodeSystem.ICD10CM.slug())), Occur.FILTER).build();

    /**
     * Each stored document read once for the book's order (title words, index paths parsed), as long as the document is
     * in memory: {@link CodeIndex} keeps the codes that come back, and an answer orders a few dozen of them.
     */
    private final Cache<Document, BookOrder.Prepared> candidates = Caffeine.newBuilder().weakKeys().maximumSize(100_000).build();

    private BookOrder.Prepared candidate(Document d) {
        return book.prepare(new BookOrder.Candidate(d.get(Fields.SYSTEM), d.get(Fields.TITLE), "1".equals(d.get(Fields.BILLABLE)),
                List.of(d.getValues(Fields.INDEX)), d.get(Fields.KEY)));
    }

    /**
     * A header found with a billable code below it gives its place to that code and comes right after it: words rarely
     * tell "Fall from bed" (W06) from "Fall from bed, initial encounter" (W06.XXXA), and a claim needs the code, not its
     * header. The code below is the best-scored billable one found.
     */
    private static void headersAfterTheirCodes(Map<String, Ranked> ranked) {
        Map<String, Ranked> bestBelow = new java.util.HashMap<>();
        for (Ranked r : ranked.values()) {
            if ("1".equals(r.document.get(Fields.BILLABLE))) {
                String key = r.document.get(Fields.KEY);
                for (int length = 3; length < key.length(); length++) {
                    bestBelow.merge(r.document.get(Fields.SYSTEM) + ':' + key.substring(0, length), r, (a, b) -> a.score >= b.score ? a : b);
                }
            }
        }
        ranked.values().stream().filter(r -> !"1".equals(r.document.get(Fields.BILLABLE)))
                .sorted((a, b) -> Double.compare(b.score, a.score)).forEach(header -> {
                    Ranked code = bestBelow.get(header.document.get(Fields.SYSTEM) + ':' + header.document.get(Fields.KEY));
                    if (code != null && header.score >= code.score) {
                        code.score = header.score;
                        header.score = Math.nextDown(header.score);
                    }
                });
    }

    private static final Query PROCEDURE_SYSTEMS = new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Fields.SYSTEM, CodeSystem.ICD10PCS.slug())), Occur.SHOULD)
            .add(new TermQuery(new Term(Fields.SYSTEM, CodeSystem.HCPCS.slug())), Occur.SHOULD)
            .add(new TermQuery(new Term(Fields.SYSTEM, CodeSystem.CPT.slug())), Occur.SHOULD).build();

    /** Whether some index path is made of exactly the text's words. */
    private boolean namesIndexEntry(CodeIndex index, String text, Query filter) {
        Query entry = lexical.indexEntry(text);
        return entry != null && !index.search(and(entry, filter), 1).isEmpty();
    }

    /**
     * Two words typed apart that the index prints as one ("heart burn": Heartburn R12; "sun burn": Sunburn L55.9) read as that
     * word: each half is a word too ("heart", "burn"), so no spelling correction would see the compound, and the two words
     * together find burns on board ships. Halves of three letters or more (an abbreviation's reading comes before this).
     */
    private String compounds(CodeIndex index, String text) {
        String[] words = text.split(" ");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (i + 1 < words.length && words[i].length() >= 3 && words[i + 1].length() >= 3 && words[i].chars().allMatch(Character::isLetter)
                    && words[i + 1].chars().allMatch(Character::isLetter) && index.inIndexPaths(words[i] + words[i + 1])) {
                out.add(words[i] + words[i + 1]);
                i++;
            } else {
                out.add(words[i]);
            }
        }
        return String.join(" ", out);
    }

    /** The text with each word the index does not hold replaced by the nearest one it holds. */
    private String correct(CodeIndex index, String text) {
        List<String> words = new ArrayList<>();
        for (String word : compounds(index, text).split(" ")) {
            // a coder's word ("chole", "appy", "cabg") is read as written even when no title holds it
            words.add(interpreter.isVocabulary(word) ? word : index.correct(word));
        }
        return String.join(" ", words);
    }

    /** Strict first (every word found); when nothing matches, allow one word (then half of them) to be missing. */
    private List<CodeIndex.Hit> lexicalHits(CodeIndex index, String text, Query filter, boolean typingErrors) {
        return lexicalHits(index, text, filter, typingErrors, POOL);
    }

    private List<CodeIndex.Hit> lexicalHits(CodeIndex index, String text, Query filter, boolean typingErrors, int pool) {
        int words = lexical.wordsWithStems(text).size();
        for (int minimum : new int[] {0, words - 1, (words + 1) / 2}) {
            if (minimum < 0 || (minimum > 0 && minimum >= words) || (minimum == 0 && words == 0)) {
                continue;
            }
            Query query = lexical.text(text, minimum, typingErrors, index::holds);
            if (query == null) {
                return List.of();
            }
            List<CodeIndex.Hit> hits = index.search(and(query, filter), pool);
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

    private static final java.util.regex.Pattern HCPCS_FORM = java.util.regex.Pattern.compile("\\s*[A-Va-v][0-9]{4}\\s*");

    /**
     * The same key in two code systems ("J1100": dexamethasone in HCPCS, influenza J11.00 in ICD-10-CM): the form typed
     * says which is meant. With a dot it is ICD-10-CM's; five characters without one are HCPCS's form. Stable otherwise.
     */
    static List<CodeIndex.Hit> typedFormFirst(List<CodeIndex.Hit> hits, String typed) {
        String preferred = typed.contains(".") ? CodeSystem.ICD10CM.slug() : HCPCS_FORM.matcher(typed).matches() ? CodeSystem.HCPCS.slug() : null;
        if (preferred == null || hits.size() < 2) {
            return hits;
        }
        String key = typed.strip().replace(".", "").toUpperCase(Locale.ROOT);
        List<CodeIndex.Hit> ordered = new ArrayList<>(hits);
        ordered.sort(java.util.Comparator.comparing((CodeIndex.Hit h) -> !(key.equals(h.document().get(Fields.KEY))
                && preferred.equals(h.document().get(Fields.SYSTEM)))));
        return ordered;
    }

    /** Reciprocal-rank fusion: each list adds weight / (k + rank) to a code, so lists of different scales combine fairly. */
    static void add(Map<String, Ranked> ranked, List<CodeIndex.Hit> hits, double weight, String reason) {
        for (int rank = 0; rank < hits.size(); rank++) {
            Document d = hits.get(rank).document();
            Ranked r = ranked.computeIfAbsent(d.get(Fields.ID), id -> new Ranked(d));
            r.score += weight / (FUSION_K + rank + 1);
            if (reason != null) {
                r.reasons.add(reason);
            }
        }
    }

    static final class Ranked {
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

    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[A-Za-z0-9']+");

    /** Splits a title into words and the text between them, marking the words whose stem the query holds. */
    private List<Segment> highlight(String title, Set<String> wanted) {
        if (title == null) {
            return List.of();
        }
        List<Segment> segments = new ArrayList<>();
        Map<String, Boolean> memo = new HashMap<>();
        java.util.regex.Matcher m = WORD.matcher(title);
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

    static Suggestion suggestion(Document d) {
        CodeSystem system = CodeSystem.ofSlug(d.get(Fields.SYSTEM)).orElseThrow();
        return new Suggestion(system, d.get(Fields.CODE), d.get(Fields.TITLE), "1".equals(d.get(Fields.BILLABLE)),
                "/codes/" + system.slug() + "/" + d.get(Fields.CODE));
    }
}
