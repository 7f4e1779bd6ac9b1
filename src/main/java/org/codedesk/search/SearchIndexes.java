package org.codedesk.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CatalogChanged;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.Release;
import org.codedesk.catalog.SearchDocument;
import org.codedesk.search.index.CodeIndex;
import org.codedesk.search.index.CodeIndexWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The search indexes of this node: a disposable cache on disk under {@code codedesk.home}/search, one per
 * set of releases in force (key = the releases' ids and file fingerprints), built when missing, reused when
 * present, and swapped atomically when an import changes the catalog. Searches keep using the old snapshot
 * until the new one is open.
 */
@Component
public class SearchIndexes {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexes.class);
    private static final String SCHEMA = "codes-v7"; // change whenever fields, analysis or the documents read change: old indexes are then rebuilt

    private final Catalog catalog;
    private final Path root;
    private final String command;
    private final Vectors vectors;
    private final AtomicReference<CodeIndex> current = new AtomicReference<>();
    private final ConcurrentHashMap<String, CodeIndex> others = new ConcurrentHashMap<>();
    private final ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "search-index-builder");
        t.setDaemon(true);
        return t;
    });
    private volatile String state = "The search index has not been built yet.";
    private final List<java.util.function.Consumer<CodeIndex>> whenOpened = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Object building = new Object();

    SearchIndexes(Catalog catalog, Vectors vectors, @Value("${codedesk.home:./data}") String home, @Value("${codedesk.command:}") String command) {
        this.catalog = catalog;
        this.vectors = vectors;
        this.root = Path.of(home).resolve("search");
        this.command = command;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (command.isBlank()) {
            builder.submit(this::rebuildQuietly);
        }
    }

    @EventListener
    void onCatalogChanged(CatalogChanged event) {
        if (command.isBlank()) {
            builder.submit(this::rebuildQuietly);
        }
    }

    /**
     * The releases in force change with time (a release imported ahead takes effect on its date) and with imports
     * on other nodes: every few minutes, rebuild when today's set differs from the index's.
     */
    @Scheduled(fixedDelayString = "${codedesk.search.stale-check:PT5M}", initialDelayString = "${codedesk.search.stale-check:PT5M}")
    void rebuildIfStale() {
        CodeIndex index = current.get();
        List<Release> releases = inForce(LocalDate.now());
        if (command.isBlank() && index != null && !releases.isEmpty() && !key(releases).equals(index.key())) {
            builder.submit(this::rebuildQuietly);
        }
    }

    /** Builds (or reopens) the index of the releases in force today and swaps it in. Returns it. */
    public synchronized Optional<CodeIndex> rebuild() {
        List<Release> releases = inForce(LocalDate.now());
        if (releases.isEmpty()) {
            state = "Nothing to search: the catalog is empty.";
            return Optional.empty();
        }
        CodeIndex index = open(releases);
        CodeIndex old = current.getAndSet(index);
        if (old != null && old != index) {
            old.close();
        }
        // indexes built for other dates may hold releases an import just replaced
        others.values().forEach(CodeIndex::close);
        others.clear();
        state = null;
        if (index != old) {
            whenOpened.forEach(listener -> listener.accept(index));
        }
        return Optional.of(index);
    }

    /**
     * Takes the index for a date of service (today's when null): the current one, or one built for that date's
     * releases and kept for reuse. The caller must {@link CodeIndex#release()} it. Empty while today's index is
     * not built yet or when nothing is in force on the date.
     */
    public Optional<CodeIndex> acquire(LocalDate date) {
        for (int attempt = 0; attempt < 3; attempt++) {
            CodeIndex today = current.get();
            CodeIndex index = today;
            if (date != null && !date.equals(LocalDate.now())) {
                List<Release> releases = inForce(date);
                if (releases.isEmpty()) {
                    return Optional.empty();
                }
                String key = key(releases);
                index = today != null && key.equals(today.key()) ? today : others.computeIfAbsent(key, k -> open(releases));
            }
            if (index == null) {
                return Optional.empty();
            }
            if (index.acquire()) {
                return Optional.of(index);
            }
        }
        return Optional.empty();
    }

    /** Called on the builder thread with each new index of today's releases, once it is open and current. */
    void whenOpened(java.util.function.Consumer<CodeIndex> listener) {
        whenOpened.add(listener);
    }

    /** The key of today's index, null before it is open. */
    String currentKey() {
        CodeIndex index = current.get();
        return index == null ? null : index.key();
    }

    /** Why there is no index, in one sentence; null when there is one. */
    public String state() {
        return current.get() == null ? state : null;
    }

    private void rebuildQuietly() {
        try {
            state = "The search index is being built; searches work as soon as it is ready.";
            rebuild();
        } catch (RuntimeException e) {
            state = "The search index could not be built: " + e.getMessage();
            log.warn("Search index build failed", e);
        }
    }

    private List<Release> inForce(LocalDate date) {
        List<Release> releases = new ArrayList<>();
        for (CodeSystem system : CodeSystem.values()) {
            catalog.releaseInForce(system, date).ifPresent(releases::add);
        }
        return releases;
    }

    private CodeIndex open(List<Release> releases) {
        // one build at a time: the rebuild thread and a request for a date with the same releases would otherwise
        // build the same folder twice, the second deleting it under the first. Not the instance monitor, which
        // rebuild() holds while it clears the map a request may be filling.
        synchronized (building) {
            return openOrBuild(releases, true);
        }
    }

    private CodeIndex openOrBuild(List<Release> releases, boolean retry) {
        String key = key(releases);
        Path folder = root.resolve(key);
        Path marker = folder.resolve("complete");
        boolean withVectors = vectors.enabled();
        if (!Files.exists(marker)) {
            long start = System.nanoTime();
            List<SearchDocument> documents = new ArrayList<>();
            List<float[]> embeddings = new ArrayList<>();
            for (Release release : releases) {
                List<SearchDocument> ofRelease = catalog.searchDocuments(release);
                documents.addAll(ofRelease);
                if (withVectors) {
                    // cached per release, so a new HCPCS quarter does not recompute the ICD-10-CM vectors
                    embeddings.addAll(java.util.Arrays.asList(vectors.of(vectorKey(release), ofRelease)));
                }
            }
            Path temp = root.resolve(key + ".tmp-" + System.nanoTime());
            try {
                Files.createDirectories(temp);
                new CodeIndexWriter().write(temp, documents, withVectors ? embeddings.toArray(float[][]::new) : null);
                Files.writeString(temp.resolve("complete"), String.valueOf(documents.size()));
                deleteQuietly(folder);
                Files.move(temp, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot build the search index under " + root, e);
            }
            log.info("Built search index {} ({} codes) in {} ms", key, documents.size(), (System.nanoTime() - start) / 1_000_000);
        }
        try {
            return new CodeIndex(key, folder, withVectors);
        } catch (UncheckedIOException e) {
            if (!retry) {
                throw e;
            }
            // the index is a cache of the catalog: a damaged folder (a crash mid-build) is deleted and built again
            log.warn("Search index {} is damaged ({}); building it again", key, e.getMessage());
            try {
                deleteQuietly(folder);
            } catch (IOException io) {
                throw new UncheckedIOException("cannot delete the damaged search index " + folder, io);
            }
            return openOrBuild(releases, false);
        }
    }

    /** Embeddings depend only on the release and the model, not on the index schema. */
    private static String vectorKey(Release release) {
        return "all-minilm-l6-v2-q|" + release.system().slug() + ":" + release.version() + ":" + release.id() + ":" + release.importedAt();
    }

    private static String key(List<Release> releases) {
        StringBuilder text = new StringBuilder(SCHEMA);
        releases.forEach(r -> text.append('|').append(r.system().slug()).append(':').append(r.version()).append(':').append(r.id())
                .append(':').append(r.importedAt()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
