package org.codedesk.search.semantic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps computed embedding matrices on disk so a restart does not re-embed a whole code set. One file per key
 * (file name = sha256 hex of the key), in a compact little-endian binary format:
 *
 * <pre>
 * int   magic     'C','D','E','M'
 * int   version   1
 * int   count     rows
 * int   dimension floats per row
 * long  crc32     of the float payload, to catch corruption a size check cannot
 * float[count * dimension]
 * </pre>
 *
 * <p>A file that is truncated, corrupt or of an unknown format is treated as absent, deleted and logged; loading never
 * throws for a bad file. A well-formed file whose shape differs from what the caller expects is also reported as
 * absent but kept (the next {@link #store} for that key replaces it).
 *
 * <p>Thread-safe, also across processes sharing the directory: writes go to a temporary file that is atomically
 * renamed into place, so a reader sees either the old complete file or the new one. Concurrent stores of one key:
 * the last rename wins.
 */
public final class EmbeddingCache {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingCache.class);

    private static final int MAGIC = 0x4344454D; // "CDEM"
    private static final int VERSION = 1;
    private static final int HEADER_BYTES = 4 + 4 + 4 + 4 + 8;
    private static final String SUFFIX = ".emb";

    private final Path directory;

    /** @param directory where the files live; created on the first store */
    public EmbeddingCache(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * The vectors stored under {@code key}, or empty when there are none, they do not have exactly
     * {@code expectedCount} rows of {@code dimension} floats, or the file is damaged (then it is deleted).
     */
    public Optional<float[][]> load(String key, int expectedCount, int dimension) {
        Path file = fileFor(key);
        Object fileIdentity = null;
        float[][] vectors;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            fileIdentity = identity(file);
            ByteBuffer header = readFully(channel, HEADER_BYTES);
            if (header == null) {
                throw new Damaged("shorter than its header");
            }
            int magic = header.getInt();
            int version = header.getInt();
            int count = header.getInt();
            int dim = header.getInt();
            long crc = header.getLong();
            if (magic != MAGIC || version != VERSION) {
                throw new Damaged("unknown format (magic " + Integer.toHexString(magic) + ", version " + version + ")");
            }
            long payloadBytes = (long) count * dim * Float.BYTES;
            if (count < 0 || dim < 0 || payloadBytes > Integer.MAX_VALUE) {
                throw new Damaged("impossible shape " + count + "x" + dim);
            }
            if (channel.size() != HEADER_BYTES + payloadBytes) {
                throw new Damaged("size " + channel.size() + " does not match shape " + count + "x" + dim);
            }
            if (count != expectedCount || dim != dimension) {
                log.info("Embedding cache {} holds {}x{}, expected {}x{}; ignoring it", file.getFileName(), count, dim,
                        expectedCount, dimension);
                return Optional.empty();
            }
            ByteBuffer payload = readFully(channel, (int) payloadBytes);
            if (payload == null) {
                throw new Damaged("truncated while reading");
            }
            if (crc32(payload) != crc) {
                throw new Damaged("checksum mismatch");
            }
            vectors = new float[count][dim];
            for (float[] row : vectors) {
                payload.asFloatBuffer().get(row);
                payload.position(payload.position() + dim * Float.BYTES);
            }
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (Damaged damaged) {
            // Deleted only now that the channel is closed, which some platforms require.
            return discard(file, fileIdentity, damaged.getMessage());
        } catch (IOException | RuntimeException e) {
            // A cache must degrade to "recompute", never break the caller.
            log.warn("Could not read embedding cache {}: {}", file, e.toString());
            return Optional.empty();
        }
        return Optional.of(vectors);
    }

    /**
     * Stores {@code vectors} under {@code key}, replacing any previous file atomically. All rows must have the same
     * length.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public void store(String key, float[][] vectors) {
        Objects.requireNonNull(vectors, "vectors");
        int dim = vectors.length == 0 ? 0 : Objects.requireNonNull(vectors[0], "row 0").length;
        for (int i = 0; i < vectors.length; i++) {
            if (vectors[i] == null || vectors[i].length != dim) {
                throw new IllegalArgumentException("row " + i + " is null or not " + dim + " long");
            }
        }
        long payloadBytes = (long) vectors.length * dim * Float.BYTES;
        if (payloadBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too large for one cache file: " + vectors.length + "x" + dim);
        }
        ByteBuffer payload = ByteBuffer.allocate((int) payloadBytes).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] row : vectors) {
            payload.asFloatBuffer().put(row);
            payload.position(payload.position() + dim * Float.BYTES);
        }
        payload.flip();
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(MAGIC).putInt(VERSION).putInt(vectors.length).putInt(dim).putLong(crc32(payload)).flip();

        Path target = fileFor(key);
        Path temp = null;
        try {
            Files.createDirectories(directory);
            // Same directory as the target so the rename stays on one file system and can be atomic.
            temp = Files.createTempFile(directory, target.getFileName().toString(), ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                while (header.hasRemaining() || payload.hasRemaining()) {
                    channel.write(new ByteBuffer[] {header, payload});
                }
                // Flush before the rename, or a crash could leave a complete-looking name over incomplete data.
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (AtomicMoveNotSupportedException e) {
            throw new UncheckedIOException("File system of " + directory + " cannot rename atomically", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write embedding cache " + target, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Best effort: a stray temp file is harmless, and the original failure matters more.
                }
            }
        }
    }

    /** The file that holds {@code key}; exposed for tests and diagnostics. */
    Path fileFor(String key) {
        Objects.requireNonNull(key, "key");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(hash) + SUFFIX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    private Optional<float[][]> discard(Path file, Object identityWhenOpened, String reason) {
        log.warn("Deleting damaged embedding cache {}: {}", file, reason);
        try {
            // Only delete the file we judged: a concurrent store may already have renamed a good one into place.
            if (Objects.equals(identity(file), identityWhenOpened)) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.toString());
        }
        return Optional.empty();
    }

    /** Something that changes when the file is replaced (inode where available, else times and size). */
    private static Object identity(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Object key = attributes.fileKey();
            return key != null ? key : attributes.lastModifiedTime() + "/" + attributes.creationTime() + "/" + attributes.size();
        } catch (NoSuchFileException gone) {
            return null;
        }
    }

    /** Reads exactly {@code bytes} from the current position, or null at a premature end of file. */
    private static ByteBuffer readFully(FileChannel channel, int bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                return null;
            }
        }
        return buffer.flip();
    }

    /** The file cannot be a complete cache file. */
    private static final class Damaged extends Exception {
        Damaged(String reason) {
            super(reason, null, false, false);
        }
    }

    private static long crc32(ByteBuffer buffer) {
        CRC32 crc = new CRC32();
        crc.update(buffer.duplicate());
        return crc.getValue();
    }
}
