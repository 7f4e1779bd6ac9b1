package org.codedesk.catalog.importing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;

import org.codedesk.catalog.CodeSystem;

/**
 * Fetches the public release files of a code system and year from their publishers (CMS) into a folder,
 * then hands the folder to the ordinary import, which recognises and checks every file. Without network
 * it fails at once with a message naming the folder import.
 */
final class OfficialDownloads {

    private static final String CMS = "https://www.cms.gov/files/zip/";

    /** The publisher's download addresses for a system and fiscal or calendar year (CMS naming, stable since 2020). */
    static List<URI> addresses(CodeSystem system, int year) {
        return switch (system) {
            case ICD10CM -> List.of(URI.create(CMS + year + "-code-descriptions-tabular-order.zip"),
                    URI.create(CMS + year + "-code-tables-tabular-and-index.zip"));
            case ICD10PCS -> List.of(URI.create(CMS + year + "-icd-10-pcs-order-file-long-and-abbreviated-titles.zip"),
                    URI.create(CMS + year + "-icd-10-pcs-code-tables-and-index.zip"));
            case HCPCS -> List.of(URI.create(CMS + "january-" + year + "-alpha-numeric-hcpcs-file.zip"));
            case CPT -> throw new IllegalArgumentException("CPT is licensed by the AMA and cannot be downloaded: import the licensed file"
                    + " you have with: java -jar codedesk.jar import <folder>");
        };
    }

    Path download(CodeSystem system, int year, Path folder) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();
        List<String> failures = new ArrayList<>();
        for (URI uri : addresses(system, year)) {
            Path target = folder.resolve(uri.getPath().substring(uri.getPath().lastIndexOf('/') + 1));
            try {
                HttpResponse<Path> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).build(),
                        HttpResponse.BodyHandlers.ofFile(target));
                if (response.statusCode() != 200) {
                    failures.add(uri + " answered HTTP " + response.statusCode());
                    Files.deleteIfExists(target);
                } else {
                    verifyZip(target);
                }
            } catch (IOException e) {
                failures.add(uri.getHost() + " could not be reached (" + e.getClass().getSimpleName() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("download interrupted");
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("Download of " + system.title() + " " + year + " failed: " + String.join("; ", failures)
                    + ". Without network, download the files elsewhere and run: java -jar codedesk.jar import <folder>");
        }
        return folder;
    }

    /** A download that is not a complete zip (an HTML error page, a cut transfer) is refused before import. */
    private static void verifyZip(Path file) throws IOException {
        int entries = 0;
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            while (zip.getNextEntry() != null) {
                zip.readAllBytes();
                entries++;
            }
        }
        if (entries == 0) {
            throw new IOException(file.getFileName() + " is not a zip archive");
        }
    }
}
