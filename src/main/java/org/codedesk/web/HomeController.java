package org.codedesk.web;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.ImportProgress;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: a code lookup box, the releases in the catalog and the state of the last import. */
@Controller
class HomeController {

    private final Catalog catalog;
    private final ImportProgress progress;

    HomeController(Catalog catalog, ImportProgress progress) {
        this.catalog = catalog;
        this.progress = progress;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("releases", catalog.releases());
        model.addAttribute("progress", progress.snapshot());
        return "web/home";
    }
}
