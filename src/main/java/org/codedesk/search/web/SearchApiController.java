package org.codedesk.search.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.codedesk.catalog.CodeSystem;
import org.codedesk.search.Search;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Search and autocomplete as JSON: {@code /api/v1/search} and {@code /api/v1/search/suggest}. */
@RestController
@Tag(name = "Search", description = "Find codes by code, prefix, range, words, lay words, abbreviations and misspellings")
class SearchApiController {

    private final Search search;

    SearchApiController(Search search) {
        this.search = search;
    }

    @GetMapping("/api/v1/search")
    @Operation(summary = "Search codes in force on a date of service",
            description = "Results are ranked (billable codes, index matches and specific matches first) and say why they matched."
                    + " An empty or unusable query gives an empty result with a message, never an error.")
    Search.Results search(@RequestParam(defaultValue = "") @Parameter(description = "code, prefix, range (I20-I25) or words") String q,
                          @RequestParam(required = false) @Parameter(description = "icd10cm, icd10pcs, hcpcs or cpt") String system,
                          @RequestParam(defaultValue = "false") @Parameter(description = "only billable codes") boolean billable,
                          @RequestParam(required = false) @Parameter(description = "ICD-10-CM chapter number, e.g. 9") String chapter,
                          @RequestParam(required = false) @Parameter(description = "ICD-10-CM section, e.g. I20-I25") String section,
                          @RequestParam(required = false) @Parameter(description = "date of service, YYYY-MM-DD") String date,
                          @RequestParam(defaultValue = "20") @Parameter(description = "at most 100") int limit) {
        return search.search(new Search.Request(q, system(system), billable, chapter, section, date(date), limit));
    }

    @GetMapping("/api/v1/search/suggest")
    @Operation(summary = "Autocomplete: up to 10 codes for what has been typed so far",
            description = "Ranked as the search ranks, for any prefix of 3 or more characters. While the search index is being"
                    + " built (after a start or an import) the list is empty and the header Search-State says so.")
    ResponseEntity<List<Search.Suggestion>> suggest(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String system,
                              @RequestParam(required = false) @Parameter(description = "date of service, YYYY-MM-DD") String date,
                              @RequestParam(defaultValue = "8") int limit) {
        List<Search.Suggestion> suggestions = search.suggest(q, system(system), date(date), Math.max(1, Math.min(limit, 10)));
        if (suggestions.isEmpty() && !q.isBlank() && search.building()) {
            // "nothing matches" would be wrong: there is nothing to search yet. The list stays a list (clients parse it
            // as one), the header says why it is empty.
            return ResponseEntity.ok().header("Search-State", search.state()).header("Retry-After", "10").body(suggestions);
        }
        return ResponseEntity.ok(suggestions);
    }

    static CodeSystem system(String slug) {
        if (slug == null || slug.isBlank()) {
            return null;
        }
        return CodeSystem.ofSlug(slug).orElseThrow(() -> new IllegalArgumentException(
                "Unknown code system '" + slug + "': use icd10cm, icd10pcs, hcpcs or cpt."));
    }

    static LocalDate date(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The date of service '" + date + "' is not a date in the form YYYY-MM-DD.");
        }
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()));
    }
}
