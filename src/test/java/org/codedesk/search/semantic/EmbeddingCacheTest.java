package org.codedesk.search.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cached matrices come back exactly, and any damaged or mismatched file reads as absent. */
class EmbeddingCacheTest {

    @TempDir
    Path dir;

    private final float[][] vectors = {{0.1f, -0.2f, 0.3f}, {1f, 0f, Float.MIN_VALUE}};

    @Test
    void roundTrip() {
        EmbeddingCache cache = new EmbeddingCache(dir.resolve("nested"));
        cache.store("FY2026|abc", vectors);
        assertThat(cache.load("FY2026|abc", 2, 3)).hasValueSatisfying(loaded -> assertThat(loaded).isDeepEqualTo(vectors));
        assertThat(cache.fileFor("FY2026|abc").getFileName().toString()).matches("[0-9a-f]{64}\\.emb");
    }

    @Test
    void storeReplacesAndLeavesNoTempFiles() throws IOException {
        EmbeddingCache cache = new EmbeddingCache(dir);
        cache.store("k", vectors);
        float[][] other = {{9f, 8f, 7f}, {6f, 5f, 4f}};
        cache.store("k", other);
        assertThat(cache.load("k", 2, 3)).hasValueSatisfying(loaded -> assertThat(loaded).isDeepEqualTo(other));
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void missingKeyIsEmpty() {
        assertThat(new EmbeddingCache(dir.resolve("absent")).load("nope", 2, 3)).isEmpty();
    }

    @Test
    void truncatedFileIsEmptyAndRemoved() throws IOException {
        EmbeddingCache cache = new EmbeddingCache(dir);
        cache.store("k", vectors);
        Path file = cache.fileFor("k");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() - 3);
        }
        assertThat(cache.load("k", 2, 3)).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void corruptPayloadIsEmptyAndRemoved() throws IOException {
        EmbeddingCache cache = new EmbeddingCache(dir);
        cache.store("k", vectors);
        Path file = cache.fileFor("k");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 0x55;
        Files.write(file, bytes);
        assertThat(cache.load("k", 2, 3)).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void garbageFileIsEmptyAndRemoved() throws IOException {
        EmbeddingCache cache = new EmbeddingCache(dir);
        Files.writeString(cache.fileFor("k"), "not a cache");
        assertThat(cache.load("k", 2, 3)).isEmpty();
        assertThat(cache.fileFor("k")).doesNotExist();
    }

    @Test
    void otherShapeIsEmpty() {
        EmbeddingCache cache = new EmbeddingCache(dir);
        cache.store("k", vectors);
        assertThat(cache.load("k", 3, 3)).isEmpty();
        assertThat(cache.load("k", 2, 384)).isEmpty();
        // Still a valid file, just not the one the caller wants: it stays for whoever wrote it.
        assertThat(cache.load("k", 2, 3)).map(v -> v.length).isEqualTo(Optional.of(2));
    }

    @Test
    void emptyMatrixRoundTrips() {
        EmbeddingCache cache = new EmbeddingCache(dir);
        cache.store("none", new float[0][]);
        assertThat(cache.load("none", 0, 0)).hasValueSatisfying(loaded -> assertThat(loaded).isEmpty());
    }
}
