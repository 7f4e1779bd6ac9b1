package org.codedesk.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** A word prefix's matches kept in memory give the same hits with the same scores as the prefix query itself. */
class MatchingDocsQueryTest {

    private static final List<String> TITLES = List.of("Pressure ulcer of right elbow", "Pressure ulcer of left elbow, stage 2",
            "Elevated blood pressure reading", "Fracture of olecranon process", "Pressure ulcer of sacral region", "Elbow pain",
            "Electrocution", "Ulcer of elbow, unspecified");

    @Test
    void aPrefixsKeptMatchesScoreAsThePrefixQueryDoes() throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(Fields.analyzer()))) {
                for (int i = 0; i < TITLES.size(); i++) {
                    Document d = new Document();
                    d.add(new StringField(Fields.BILLABLE, i % 2 == 0 ? "1" : "0", Field.Store.NO));
                    d.add(new TextField(Fields.TITLE_EXACT, TITLES.get(i), Field.Store.NO));
                    d.add(new TextField(Fields.TITLE, TITLES.get(i), Field.Store.NO));
                    writer.addDocument(d);
                    if (i == 3) {
                        writer.commit(); // two segments: the kept matches are per segment
                    }
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSize(2);
                IndexSearcher searcher = new IndexSearcher(reader);
                PrefixQuery elb = new PrefixQuery(new Term(Fields.TITLE_EXACT, "el"));
                MatchingDocsQuery kept = MatchingDocsQuery.of(elb, reader);
                for (PrefixQuery other : List.of(new PrefixQuery(new Term(Fields.TITLE_EXACT, "ul")), new PrefixQuery(new Term(Fields.TITLE_EXACT, "zz")))) {
                    assertSameHits(searcher, autocomplete(other), autocomplete(MatchingDocsQuery.of(other, reader)));
                }
                assertSameHits(searcher, autocomplete(elb), autocomplete(kept));
                assertThat(searcher.count(kept)).isEqualTo(6); // elbow x4, elevated, electrocution
            }
        }
    }

    /** The shape of autocomplete's prefix query: a word required, the last one as a prefix, billable codes lifted. */
    private static Query autocomplete(Query prefix) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.TITLE, "ulcer")), Occur.SHOULD)
                .add(new DisjunctionMaxQuery(List.of(prefix, new TermQuery(new Term(Fields.TITLE_EXACT, "pressure"))), 0.1f), Occur.MUST)
                .add(new TermQuery(new Term(Fields.BILLABLE, "1")), Occur.SHOULD).build();
    }

    private static void assertSameHits(IndexSearcher searcher, Query expected, Query actual) throws IOException {
        ScoreDoc[] a = searcher.search(expected, 10).scoreDocs;
        ScoreDoc[] b = searcher.search(actual, 10).scoreDocs;
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i].doc).isEqualTo(a[i].doc);
            assertThat(b[i].score).isEqualTo(a[i].score);
        }
    }
}
