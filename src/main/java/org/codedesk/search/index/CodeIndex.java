package org.codedesk.search.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.FSDirectory;

/**
 * An open, immutable search index of the code releases in force (one snapshot; a new import builds a new one
 * and swaps it in). Thread-safe: any number of searches may run at once.
 */
public final class CodeIndex implements Closeable {

    /** A hit: Lucene's document number, its score and the stored fields. */
    public record Hit(int doc, float score, Document document) { }

    private final String key;
    private final FSDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final boolean hasVectors;
    private final DirectSpellChecker spelling = new DirectSpellChecker();
    /**
     * Stored documents by Lucene number: loading one decompresses a block of stored fields, which is most of what a
     * cold autocomplete costs, and the same codes (E11.9, I10...) come back query after query. The snapshot is
     * immutable, so an entry never goes stale; callers only read the documents.
     */
    private final com.github.benmanes.caffeine.cache.Cache<Integer, Document> documents =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(60_000).build();

    {
        spelling.setMinPrefix(0); // "neumonia" lacks its first letter
    }

    public CodeIndex(String key, Path folder, boolean hasVectors) {
        try {
            this.key = key;
            this.directory = FSDirectory.open(folder);
            this.reader = DirectoryReader.open(directory);
            FSDirectory opened = directory;
            reader.getReaderCacheHelper().addClosedListener(k -> opened.close());
            this.searcher = new IndexSearcher(reader);
            this.hasVectors = hasVectors;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + folder, e);
        }
    }

    public String key() {
        return key;
    }

    public boolean hasVectors() {
        return hasVectors;
    }

    public int size() {
        return reader.numDocs();
    }

    /** The folder the index lives in: files derived from it (autocomplete's phrase answers) are kept beside it. */
    public Path folder() {
        return directory.getDirectory();
    }

    /** The stored fields of every document, in index order: the titles and index paths the book holds. */
    public void forEachDocument(java.util.function.Consumer<Document> action) {
        try {
            var stored = searcher.storedFields();
            org.apache.lucene.util.Bits live = org.apache.lucene.index.MultiBits.getLiveDocs(reader);
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                if (live == null || live.get(doc)) {
                    action.accept(stored.document(doc));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Hit> search(Query query, int n) {
        try {
            // count hits only as far as the top n need: past that, documents that cannot enter the top n are skipped
            // (the same top n, in the same order; nothing reads the total)
            int top = Math.max(1, Math.min(n, reader.maxDoc()));
            return hits(searcher.search(withTermStates(query), new TopScoreDocCollectorManager(top, null, top, false)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Hit> search(Query query, int n, Sort sort) {
        try {
            return hits(searcher.search(withTermStates(query), n, sort));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Each term's statistics and place in the term dictionary, looked up once per index: a query names every word in
     * four fields and an index key per word left out, so finding the terms was half of what a search cost, and the same
     * words come back query after query. The snapshot never changes, so an entry never goes stale; a TermStates built
     * with its statistics is only read afterwards (each search copies the term state it seeks with).
     */
    private final com.github.benmanes.caffeine.cache.Cache<Term, TermStates> termStates =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(200_000).build();

    /** The same query, its term queries carrying their cached {@link TermStates}: scores and matches are unchanged. */
    private Query withTermStates(Query query) throws IOException {
        if (query instanceof TermQuery term) {
            return term.getTermStates() != null ? term : new TermQuery(term.getTerm(), termStates.get(term.getTerm(), this::termStates));
        }
        if (query instanceof BoostQuery boost) {
            return new BoostQuery(withTermStates(boost.getQuery()), boost.getBoost());
        }
        if (query instanceof DisjunctionMaxQuery max) {
            List<Query> disjuncts = new ArrayList<>(max.getDisjuncts().size());
            for (Query q : max.getDisjuncts()) {
                disjuncts.add(withTermStates(q));
            }
            return new DisjunctionMaxQuery(disjuncts, max.getTieBreakerMultiplier());
        }
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder builder = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            for (BooleanClause clause : bool.clauses()) {
                builder.add(withTermStates(clause.getQuery()), clause.getOccur());
            }
            return builder.build();
        }
        if (query instanceof PrefixQuery prefix && prefix.getRewriteMethod() == MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE) {
            return prefixes.get(prefix, p -> MatchingDocsQuery.of(p, reader));
        }
        return query; // fuzzy, phrase, range and vector queries find their terms themselves
    }

    /**
     * The documents each word prefix matches ("elb" in titles): autocomplete's last typed word is a prefix, the same
     * fragments come back, and finding them means merging the postings of every word they begin. At most 64 MB.
     */
    private final com.github.benmanes.caffeine.cache.Cache<PrefixQuery, MatchingDocsQuery> prefixes =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumWeight(64L << 20)
                    .weigher((PrefixQuery p, MatchingDocsQuery q) -> (int) Math.min(Integer.MAX_VALUE, 64 + q.bytes())).build();

    private TermStates termStates(Term term) {
        try {
            TermStates states = TermStates.build(searcher, term, true);
            for (var leaf : reader.leaves()) {
                states.get(leaf); // settles a term absent from a segment now, so a shared entry is only read later
            }
            return states;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code n} documents whose embedding is nearest to {@code vector}, among those matching {@code filter}. */
    public List<Hit> nearest(float[] vector, int n, Query filter) {
        return search(new KnnFloatVectorQuery(Fields.VECTOR, vector, n, filter), n);
    }

    private List<Hit> hits(TopDocs top) throws IOException {
        List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
        var stored = searcher.storedFields();
        for (ScoreDoc sd : top.scoreDocs) {
            Document document = documents.getIfPresent(sd.doc);
            if (document == null) {
                document = stored.document(sd.doc);
                documents.put(sd.doc, document);
            }
            hits.add(new Hit(sd.doc, Float.isNaN(sd.score) ? 0 : sd.score, document));
        }
        return hits;
    }

    /** Whether a title or an index path holds {@code word} as written (not stemmed): such a word is no typing error. */
    public boolean holds(String word) {
        try {
            return reader.docFreq(new Term(Fields.TITLE_EXACT, word)) > 0 || reader.docFreq(new Term(Fields.INDEX_EXACT, word)) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether an index path holds {@code word} as written ("heartburn", "sunburn"): a term of the book, not only of a title. */
    public boolean inIndexPaths(String word) {
        try {
            return reader.docFreq(new Term(Fields.INDEX_EXACT, word)) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The word itself when the index holds it, else the closest word the index holds (within two edits, same
     * first letter), else the word unchanged: how "pnuemonia" becomes "pneumonia".
     */
    public String correct(String word) {
        return corrections.get(word, this::nearestWord);
    }

    /** Corrections per word: the spelling checker builds automata for every call, and typed fragments recur. */
    private final com.github.benmanes.caffeine.cache.Cache<String, String> corrections =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(50_000).build();

    private String nearestWord(String word) {
        try {
            Term inTitle = new Term(Fields.TITLE_EXACT, word);
            Term inIndex = new Term(Fields.INDEX_EXACT, word);
            if (word.length() < 4 || reader.docFreq(inTitle) > 0 || reader.docFreq(inIndex) > 0 || word.chars().anyMatch(Character::isDigit)) {
                return word;
            }
            SuggestWord best = null;
            for (Term term : List.of(inIndex, inTitle)) {
                for (SuggestWord candidate : spelling.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
                    if (best == null || candidate.score > best.score || (candidate.score == best.score && candidate.freq > best.freq)) {
                        best = candidate;
                    }
                }
            }
            // short words get one typing error at most: "vtach" must not become "vbac"
            int allowed = word.length() <= 5 ? 1 : 2;
            return best == null || distance(word, best.string) > allowed ? word : best.string;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The {@code n} words starting with {@code prefix} that the most index paths hold (titles' words when no index path
     * holds one): how "stro" becomes "stroke" and "migr" becomes "migraine" before anything is searched. At most
     * {@code scan} dictionary words are looked at, so a one-letter prefix stays cheap.
     */
    public List<String> completions(String prefix, int n, int scan) {
        if (prefix.isEmpty()) {
            return List.of();
        }
        try {
            java.util.PriorityQueue<Object[]> best = new java.util.PriorityQueue<>(java.util.Comparator.comparingInt(o -> (int) o[1]));
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String field : List.of(Fields.INDEX_EXACT, Fields.TITLE_EXACT)) {
                org.apache.lucene.index.Terms terms = org.apache.lucene.index.MultiTerms.getTerms(reader, field);
                if (terms == null) {
                    continue;
                }
                org.apache.lucene.index.TermsEnum e = terms.iterator();
                org.apache.lucene.util.BytesRef start = new org.apache.lucene.util.BytesRef(prefix);
                if (e.seekCeil(start) == org.apache.lucene.index.TermsEnum.SeekStatus.END) {
                    continue;
                }
                int looked = 0;
                for (org.apache.lucene.util.BytesRef term = e.term(); term != null && looked < scan; term = e.next(), looked++) {
                    if (!org.apache.lucene.util.StringHelper.startsWith(term, start)) {
                        break;
                    }
                    String word = term.utf8ToString();
                    // a word the index paths hold counts ten times a word only titles hold: index terms are what coders type
                    int weight = field.equals(Fields.INDEX_EXACT) ? e.docFreq() * 10 : e.docFreq();
                    if (seen.add(word) || field.equals(Fields.INDEX_EXACT)) {
                        best.add(new Object[] {word, weight});
                        if (best.size() > n * 2) {
                            best.poll();
                        }
                    }
                }
            }
            List<Object[]> sorted = new ArrayList<>(best);
            sorted.sort((a, b) -> Integer.compare((int) b[1], (int) a[1]));
            java.util.LinkedHashSet<String> words = new java.util.LinkedHashSet<>();
            sorted.forEach(o -> words.add((String) o[0]));
            return words.stream().limit(n).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The completions of a fragment typed with one typing error ("pnuemon": "pneumonia"), when no word begins with it: the
     * fragments one edit away (a transposition, a letter missing, extra or wrong; the first letter kept, as {@link #correct}
     * keeps it) that begin a word the index holds, the one whose best completion weighs most. Empty when none does.
     */
    public List<String> completionsWithOneError(String fragment, int n) {
        if (fragment.length() < 5 || !fragment.chars().allMatch(Character::isLetter)) {
            return List.of();
        }
        java.util.Set<String> variants = new java.util.LinkedHashSet<>();
        for (int i = 1; i < fragment.length(); i++) {
            if (i + 1 < fragment.length()) {
                variants.add(fragment.substring(0, i) + fragment.charAt(i + 1) + fragment.charAt(i) + fragment.substring(i + 2));
            }
            variants.add(fragment.substring(0, i) + fragment.substring(i + 1));
            for (char c = 'a'; c <= 'z'; c++) {
                variants.add(fragment.substring(0, i) + c + fragment.substring(i + 1));
                variants.add(fragment.substring(0, i) + c + fragment.substring(i));
            }
        }
        for (char c = 'a'; c <= 'z'; c++) {
            variants.add(fragment + c);
        }
        variants.remove(fragment);
        List<String> best = List.of();
        int bestWeight = 0;
        for (String variant : variants) {
            List<String> words = completions(variant, n, 200);
            if (!words.isEmpty()) {
                int weight = completionWeight(words.get(0));
                if (weight > bestWeight) {
                    best = words;
                    bestWeight = weight;
                }
            }
        }
        return best;
    }

    /**
     * How strongly a word completes a typed fragment, as {@link #completions} weighs it: the index paths holding it count
     * ten times the titles holding it.
     */
    public int completionWeight(String word) {
        try {
            return Math.max(reader.docFreq(new Term(Fields.INDEX_EXACT, word)) * 10, reader.docFreq(new Term(Fields.TITLE_EXACT, word)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Damerau-Levenshtein distance (adjacent transpositions count as one edit, as typing errors do). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** Takes a reference for one search; false when the index was already closed (swapped out and released). */
    public boolean acquire() {
        return reader.tryIncRef();
    }

    /** Gives back a reference taken by {@link #acquire()}. */
    public void release() {
        try {
            reader.decRef();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops the owner's reference; the index closes when the last running search releases its own. */
    @Override
    public void close() {
        release();
    }
}
