package org.codedesk.catalog.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.codedesk.catalog.Currencies;
import org.codedesk.catalog.ImportProgress;
import org.codedesk.catalog.importing.CatalogImporter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;


/**
 * The admin import page: the same import as the command line, started from the browser, with progress.
 * Only for the ADMIN role (checked by the security configuration for everything under /admin).
 */
@Controller
class AdminImportController {

    static final String VIEW = "catalog/admin-import";

    private final CatalogImporter importer;
    private final ImportProgress progress;
    private final Currencies currencies;

    AdminImportController(CatalogImporter importer, ImportProgress progress, Currencies currencies) {
        this.importer = importer;
        this.progress = progress;
        this.currencies = currencies;
    }

    @GetMapping("/admin/import")
    String page(Model model) {
        model.addAttribute("progress", progress.snapshot());
        model.addAttribute("currency", currencies.on(java.time.LocalDate.now()));
        return VIEW;
    }

    @PostMapping("/admin/import")
    String start(@RequestParam(defaultValue = "") String paths, Model model) {
        List<Path> folders = Arrays.stream(paths.split("[\\n,]")).map(String::trim).filter(s -> !s.isEmpty()).map(Path::of).toList();
        String error = folders.isEmpty() ? "Name at least one folder or zip on the server."
                : folders.stream().filter(p -> !Files.exists(p)).findFirst().map(p -> "No such file or folder on the server: " + p).orElse(null);
        if (error == null && progress.snapshot().running()) {
            error = "An import is already running; wait for it to finish.";
        }
        if (error != null) {
            model.addAttribute("error", error);
            model.addAttribute("paths", paths);
            model.addAttribute("progress", progress.snapshot());
            model.addAttribute("currency", currencies.on(java.time.LocalDate.now()));
            return VIEW;
        }
        Thread worker = new Thread(() -> {
            try {
                importer.importPaths(folders);
            } catch (RuntimeException | Error e) {
                // the importer logged it, freed its lock and put the failure in the progress snapshot for the page
            }
        }, "admin-import");
        worker.setDaemon(true);
        worker.start();
        return "redirect:/admin/import";
    }
}
