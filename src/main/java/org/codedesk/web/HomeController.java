package org.codedesk.web;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.Currencies;
import org.codedesk.catalog.ImportProgress;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: a code lookup box, what data is in force today and what is missing, the releases and the last import. */
@Controller
class HomeController {

    private final Catalog catalog;
    private final ImportProgress progress;
    private final Currencies currencies;

    HomeController(Catalog catalog, ImportProgress progress, Currencies currencies) {
        this.catalog = catalog;
        this.progress = progress;
        this.currencies = currencies;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("releases", catalog.releases());
        model.addAttribute("progress", progress.snapshot());
        model.addAttribute("currency", currencies.on(java.time.LocalDate.now()));
        return "web/home";
    }
}
