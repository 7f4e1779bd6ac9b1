package org.codedesk.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.DocIdSetBuilder;

/**
 * A constant-score multi-term query (a word prefix: "elb*" in titles) with its matching documents found once for an
 * immutable index and kept: it matches what the query matches and scores each match as the query's constant-score
 * rewrite does (the boost), without intersecting the term dictionary and merging the postings of every matching term
 * again on each search. Built for one reader only.
 */
final class MatchingDocsQuery extends Query {

    private final MultiTermQuery query;
    /** Per segment (by ordinal): the matching documents, or null when none. */
    private final List<DocIdSet> segments;
    private final long bytes;

    private MatchingDocsQuery(MultiTermQuery query, List<DocIdSet> segments) {
        this.query = query;
        this.segments = segments;
        this.bytes = segments.stream().mapToLong(s -> s == null ? 0 : s.ramBytesUsed()).sum();
    }

    /** The documents of {@code reader} matching {@code query}, found now. */
    static MatchingDocsQuery of(MultiTermQuery query, IndexReader reader) {
        try {
            List<DocIdSet> segments = new java.util.ArrayList<>();
            for (LeafReaderContext leaf : reader.leaves()) {
                Terms terms = leaf.reader().terms(query.getField());
                if (terms == null) {
                    segments.add(null);
                    continue;
                }
                DocIdSetBuilder builder = new DocIdSetBuilder(leaf.reader().maxDoc(), terms);
                TermsEnum matching = query.getTermsEnum(terms);
                PostingsEnum postings = null;
                while (matching.next() != null) {
                    postings = matching.postings(postings, PostingsEnum.NONE);
                    builder.add(postings);
                }
                segments.add(builder.build());
            }
            return new MatchingDocsQuery(query, List.copyOf(segments.stream().map(s -> s == null ? EMPTY : s).toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final DocIdSet EMPTY = DocIdSet.EMPTY;

    /** Memory held, for the cache's weight. */
    long bytes() {
        return bytes;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                DocIdSetIterator docs = segments.get(context.ord).iterator();
                return docs == null ? null : new ConstantScoreScorer(this, score(), scoreMode, docs);
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return false; // already held in memory
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        query.visit(visitor);
    }

    @Override
    public String toString(String field) {
        return query.toString(field);
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
