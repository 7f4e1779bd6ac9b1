package org.codedesk.careers.web;

import java.util.Map;
import java.util.Optional;

import org.codedesk.accounts.Accounts;
import org.codedesk.accounts.Member;
import org.codedesk.careers.InvalidJobException;
import org.codedesk.careers.JobAlerts;
import org.codedesk.careers.Jobs;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;

/** Saved job searches and their emails, reports of job posts, and the admins' moderation page ({@code /admin/jobs}). */
@Controller
class JobAlertsController {

    private final JobAlerts alerts;
    private final Jobs jobs;
    private final Accounts accounts;

    JobAlertsController(JobAlerts alerts, Jobs jobs, Accounts accounts) {
        this.alerts = alerts;
        this.jobs = jobs;
        this.accounts = accounts;
    }

    @PostMapping("/jobs/alerts")
    String save(@RequestParam Map<String, String> filters, HttpServletRequest request) {
        try {
            alerts.save(member(request), filters);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
        return "redirect:/jobs/alerts";
    }

    @GetMapping("/jobs/alerts")
    String mine(HttpServletRequest request, Model model) {
        model.addAttribute("searches", alerts.of(member(request)));
        return "careers/alerts";
    }

    @PostMapping("/jobs/alerts/{id}/delete")
    String delete(@PathVariable long id, HttpServletRequest request) {
        if (!alerts.delete(member(request), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No saved search " + id + " of yours.");
        }
        return "redirect:/jobs/alerts";
    }

    /** The link in every alert email: works without logging in. */
    @GetMapping("/jobs/alerts/unsubscribe")
    String unsubscribe(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("done", alerts.unsubscribe(token));
        return "careers/unsubscribed";
    }

    @PostMapping("/jobs/{id}/report")
    String report(@PathVariable long id, @RequestParam(defaultValue = "") String reason, HttpServletRequest request) {
        try {
            jobs.report(member(request), id, reason);
        } catch (InvalidJobException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, String.join(" ", e.errors().values()));
        }
        return "redirect:/jobs/" + id + "?reported";
    }

    @GetMapping("/admin/jobs")
    String moderation(HttpServletRequest request, Model model) {
        model.addAttribute("reports", jobs.openReports(member(request)));
        return "careers/moderation";
    }

    @PostMapping("/admin/jobs/{id}/{action:take-down|dismiss}")
    String moderate(@PathVariable long id, @PathVariable String action, HttpServletRequest request) {
        Member admin = member(request);
        if (action.equals("take-down")) {
            jobs.takeDown(admin, id);
        } else {
            jobs.resolveReports(admin, id);
        }
        return "redirect:/admin/jobs";
    }

    private Member member(HttpServletRequest request) {
        return accounts.member(request.getUserPrincipal())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Log in first."));
    }
}
