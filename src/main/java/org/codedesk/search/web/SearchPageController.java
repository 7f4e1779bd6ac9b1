package org.codedesk.search.web;

import java.util.List;

import org.codedesk.catalog.CodeSystem;
import org.codedesk.search.Search;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search page ({@code /search}, a plain GET form that works without JavaScript) and the autocomplete
 * fragment the header box fetches with htmx ({@code /search/suggest}).
 */
@Controller
class SearchPageController {

    static final String VIEW = "search/results";
    static final String SUGGEST_VIEW = "search/suggest :: list";

    private final Search search;

    SearchPageController(Search search) {
        this.search = search;
    }

    @GetMapping("/search")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String system,
                  @RequestParam(defaultValue = "false") boolean billable, @RequestParam(defaultValue = "") String chapter,
                  @RequestParam(defaultValue = "") String section, @RequestParam(defaultValue = "") String date, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("system", system);
        model.addAttribute("billable", billable);
        model.addAttribute("chapter", chapter);
        model.addAttribute("section", section);
        model.addAttribute("date", date);
        model.addAttribute("systems", CodeSystem.values());
        try {
            model.addAttribute("results", search.search(new Search.Request(q, SearchApiController.system(system), billable, chapter,
                    section, SearchApiController.date(date), 50)));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return VIEW;
    }

    @GetMapping("/search/suggest")
    String suggest(@RequestParam(defaultValue = "") String q, Model model) {
        List<Search.Suggestion> suggestions = search.suggest(q, null, null, 8);
        model.addAttribute("suggestions", suggestions);
        model.addAttribute("q", q);
        // while the index is being built the list would be empty for every word: say so instead
        model.addAttribute("state", suggestions.isEmpty() && !q.isBlank() && search.building() ? search.state() : null);
        return SUGGEST_VIEW;
    }
}
