package org.codedesk.search.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns short texts (code titles, user queries) into 384-dimensional, L2-normalised sentence embeddings with the
 * quantized all-MiniLM-L6-v2 model that ships inside the langchain4j jar, so nothing is ever downloaded.
 *
 * <p>The model is loaded lazily on first use and only once per JVM. Batches are spread over a small fixed pool of
 * daemon threads (by default two per CPU), which the model itself fans the texts out to.
 *
 * <p>Thread-safe: any number of threads may call {@link #embed} and {@link #embedAll} concurrently; the underlying
 * ONNX session and tokenizer are safe for concurrent use. {@link #close()} stops the pool; using the instance
 * afterwards fails.
 */
public final class TextEmbedder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TextEmbedder.class);

    /** Output size of all-MiniLM-L6-v2; known without loading the model. */
    public static final int DIMENSION = 384;

    private final int threads;
    private final Object lock = new Object();
    private volatile AllMiniLmL6V2QuantizedEmbeddingModel model;
    private ExecutorService pool;

    /**
     * Two worker threads per available CPU. The bundled ONNX session runs one sentence per call, and a call on a
     * short title leaves cores idle (tokenizing, pooling, handing work to ONNX's own threads); measured on 2 CPUs, a
     * pool of 4 usually embedded 20-60% more sentences per second than a pool of 2.
     */
    public TextEmbedder() {
        this(2 * Runtime.getRuntime().availableProcessors());
    }

    /** @param threads how many texts of a batch are embedded at once (at least 1) */
    public TextEmbedder(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.threads = threads;
    }

    /** Vector length of every embedding. */
    public int dimension() {
        return DIMENSION;
    }

    /** How many worker threads batches use. */
    public int threads() {
        return threads;
    }

    /**
     * Embeds one text (on the calling thread) as an L2-normalised vector.
     *
     * @throws IllegalArgumentException when the text is null or blank (it has no meaning to embed)
     */
    public float[] embed(String text) {
        requireText(text, "text");
        return normalised(model().embed(text).content().vector());
    }

    /**
     * Embeds all texts, in order, as L2-normalised vectors; row i belongs to {@code texts.get(i)}. Blocks until the
     * whole batch is done.
     *
     * @throws IllegalArgumentException when any text is null or blank
     */
    public float[][] embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return new float[0][];
        }
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            segments.add(TextSegment.from(requireText(texts.get(i), "texts[" + i + "]")));
        }
        List<Embedding> embeddings = model().embedAll(segments).content();
        float[][] vectors = new float[embeddings.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = normalised(embeddings.get(i).vector());
        }
        return vectors;
    }

    /**
     * Cosine similarity of two vectors of the same length; for normalised vectors this is their dot product, but it
     * divides by the norms so it is also right for vectors that are not. 0 when either vector is all zeros.
     */
    public static float cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("length mismatch: " + a.length + " vs " + b.length);
        }
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            normA += (double) a[i] * a[i];
            normB += (double) b[i] * b[i];
        }
        if (normA == 0 || normB == 0) {
            return 0f;
        }
        return (float) (dot / Math.sqrt(normA * normB));
    }

    /** Forces the model to load now (e.g. at startup) instead of on the first request. */
    public void warmUp() {
        model();
    }

    /** Stops the worker threads. */
    @Override
    public void close() {
        synchronized (lock) {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private AllMiniLmL6V2QuantizedEmbeddingModel model() {
        AllMiniLmL6V2QuantizedEmbeddingModel loaded = model;
        if (loaded != null) {
            return loaded;
        }
        synchronized (lock) {
            if (model == null) {
                // The tokenizer library (DJL) may fetch its native binary from the internet when it cannot find one;
                // the jar bundles it, and offline mode makes any miss an error instead of a download.
                if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
                    System.setProperty("ai.djl.offline", "true");
                }
                long start = System.nanoTime();
                pool = Executors.newFixedThreadPool(threads, daemonThreads());
                // The ONNX session is a static of the model class, so it is read from the jar once per JVM.
                model = new AllMiniLmL6V2QuantizedEmbeddingModel(pool);
                log.info("Loaded all-MiniLM-L6-v2 (quantized) in {} ms, {} worker thread(s)",
                        (System.nanoTime() - start) / 1_000_000, threads);
            }
            return model;
        }
    }

    private static String requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is null or blank");
        }
        return text;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "text-embedder-" + count.incrementAndGet());
            // Daemon so an instance that is never closed does not keep the JVM alive.
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Scales to unit length in place; the model already normalises, this guards the contract cheaply. */
    private static float[] normalised(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        if (sum > 0 && Math.abs(sum - 1.0) > 1e-6) {
            float scale = (float) (1.0 / Math.sqrt(sum));
            for (int i = 0; i < vector.length; i++) {
                vector[i] *= scale;
            }
        }
        return vector;
    }
}
