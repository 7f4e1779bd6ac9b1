package org.codedesk.careers.web;

import java.util.List;
import java.util.Map;

import org.codedesk.careers.Job;
import org.codedesk.careers.Jobs;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/v1/jobs}: open coding jobs, with the same filters as the search page. */
@RestController
@Tag(name = "Jobs", description = "Medical coding jobs on the job board")
class JobsApiController {

    private final Jobs jobs;

    JobsApiController(Jobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/api/v1/jobs")
    @Operation(summary = "Search open coding jobs", description = "Filters: q (words), credential (CPC, CCS...), remote, location, minSalary (yearly),"
            + " specialty, within (days since posted); sort newest|salary; page (20 a page). Expired and closed jobs are never listed.")
    Map<String, Object> search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String credential,
                               @RequestParam(defaultValue = "false") boolean remote, @RequestParam(defaultValue = "") String location,
                               @RequestParam(defaultValue = "") String minSalary, @RequestParam(defaultValue = "") String specialty,
                               @RequestParam(defaultValue = "") String within, @RequestParam(defaultValue = "newest") String sort,
                               @RequestParam(defaultValue = "1") int page) {
        Jobs.Results results = jobs.search(JobsController.query(q, credential, remote, location, minSalary, specialty, within, sort, page));
        List<Job> list = results.jobs();
        return Map.of("total", results.total(), "page", results.page(), "pages", results.pages(), "jobs", list);
    }
}
