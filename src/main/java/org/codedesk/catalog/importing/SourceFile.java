package org.codedesk.catalog.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.codedesk.catalog.ImportFile;

/**
 * One file offered for import: a plain file, or a member of a zip ({@code origin} then reads
 * "archive.zip!member"). Opened on demand so that a folder of large files is never held in memory.
 */
record SourceFile(String name, String origin, Path path, String zipMember, String sha256, long size) implements ImportFile {

    @Override
    public InputStream open() {
        try {
            if (zipMember == null) {
                return Files.newInputStream(path);
            }
            ZipFile zip = new ZipFile(path.toFile());
            ZipEntry entry = zip.getEntry(zipMember);
            InputStream in = zip.getInputStream(entry);
            return new java.io.FilterInputStream(in) {
                @Override
                public void close() throws IOException {
                    super.close();
                    zip.close();
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + origin, e);
        }
    }
}
