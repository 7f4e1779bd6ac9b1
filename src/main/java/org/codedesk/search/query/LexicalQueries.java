package org.codedesk.search.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.codedesk.search.index.Fields;

/**
 * Builds the Lucene queries for text: every word must be found (in the index paths, the title, the inclusion
 * terms or the short title, exactly, stemmed or within one or two typing errors), index paths weigh most,
 * the whole phrase in a title or path adds to the score, and billable codes get a small lift.
 */
public final class LexicalQueries {

    private final Analyzer analyzer = Fields.analyzer();

    /** Stemmed terms of {@code text} as the index's text fields hold them. */
    public List<String> terms(String text) {
        return analyze(Fields.TITLE, text);
    }

    /** Every word must be found ({@code minimumMatch} 0), or at least that many of them (a relaxed retry). */
    public Query text(String text, int minimumMatch) {
        return text(text, minimumMatch, true);
    }

    /** As {@link #text(String, int)}; without {@code typingErrors} only exact and stemmed words match (autocomplete's completed words). */
    public Query text(String text, int minimumMatch, boolean typingErrors) {
        return text(text, minimumMatch, typingErrors, word -> false);
    }

    /**
     * As {@link #text(String, int, boolean)}, where a word the index holds as written ({@code held}) is no typing error,
     * as the spelling correction never replaces such a word: its typing-error matches keep all but its last three letters,
     * so it finds its other inflections the stemmer does not join ("calculus" and "calculi") and never another word
     * ("metacarpal" is not "metatarsal", two edits apart).
     */
    public Query text(String text, int minimumMatch, boolean typingErrors, java.util.function.Predicate<String> held) {
        List<String[]> pairs = wordsWithStems(text);
        if (pairs.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String[] pair : pairs) {
            int fixed = held.test(pair[0]) ? Math.max(1, pair[0].length() - INFLECTION) : 1;
            all.add(word(pair[1], pair[0], typingErrors, fixed), minimumMatch == 0 ? Occur.MUST : Occur.SHOULD);
        }
        if (minimumMatch > 0) {
            all.setMinimumNumberShouldMatch(Math.min(minimumMatch, pairs.size()));
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(all.build(), Occur.MUST);
        List<String> words = pairs.stream().map(p -> p[0]).toList();
        if (words.size() > 1) {
            query.add(new BoostQuery(phrase(Fields.TITLE_EXACT, words), 2f), Occur.SHOULD);
            query.add(new BoostQuery(phrase(Fields.INDEX_EXACT, words), 2f), Occur.SHOULD);
        }
        indexKeys(query, pairs.stream().map(p -> p[1]).toList());
        query.add(new BoostQuery(new TermQuery(new Term(Fields.BILLABLE, "1")), 0.3f), Occur.SHOULD);
        return query.build();
    }

    /** The codes an index entry made of exactly these words leads to ("colonoscopy", "kidney stone" read as typed), or null. */
    public Query indexEntry(String text) {
        List<String> stems = wordsWithStems(text).stream().map(p -> p[1]).toList();
        return stems.isEmpty() ? null : new TermQuery(new Term(Fields.INDEX_KEY, Fields.key(stems)));
    }

    /**
     * For autocomplete's completed text: every word found exactly or stemmed, the index-path boosts and the billable
     * lift, without typing errors or phrase queries (positions cost more than the answer may take).
     */
    public Query completed(String text) {
        List<String[]> pairs = wordsWithStems(text);
        if (pairs.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String[] pair : pairs) {
            query.add(word(pair[1], pair[0], false), Occur.MUST);
        }
        indexKeys(query, pairs.stream().map(p -> p[1]).toList());
        query.add(new BoostQuery(new TermQuery(new Term(Fields.BILLABLE, "1")), 0.3f), Occur.SHOULD);
        return query.build();
    }

    /** An index path made of exactly the query's words (or all but one) is what a coder looks for first. */
    private static void indexKeys(BooleanQuery.Builder query, List<String> stems) {
        query.add(new BoostQuery(new TermQuery(new Term(Fields.INDEX_KEY, Fields.key(stems))), 8f), Occur.SHOULD);
        if (stems.size() >= 2 && stems.size() <= 6) {
            for (int i = 0; i < stems.size(); i++) {
                List<String> fewer = new ArrayList<>(stems);
                fewer.remove(i);
                query.add(new BoostQuery(new TermQuery(new Term(Fields.INDEX_KEY, Fields.key(fewer))), 2f), Occur.SHOULD);
            }
        }
    }

    /** The words that count (stop words dropped), each with its stem: {word, stem}. */
    public List<String[]> wordsWithStems(String text) {
        List<String[]> pairs = new ArrayList<>();
        for (String word : analyze(Fields.TITLE_EXACT, text)) {
            List<String> stem = analyze(Fields.TITLE, word);
            if (!stem.isEmpty()) {
                pairs.add(new String[] {word, stem.get(0)});
            }
        }
        return pairs;
    }

    /** For autocomplete: every word but the last as in {@link #text}, the last one as a prefix. */
    public Query prefix(String text) {
        List<String> words = analyze(Fields.TITLE_EXACT, text);
        if (words.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        String last = words.get(words.size() - 1);
        List<String> stems = analyze(Fields.TITLE, String.join(" ", words.subList(0, words.size() - 1)));
        for (String stem : stems) {
            query.add(new DisjunctionMaxQuery(List.of(new BoostQuery(new TermQuery(new Term(Fields.INDEX, stem)), 1.5f),
                    new TermQuery(new Term(Fields.TITLE, stem))), 0.1f), Occur.MUST);
        }
        Query lastWord = last.length() < 2
                ? new DisjunctionMaxQuery(List.of(new TermQuery(new Term(Fields.TITLE_EXACT, last)), new TermQuery(new Term(Fields.INDEX_EXACT, last))), 0.1f)
                : new DisjunctionMaxQuery(List.of(prefixQuery(Fields.TITLE_EXACT, last), prefixQuery(Fields.INDEX_EXACT, last)), 0.1f);
        query.add(lastWord, Occur.MUST);
        query.add(new BoostQuery(new TermQuery(new Term(Fields.BILLABLE, "1")), 0.3f), Occur.SHOULD);
        return query.build();
    }

    /**
     * Prefix queries by field and prefix: building one compiles an automaton, and autocomplete asks for the same typed
     * fragments again and again. A query is immutable, so one instance serves every search.
     */
    private final com.github.benmanes.caffeine.cache.Cache<Term, PrefixQuery> prefixQueries =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(20_000).build();

    private PrefixQuery prefixQuery(String field, String prefix) {
        return prefixQueries.get(new Term(field, prefix), PrefixQuery::new);
    }

    /** How many last letters of a word the index holds may differ in its typing-error matches (an inflection's). */
    static final int INFLECTION = 3;

    private static Query word(String stem, String word, boolean typingErrors) {
        return word(stem, word, typingErrors, 1);
    }

    /** {@code fixed}: how many first letters a typing-error match keeps. */
    private static Query word(String stem, String word, boolean typingErrors, int fixed) {
        List<Query> alternatives = new ArrayList<>();
        alternatives.add(new BoostQuery(new TermQuery(new Term(Fields.INDEX, stem)), 3f));
        alternatives.add(new BoostQuery(new TermQuery(new Term(Fields.TITLE, stem)), 2f));
        alternatives.add(new BoostQuery(new TermQuery(new Term(Fields.INCLUSION, stem)), 1.5f));
        alternatives.add(new TermQuery(new Term(Fields.SHORT, stem)));
        if (typingErrors && word.length() >= 4 && !word.chars().allMatch(Character::isDigit)) {
            int edits = word.length() >= 8 ? 2 : 1;
            alternatives.add(new BoostQuery(new FuzzyQuery(new Term(Fields.INDEX_EXACT, word), edits, fixed, 50, true), 0.6f));
            alternatives.add(new BoostQuery(new FuzzyQuery(new Term(Fields.TITLE_EXACT, word), edits, fixed, 50, true), 0.5f));
        }
        return new DisjunctionMaxQuery(alternatives, 0.1f);
    }

    private static Query phrase(String field, List<String> words) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(3);
        for (String w : words) {
            phrase.add(new Term(field, w));
        }
        return phrase.build();
    }

    private List<String> analyze(String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
