package org.codedesk.search;

import java.util.List;

import org.codedesk.catalog.SearchDocument;

/**
 * Embeddings of code documents for semantic search, computed at index time and cached on disk. An
 * implementation may be disabled (then searches are lexical only, and say nothing false about it).
 */
interface Vectors {

    boolean enabled();

    /** One vector per document (null where a document is not embedded), cached under {@code key}. */
    float[][] of(String key, List<SearchDocument> documents);

    /** The embedding of a query. */
    float[] ofQuery(String text);
}
