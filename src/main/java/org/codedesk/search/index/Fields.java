package org.codedesk.search.index;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * The fields of a code document in the search index and how each is analysed. Text fields are stemmed
 * (English) so "fractures" finds "fracture"; the {@code *_exact} twins are not, so exact words rank higher.
 */
public final class Fields {

    public static final String ID = "id";
    public static final String SYSTEM = "system";
    public static final String KEY = "key";
    public static final String CODE = "code";
    public static final String CATEGORY = "category";
    public static final String BILLABLE = "billable";
    public static final String CHAPTER = "chapter";
    public static final String SECTION = "section";
    public static final String TITLE = "title";
    public static final String TITLE_EXACT = "title_exact";
    public static final String SHORT = "short";
    public static final String INCLUSION = "inclusion";
    public static final String INDEX = "index";
    public static final String INDEX_EXACT = "index_exact";
    /** The set of stemmed essential words of an index path, sorted and space-joined: an exact-path match key. */
    public static final String INDEX_KEY = "index_key";
    public static final String LENGTH = "length";
    public static final String ORDER = "order";
    public static final String VECTOR = "vector";

    private Fields() {
    }

    /** The match key of a set of stems: distinct, sorted, space-joined. */
    public static String key(java.util.Collection<String> stems) {
        return String.join(" ", new java.util.TreeSet<>(stems));
    }

    /** One analyzer for indexing and querying, so both sides agree token for token. */
    public static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(new CodeTextAnalyzer(true), Map.of(TITLE_EXACT, new CodeTextAnalyzer(false),
                INDEX_EXACT, new CodeTextAnalyzer(false)));
    }

    /**
     * Standard tokens, lower case; a decimal number also yields its whole part ("35.0" also gives "35", so "BMI 35"
     * finds "35.0-35.9"); when {@code stemmed}, English stop words are dropped and words stemmed (Porter).
     */
    static final class CodeTextAnalyzer extends Analyzer {

        private static final java.util.regex.Pattern WHOLE_PART = java.util.regex.Pattern.compile("^([0-9]+)\\.[0-9]+$");
        private final boolean stemmed;

        CodeTextAnalyzer(boolean stemmed) {
            this.stemmed = stemmed;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            org.apache.lucene.analysis.Tokenizer source = new org.apache.lucene.analysis.standard.StandardTokenizer();
            org.apache.lucene.analysis.TokenStream stream = new org.apache.lucene.analysis.pattern.PatternCaptureGroupTokenFilter(
                    source, true, WHOLE_PART);
            stream = new org.apache.lucene.analysis.en.EnglishPossessiveFilter(stream);
            stream = new org.apache.lucene.analysis.LowerCaseFilter(stream);
            if (stemmed) {
                stream = new org.apache.lucene.analysis.StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                stream = new org.apache.lucene.analysis.en.PorterStemFilter(stream);
            }
            return new TokenStreamComponents(source, stream);
        }

        @Override
        protected org.apache.lucene.analysis.TokenStream normalize(String fieldName, org.apache.lucene.analysis.TokenStream in) {
            return new org.apache.lucene.analysis.LowerCaseFilter(in);
        }
    }
}
