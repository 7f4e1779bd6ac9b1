package org.codedesk.catalog.importing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodeSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On first start with an empty catalog: imports {@code codedesk.import.folder} if set, else (unless
 * disabled) downloads the current public releases, in the background so the service serves meanwhile.
 */
@Component
class FirstStartImport {

    private static final Logger log = LoggerFactory.getLogger(FirstStartImport.class);

    private final Catalog catalog;
    private final CatalogImporter importer;
    private final String folder;
    private final boolean download;
    private final String command;

    FirstStartImport(Catalog catalog, CatalogImporter importer, @Value("${codedesk.import.folder:}") String folder,
                     @Value("${codedesk.import.download-on-empty:true}") boolean download, @Value("${codedesk.command:}") String command) {
        this.catalog = catalog;
        this.importer = importer;
        this.folder = folder;
        this.download = download;
        this.command = command;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (!command.isBlank() || !catalog.isEmpty()) {
            return;
        }
        if (!folder.isBlank()) {
            start("import from " + folder, () -> importer.importPaths(List.of(Path.of(folder))));
        } else if (download) {
            start("download of the current public releases", this::downloadCurrent);
        }
    }

    private void downloadCurrent() {
        int fiscalYear = LocalDate.now().getMonthValue() >= 10 ? LocalDate.now().getYear() + 1 : LocalDate.now().getYear();
        try {
            Path target = Files.createTempDirectory("codedesk-download");
            OfficialDownloads downloads = new OfficialDownloads();
            downloads.download(CodeSystem.ICD10CM, fiscalYear, target);
            downloads.download(CodeSystem.ICD10PCS, fiscalYear, target);
            downloads.download(CodeSystem.HCPCS, LocalDate.now().getYear(), target);
            importer.importPaths(List.of(target));
        } catch (Exception e) {
            importer.progress().fail(e.getMessage());
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void start(String what, Runnable work) {
        Thread thread = new Thread(() -> {
            try {
                log.info("Catalog is empty: starting {}", what);
                work.run();
            } catch (RuntimeException | Error e) {
                log.warn("First-start {} failed: {}", what, e.getMessage());
            }
        }, "first-start-import");
        thread.setDaemon(true);
        thread.start();
    }
}
