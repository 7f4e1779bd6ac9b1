package org.codedesk.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.SearchDocument;
import org.codedesk.search.semantic.EmbeddingCache;
import org.codedesk.search.semantic.TextEmbedder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Embeddings from the in-process all-MiniLM-L6-v2 model (shipped in a Maven artifact; nothing is downloaded).
 * ICD-10-CM and HCPCS titles are embedded: those are where lay wording misses lexically. ICD-10-PCS titles
 * are built from the table axes, which words already find, so they are left out to keep indexing fast.
 * Vectors are cached on disk per release, so a restart or a second node reuses them.
 */
@Component
class SemanticVectors implements Vectors {

    private static final Logger log = LoggerFactory.getLogger(SemanticVectors.class);

    private final boolean enabled;
    private final EmbeddingCache cache;
    private volatile TextEmbedder embedder;

    SemanticVectors(@Value("${codedesk.search.semantic:true}") boolean enabled, @Value("${codedesk.home:./data}") String home) {
        this.enabled = enabled;
        this.cache = new EmbeddingCache(Path.of(home).resolve("embeddings"));
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public float[][] of(String key, List<SearchDocument> documents) {
        List<Integer> positions = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            SearchDocument d = documents.get(i);
            if ((d.system() == CodeSystem.ICD10CM || d.system() == CodeSystem.HCPCS || d.system() == CodeSystem.CPT) && d.title() != null) {
                positions.add(i);
                texts.add(d.title());
            }
        }
        float[][] vectors = new float[documents.size()][];
        if (texts.isEmpty()) {
            return vectors;
        }
        int dimension = embedder().dimension();
        float[][] embedded = cache.load(key, texts.size(), dimension).orElseGet(() -> {
            long start = System.nanoTime();
            float[][] computed = embedder().embedAll(texts);
            cache.store(key, computed);
            log.info("Embedded {} titles in {} s", texts.size(), (System.nanoTime() - start) / 1_000_000_000);
            return computed;
        });
        for (int i = 0; i < positions.size(); i++) {
            vectors[positions.get(i)] = embedded[i];
        }
        return vectors;
    }

    @Override
    public float[] ofQuery(String text) {
        return embedder().embed(text);
    }

    private TextEmbedder embedder() {
        if (embedder == null) {
            synchronized (this) {
                if (embedder == null) {
                    embedder = new TextEmbedder();
                }
            }
        }
        return embedder;
    }
}
