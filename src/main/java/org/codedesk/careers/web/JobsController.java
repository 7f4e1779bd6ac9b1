package org.codedesk.careers.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.codedesk.accounts.Accounts;
import org.codedesk.accounts.Member;
import org.codedesk.careers.Applications;
import org.codedesk.careers.InvalidJobException;
import org.codedesk.careers.Job;
import org.codedesk.careers.JobDraft;
import org.codedesk.careers.JobQuery;
import org.codedesk.careers.Jobs;
import org.codedesk.content.MarkdownRenderer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The job board's pages: search ({@code /jobs}), a job's stable page with its JSON-LD and the application form, the
 * RSS feed, the employer's jobs (write, publish, close, renew, see applications and move them along), and the
 * applicant's applications. Every handler checks who asks on the server.
 */
@Controller
class JobsController {

    private final Jobs jobs;
    private final Applications applications;
    private final Accounts accounts;
    private final JsonMapper json;
    private final String baseUrl;
    private final java.time.Clock clock;
    private final MarkdownRenderer markdown = new MarkdownRenderer();

    JobsController(Jobs jobs, Applications applications, Accounts accounts, JsonMapper json, java.time.Clock clock,
                   @Value("${codedesk.base-url:http://localhost:8080}") String baseUrl) {
        this.clock = clock;
        this.jobs = jobs;
        this.applications = applications;
        this.accounts = accounts;
        this.json = json;
        this.baseUrl = baseUrl;
    }

    static JobQuery query(String q, String credential, boolean remote, String location, String minSalary, String specialty, String within,
                          String sort, int page) {
        return new JobQuery(q, credential, remote, location, number(minSalary), specialty, number(within), sort, page);
    }

    private static Integer number(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @GetMapping("/jobs")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String credential,
                  @RequestParam(defaultValue = "false") boolean remote, @RequestParam(defaultValue = "") String location,
                  @RequestParam(defaultValue = "") String minSalary, @RequestParam(defaultValue = "") String specialty,
                  @RequestParam(defaultValue = "") String within, @RequestParam(defaultValue = "newest") String sort,
                  @RequestParam(defaultValue = "1") int page, HttpServletRequest request, Model model) {
        model.addAttribute("results", jobs.search(query(q, credential, remote, location, minSalary, specialty, within, sort, page)));
        model.addAttribute("credentials", JobDraft.CREDENTIALS.stream().sorted().toList());
        model.addAttribute("employer", member(request).map(Jobs::isEmployer).orElse(false));
        return "careers/jobs";
    }

    @GetMapping("/jobs/{id}")
    String job(@PathVariable long id, HttpServletRequest request, Model model) {
        Optional<Member> viewer = member(request);
        return showJob(jobs.find(id, viewer).orElseThrow(() -> notFound(id)), viewer, model);
    }

    /** The job page: the description rendered, its JSON-LD ("</" escaped so it cannot close the script), who is looking. */
    private String showJob(Job job, Optional<Member> viewer, Model model) {
        model.addAttribute("job", job);
        String description = markdown.render(job.description());
        model.addAttribute("description", description);
        // the same sanitised HTML as the page, never the raw Markdown (Google reads JobPosting.description as HTML)
        model.addAttribute("jsonLd", json.writeValueAsString(JobPosting.of(job, baseUrl + "/jobs/" + job.id(), description))
                .replace("</", "<\\/"));
        model.addAttribute("owner", viewer.map(v -> v.id() == job.employerId()).orElse(false));
        model.addAttribute("actions", job.actions(LocalDate.now(clock)));
        model.addAttribute("member", viewer.isPresent());
        return "careers/job";
    }

    @GetMapping(value = "/jobs/feed.rss", produces = "application/rss+xml")
    ResponseEntity<String> feed() {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>CodeDesk medical coding jobs</title><link>" + baseUrl + "/jobs</link><description>Coding jobs on CodeDesk</description>");
        for (Job job : jobs.search(new JobQuery(null, null, false, null, null, null, null, "newest", 1)).jobs()) {
            rss.append("<item><title>").append(HtmlUtils.htmlEscape(job.title() + " — " + job.organisation())).append("</title><link>")
                    .append(baseUrl).append("/jobs/").append(job.id()).append("</link><guid>").append(baseUrl).append("/jobs/").append(job.id())
                    .append("</guid><pubDate>").append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(job.publishedAt()
                            .atOffset(java.time.ZoneOffset.UTC))).append("</pubDate><description>")
                    .append(HtmlUtils.htmlEscape(job.location() + ", " + job.workplace().toLowerCase() + ". " + abbreviate(job.description())))
                    .append("</description></item>");
        }
        return ResponseEntity.ok().contentType(new MediaType("application", "rss+xml", StandardCharsets.UTF_8)).body(rss.append("</channel></rss>").toString());
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    @GetMapping("/jobs/new")
    String newJob(HttpServletRequest request, Model model) {
        requireEmployer(request);
        model.addAttribute("draft", JobDraft.empty());
        return "careers/edit";
    }

    @PostMapping("/jobs")
    String create(@ModelAttribute("draft") JobDraft draft, HttpServletRequest request, Model model) {
        Member employer = requireEmployer(request);
        try {
            return "redirect:/jobs/" + jobs.draft(employer, draft);
        } catch (InvalidJobException e) {
            model.addAttribute("errors", e.errors());
            return "careers/edit";
        }
    }

    @GetMapping("/jobs/{id}/edit")
    String edit(@PathVariable long id, HttpServletRequest request, Model model) {
        Member employer = requireEmployer(request);
        Job job = jobs.find(id, Optional.of(employer)).filter(j -> j.employerId() == employer.id()).orElseThrow(() -> notFound(id));
        model.addAttribute("draft", new JobDraft(job.title(), job.organisation(), job.location(), job.workplace(), job.employmentType(),
                String.join(", ", job.credentialsRequired()), String.join(", ", job.credentialsPreferred()), String.join(", ", job.specialties()),
                String.join(", ", job.codeSets()), text(job.experienceYears()), text(job.salaryMin()), text(job.salaryMax()),
                job.salaryPeriod() == null ? "YEAR" : job.salaryPeriod(), job.description(), job.applyUrl() == null ? "" : job.applyUrl(),
                job.expiresOn().toString()));
        model.addAttribute("jobId", id);
        return "careers/edit";
    }

    private static String text(Integer n) {
        return n == null ? "" : n.toString();
    }

    @PostMapping("/jobs/{id}")
    String update(@PathVariable long id, @ModelAttribute("draft") JobDraft draft, HttpServletRequest request, Model model) {
        Member employer = requireEmployer(request);
        try {
            if (!jobs.update(employer, id, draft)) {
                throw notFound(id);
            }
            return "redirect:/jobs/" + id;
        } catch (InvalidJobException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("jobId", id);
            return "careers/edit";
        }
    }

    @PostMapping("/jobs/{id}/{action:publish|close|renew}")
    String change(@PathVariable long id, @PathVariable String action, HttpServletRequest request) {
        Member employer = requireEmployer(request);
        boolean done = switch (action) {
            case "publish" -> jobs.publish(employer, id);
            case "close" -> jobs.close(employer, id);
            default -> jobs.renew(employer, id);
        };
        if (!done) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "This job cannot be " + action + (action.endsWith("e") ? "d" : "ed")
                    + " now (not yours, or not in a state that allows it).");
        }
        return "redirect:/jobs/" + id;
    }

    @GetMapping("/employer/jobs")
    String employerJobs(HttpServletRequest request, Model model) {
        model.addAttribute("jobs", jobs.ofEmployer(requireEmployer(request)));
        model.addAttribute("today", LocalDate.now());
        return "careers/employer";
    }

    @GetMapping("/jobs/{id}/applications")
    String applicationsOf(@PathVariable long id, HttpServletRequest request, Model model) {
        Member employer = requireEmployer(request);
        Job job = jobs.find(id, Optional.of(employer)).filter(j -> j.employerId() == employer.id()).orElseThrow(() -> notFound(id));
        model.addAttribute("job", job);
        model.addAttribute("applications", applications.forJob(employer, id));
        model.addAttribute("statuses", org.codedesk.careers.Application.STATUSES.stream().sorted().toList());
        return "careers/applications";
    }

    @PostMapping("/applications/{id}/status")
    String status(@PathVariable long id, @RequestParam String status, @RequestParam long job, HttpServletRequest request) {
        Member employer = requireEmployer(request);
        try {
            if (!applications.setStatus(employer, id, status)) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No application " + id + " to your jobs.");
            }
        } catch (InvalidJobException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.errors().get("status"));
        }
        return "redirect:/jobs/" + job + "/applications";
    }

    @GetMapping("/applications/{id}/resume")
    ResponseEntity<byte[]> resume(@PathVariable long id, HttpServletRequest request) {
        Object[] file = applications.resume(requireEmployer(request), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No application " + id + " to your jobs."));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType((String) file[1]))
                .header("Content-Disposition", "attachment; filename=\"" + file[0] + "\"").header("X-Content-Type-Options", "nosniff")
                .body((byte[]) file[2]);
    }

    @PostMapping("/jobs/{id}/apply")
    String apply(@PathVariable long id, @RequestParam(defaultValue = "") String coverNote,
                 @RequestParam(name = "resume", required = false) MultipartFile resume, HttpServletRequest request, Model model) throws IOException {
        Member applicant = member(request).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Log in to apply."));
        try {
            applications.apply(applicant, id, coverNote, resume == null ? null : resume.getOriginalFilename(),
                    resume == null ? null : resume.getBytes());
            return "redirect:/my/applications";
        } catch (InvalidJobException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("coverNote", coverNote);
            return showJob(jobs.find(id, Optional.of(applicant)).orElseThrow(() -> notFound(id)), Optional.of(applicant), model);
        }
    }

    /**
     * A résumé over the upload limit: Tomcat stops reading the request, so nothing of the form arrived; the job page says
     * why next to the form (413, not a bare error page).
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String uploadTooLarge(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        Map<?, ?> path = (Map<?, ?>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        Optional<Member> viewer = member(request);
        Optional<Job> job = Optional.ofNullable(path == null ? null : (String) path.get("id")).filter(id -> id.matches("\\d{1,18}"))
                .flatMap(id -> jobs.find(Long.parseLong(id), viewer));
        if (job.isEmpty() || viewer.isEmpty()) {
            model.addAttribute("status", HttpStatus.CONTENT_TOO_LARGE.value());
            model.addAttribute("message", Applications.RESUME_TOO_LARGE);
            return "error";
        }
        model.addAttribute("errors", Map.of("resume", Applications.RESUME_TOO_LARGE));
        return showJob(job.get(), viewer, model);
    }

    @GetMapping("/my/applications")
    String mine(HttpServletRequest request, Model model) {
        Member applicant = member(request).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Log in to see your applications."));
        model.addAttribute("applications", applications.mine(applicant));
        return "careers/mine";
    }

    private Optional<Member> member(HttpServletRequest request) {
        return accounts.member(request.getUserPrincipal());
    }

    private Member requireEmployer(HttpServletRequest request) {
        Member member = member(request).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Log in as an employer."));
        if (!member.roles().contains(org.codedesk.accounts.Role.EMPLOYER)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only approved employers post jobs: ask the site's administrator to approve"
                    + " your account as an employer.");
        }
        return member;
    }

    private static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No open job " + id + ".");
    }
}
