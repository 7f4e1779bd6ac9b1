package org.codedesk.search.semantic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Not a test: a manual benchmark that embeds 2,000 synthetic ICD-10 style titles and prints sentences/second.
 * Usage: {@code EmbeddingSpeed [threads...]} (default: the CPU count, then twice it). The model is loaded once per
 * JVM, so only the first run shows a load time. Runs on the main thread only.
 */
public final class EmbeddingSpeed {

    private static final String[] CONDITIONS = {"Acute myocardial infarction", "Fracture of shaft", "Type 2 diabetes mellitus",
            "Malignant neoplasm", "Pressure ulcer", "Displaced fracture of neck", "Chronic kidney disease",
            "Open wound", "Contusion", "Osteoarthritis", "Cellulitis", "Sprain of ligament", "Abscess",
            "Benign neoplasm", "Stenosis", "Laceration without foreign body"};
    private static final String[] SITES = {"of left femur", "of right humerus", "of upper lobe, right bronchus or lung",
            "of anterior wall", "of sacral region", "of lower leg", "of unspecified kidney", "of cervical spine",
            "of right index finger", "of left ankle", "of colon", "of breast", "of thoracic region"};
    private static final String[] QUALIFIERS = {"", ", initial encounter for closed fracture", ", subsequent encounter",
            " with hyperglycemia", ", stage 3", " without complications", ", sequela", " with routine healing"};

    public static void main(String[] args) {
        List<String> titles = titles(2000);
        int cpus = Runtime.getRuntime().availableProcessors();
        int[] threadCounts = args.length == 0 ? new int[] {cpus, 2 * cpus} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf("%d CPUs, %d titles, e.g. \"%s\"%n", cpus, titles.size(), titles.get(1234));
        for (int threads : threadCounts) {
            try (TextEmbedder embedder = new TextEmbedder(threads)) {
                long start = System.nanoTime();
                embedder.warmUp();
                double loadMs = (System.nanoTime() - start) / 1e6;
                embedder.embedAll(titles.subList(0, 200)); // warm the JIT and ONNX arenas
                start = System.nanoTime();
                float[][] vectors = embedder.embedAll(titles);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("threads=%d  load=%.0f ms  dimension=%d  %d sentences in %.2f s = %.0f sentences/s%n",
                        threads, loadMs, vectors[0].length, vectors.length, seconds, vectors.length / seconds);
            }
        }
    }

    /** Deterministic, mostly distinct combinations, so nothing is cached by accident. */
    static List<String> titles(int n) {
        List<String> titles = new ArrayList<>(n);
        for (int i = 0; titles.size() < n; i++) {
            titles.add(CONDITIONS[i % CONDITIONS.length] + " " + SITES[(i / 3) % SITES.length]
                    + QUALIFIERS[(i / 7) % QUALIFIERS.length]);
        }
        return titles;
    }
}
