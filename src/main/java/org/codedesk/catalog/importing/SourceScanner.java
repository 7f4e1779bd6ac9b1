package org.codedesk.catalog.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.codedesk.catalog.ImportFile;
import org.codedesk.catalog.ImportParticipant;

/**
 * Finds the official files under the paths an operator names: folders (recursively), plain files and
 * zips (their members). A file that appears twice with the same bytes (a zip beside its extracted copy)
 * is taken once. Files it does not recognise are listed as ignored, never guessed at.
 */
final class SourceScanner {

    /** The code-set files, the files other modules' participants recognised (by participant), and the rest. */
    record Scan(List<RecognizedFile> files, Map<ImportParticipant, List<ImportFile>> forParticipants, List<String> ignored) { }

    private final FileRecognizer recognizer = new FileRecognizer();
    private final List<ImportParticipant> participants;

    SourceScanner(List<ImportParticipant> participants) {
        this.participants = participants;
    }

    SourceScanner() {
        this(List.of());
    }

    Scan scan(List<Path> paths) {
        Scan scan = new Scan(new ArrayList<>(), new LinkedHashMap<>(), new ArrayList<>());
        Set<String> seen = new HashSet<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("No such file or folder: " + path);
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Path file : files) {
                if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    scanZip(file, scan, seen);
                } else {
                    offer(new SourceFile(file.getFileName().toString(), file.toString(), file, null, sha256(file), size(file)),
                            scan, seen);
                }
            }
        }
        return scan;
    }

    private void scanZip(Path zipPath, Scan scan, Set<String> seen) {
        try (ZipFile zip = new ZipFile(zipPath.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                String sha;
                try (InputStream in = zip.getInputStream(entry)) {
                    sha = sha256(in);
                }
                offer(new SourceFile(name, zipPath + "!" + entry.getName(), zipPath, entry.getName(), sha, entry.getSize()),
                        scan, seen);
            }
        } catch (IOException e) {
            scan.ignored().add(zipPath + " (not a readable zip: " + e.getMessage() + ")");
        }
    }

    private void offer(SourceFile file, Scan scan, Set<String> seen) {
        var recognized = recognizer.recognize(file);
        if (recognized.isEmpty()) {
            Optional<ImportParticipant> participant = participants.stream().filter(p -> p.recognizes(file)).findFirst();
            if (participant.isEmpty()) {
                scan.ignored().add(file.origin());
            } else if (seen.add(file.sha256())) {
                scan.forParticipants().computeIfAbsent(participant.get(), p -> new ArrayList<>()).add(file);
            }
        } else if (seen.add(file.sha256())) {
            scan.files().add(recognized.get());
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
