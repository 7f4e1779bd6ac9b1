package org.codedesk.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.FSDirectory;
import org.codedesk.catalog.SearchDocument;

/** Writes a fresh Lucene index of code documents into an empty folder (never edits an index in place). */
public final class CodeIndexWriter {

    /** Writes {@code documents}; {@code vectors[i]} (may be null, or hold nulls) is the embedding of document i. */
    public void write(Path folder, List<SearchDocument> documents, float[][] vectors) {
        IndexWriterConfig config = new IndexWriterConfig(Fields.analyzer()).setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(64);
        try (FSDirectory directory = FSDirectory.open(folder); IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < documents.size(); i++) {
                writer.addDocument(document(documents.get(i), i, vectors == null ? null : vectors[i]));
            }
            writer.forceMerge(1);
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search index in " + folder, e);
        }
    }

    private final org.apache.lucene.analysis.Analyzer analyzer = Fields.analyzer();

    private java.util.List<String> stems(String text) {
        java.util.List<String> stems = new java.util.ArrayList<>();
        try (org.apache.lucene.analysis.TokenStream stream = analyzer.tokenStream(Fields.TITLE, text)) {
            var term = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                stems.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stems;
    }

    /**
     * The match keys of an index path. Index terms list alternative forms with commas ("Infarct, infarction >
     * myocardium, myocardial"), so each combination of one form per level is a key (at most 16), as a coder may
     * type any of them.
     */
    private List<String> keys(String path) {
        List<List<List<String>>> levels = new java.util.ArrayList<>();
        for (String level : path.split(" > ")) {
            List<List<String>> forms = new java.util.ArrayList<>();
            for (String form : level.split(", ")) {
                List<String> stems = stems(form);
                if (!stems.isEmpty()) {
                    forms.add(stems);
                }
            }
            if (!forms.isEmpty()) {
                levels.add(forms);
            }
        }
        List<List<String>> combinations = new java.util.ArrayList<>();
        combinations.add(List.of());
        for (List<List<String>> forms : levels) {
            List<List<String>> next = new java.util.ArrayList<>();
            for (List<String> prefix : combinations) {
                for (List<String> form : forms) {
                    if (next.size() < 16) {
                        List<String> combined = new java.util.ArrayList<>(prefix);
                        combined.addAll(form);
                        next.add(combined);
                    }
                }
            }
            combinations = next;
        }
        List<String> keys = new java.util.ArrayList<>();
        combinations.forEach(c -> keys.add(Fields.key(c)));
        keys.add(Fields.key(stems(path)));
        return keys;
    }

    private Document document(SearchDocument d, int order, float[] vector) {
        Document doc = new Document();
        String system = d.system().slug();
        doc.add(new StringField(Fields.ID, system + ":" + d.key(), Field.Store.YES));
        doc.add(new StringField(Fields.SYSTEM, system, Field.Store.YES));
        doc.add(new StringField(Fields.KEY, d.key(), Field.Store.YES));
        doc.add(new StoredField(Fields.CODE, d.code()));
        doc.add(new StringField(Fields.CATEGORY, d.key().substring(0, Math.min(3, d.key().length())), Field.Store.NO));
        doc.add(new StringField(Fields.BILLABLE, d.billable() ? "1" : "0", Field.Store.YES));
        if (d.chapter() != null) {
            doc.add(new StringField(Fields.CHAPTER, d.chapter(), Field.Store.YES));
        }
        if (d.section() != null) {
            doc.add(new StringField(Fields.SECTION, d.section(), Field.Store.YES));
        }
        if (d.title() != null) {
            doc.add(new TextField(Fields.TITLE, d.title(), Field.Store.YES));
            doc.add(new TextField(Fields.TITLE_EXACT, d.title(), Field.Store.NO));
        }
        if (d.shortTitle() != null && !d.shortTitle().equals(d.title())) {
            doc.add(new TextField(Fields.SHORT, d.shortTitle(), Field.Store.YES));
        }
        for (String term : d.inclusionTerms()) {
            doc.add(new TextField(Fields.INCLUSION, term, Field.Store.YES));
        }
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (SearchDocument.IndexPath path : d.indexPaths()) {
            String text = path.path() + (path.modifiers() == null ? "" : " " + path.modifiers())
                    + (path.column() == null ? "" : " [" + path.column() + "]");
            doc.add(new TextField(Fields.INDEX, text, Field.Store.YES));
            doc.add(new TextField(Fields.INDEX_EXACT, text, Field.Store.NO));
            for (String key : keys(path.path())) {
                if (!key.isEmpty() && keys.add(key)) {
                    doc.add(new StringField(Fields.INDEX_KEY, key, Field.Store.NO));
                }
            }
        }
        doc.add(new IntPoint(Fields.LENGTH, d.key().length()));
        doc.add(new NumericDocValuesField(Fields.LENGTH, d.key().length()));
        doc.add(new NumericDocValuesField(Fields.ORDER, order));
        doc.add(new StoredField(Fields.ORDER, order));
        if (vector != null) {
            doc.add(new KnnFloatVectorField(Fields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        }
        return doc;
    }
}
