package org.codedesk.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.codedesk.search.index.Fields;
import org.junit.jupiter.api.Test;

/** A word the index holds is no typing error: it finds its own inflections, never another word a few letters away. */
class HeldWordsTest {

    private final LexicalQueries lexical = new LexicalQueries();

    private List<String> found(String query, Set<String> held, String... titles) throws Exception {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(Fields.analyzer()))) {
            for (String title : titles) {
                Document d = new Document();
                d.add(new StringField(Fields.CODE, title, Field.Store.YES));
                d.add(new TextField(Fields.TITLE, title, Field.Store.NO));
                d.add(new TextField(Fields.TITLE_EXACT, title, Field.Store.NO));
                writer.addDocument(d);
            }
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                Query q = lexical.text(query, 0, true, held::contains);
                List<String> codes = new ArrayList<>();
                IndexSearcher searcher = new IndexSearcher(reader);
                for (ScoreDoc sd : searcher.search(q, 10).scoreDocs) {
                    codes.add(searcher.storedFields().document(sd.doc).get(Fields.CODE));
                }
                return codes;
            }
        }
    }

    @Test
    void aHeldWordIsNotATypingErrorOfAnother() throws Exception {
        assertThat(found("fracture metacarpal", Set.of("fracture", "metacarpal"),
                "Fracture of fifth metatarsal bone", "Fracture of second metacarpal bone"))
                .containsExactly("Fracture of second metacarpal bone");
        assertThat(found("fracture metacarpal", Set.of(), "Fracture of fifth metatarsal bone", "Fracture of second metacarpal bone"))
                .as("a word the index does not hold may be a typing error").hasSize(2);
    }

    @Test
    void aHeldWordFindsTheInflectionsTheStemmerDoesNotJoin() throws Exception {
        assertThat(found("history calculus", Set.of("history", "calculus"), "Personal history of urinary calculi"))
                .containsExactly("Personal history of urinary calculi");
    }
}
