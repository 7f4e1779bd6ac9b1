package org.codedesk.catalog.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.ImportReport;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The command line {@code java -jar codedesk.jar import <folder|zip>...} and
 * {@code import --download <system> <year>}: runs one import, prints the report, exits non-zero on failure.
 */
@Component
@ConditionalOnProperty(name = "codedesk.command", havingValue = "import")
class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

    private final CatalogImporter importer;
    private int exitCode;

    ImportCommand(CatalogImporter importer) {
        this.importer = importer;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        List<String> args = new ArrayList<>(Arrays.asList(arguments.getSourceArgs()));
        args.remove("import");
        try {
            List<Path> paths = args.contains("--download") ? List.of(download(args)) : args.stream().map(Path::of).toList();
            if (paths.isEmpty()) {
                throw new IllegalArgumentException("usage: java -jar codedesk.jar import <folder|zip>... | import --download <system> <year>");
            }
            ImportReport report = importer.importPaths(paths);
            report.outcomes().forEach(o -> System.out.println(o.status() + "  " + o.release() + "  " + o.detail()));
            System.out.println(report.ignored().size() + " files not recognised (documentation, PDFs...) were ignored.");
            exitCode = report.failed() ? 1 : 0;
        } catch (RuntimeException e) {
            System.err.println("Import failed: " + e.getMessage());
            exitCode = 2;
        }
    }

    private static Path download(List<String> args) {
        int at = args.indexOf("--download");
        if (args.size() < at + 3) {
            throw new IllegalArgumentException("usage: import --download <icd10cm|icd10pcs|hcpcs> <year>");
        }
        CodeSystem system = CodeSystem.ofSlug(args.get(at + 1))
                .orElseThrow(() -> new IllegalArgumentException("unknown code system " + args.get(at + 1)));
        int year = Integer.parseInt(args.get(at + 2));
        try {
            return new OfficialDownloads().download(system, year, Files.createTempDirectory("codedesk-download"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
