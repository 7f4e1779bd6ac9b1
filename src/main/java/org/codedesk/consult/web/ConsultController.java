package org.codedesk.consult.web;

import java.util.List;
import java.util.Optional;

import org.codedesk.accounts.Accounts;
import org.codedesk.accounts.Member;
import org.codedesk.consult.ConsultThread;
import org.codedesk.consult.Consults;
import org.codedesk.consult.HeldMails;
import org.codedesk.consult.InboundMail;
import org.codedesk.consult.Outbox;
import org.codedesk.consult.UnreadableMail;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Email consults on the web: the form for members ({@code /consult}), their threads, the consultants' queue (claim,
 * edit the draft, send), and the outbox's failed messages for admins. Every handler checks who asks on the server.
 */
@Controller
class ConsultController {

    private final Consults consults;
    private final Outbox outbox;
    private final Accounts accounts;
    private final HeldMails held;
    private final UnreadableMail unreadable;

    ConsultController(Consults consults, Outbox outbox, Accounts accounts, HeldMails held, UnreadableMail unreadable) {
        this.consults = consults;
        this.outbox = outbox;
        this.accounts = accounts;
        this.held = held;
        this.unreadable = unreadable;
    }

    @GetMapping("/consult")
    String form(HttpServletRequest request, Model model) {
        member(request).ifPresent(m -> {
            model.addAttribute("left", consults.consultsLeft(m));
            model.addAttribute("threads", consults.threadsOf(m));
            model.addAttribute("held", held.of(m));
        });
        return "consult/form";
    }

    @PostMapping("/consult")
    String ask(@RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String body, HttpServletRequest request,
               Model model) {
        Optional<Member> member = member(request);
        if (member.isEmpty()) {
            model.addAttribute("loginRequired", true);
            return "consult/form";
        }
        try {
            return "redirect:/consult/threads/" + consults.ask(member.get(), subject, body);
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("subject", subject);
            model.addAttribute("body", body);
            model.addAttribute("left", consults.consultsLeft(member.get()));
            return "consult/form";
        }
    }

    @GetMapping("/consult/threads/{id}")
    String thread(@PathVariable long id, HttpServletRequest request, Model model) {
        Member viewer = requireMember(request);
        ConsultThread thread = consults.thread(id, viewer).orElseThrow(() -> notFound(id));
        model.addAttribute("thread", thread);
        model.addAttribute("consultant", thread.accountId() != viewer.id());
        model.addAttribute("phi", thread.accountId() != viewer.id() ? consults.likelyPhi(thread) : List.of());
        model.addAttribute("attachments", consults.attachments(id));
        model.addAttribute("mine", thread.consultantId() != null && thread.consultantId() == viewer.id());
        return "consult/thread";
    }

    /** An attachment, always as a download (never shown inline, whatever its type says). */
    @GetMapping("/consult/threads/{id}/attachments/{attachment}")
    org.springframework.http.ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachment, HttpServletRequest request) {
        InboundMail.Attachment file = consults.attachment(id, attachment, requireMember(request)).orElseThrow(() -> notFound(id));
        String name = file.name().replaceAll("[^A-Za-z0-9._ -]", "_");
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").header("X-Content-Type-Options", "nosniff")
                .body(file.data());
    }

    @PostMapping("/consult/threads/{id}/close")
    String close(@PathVariable long id, HttpServletRequest request) {
        if (!consults.close(id, requireMember(request))) {
            throw notFound(id);
        }
        return "redirect:/consult/threads/" + id;
    }

    @PostMapping("/consult/threads/{id}/delete")
    String delete(@PathVariable long id, HttpServletRequest request) {
        if (!consults.delete(id, requireMember(request))) {
            throw notFound(id);
        }
        return "redirect:/consult";
    }

    @GetMapping("/consult/queue")
    String queue(HttpServletRequest request, Model model) {
        Member consultant = requireConsultant(request);
        model.addAttribute("threads", consults.queue(consultant));
        model.addAttribute("unreadable", unreadable.waiting(consultant));
        model.addAttribute("now", java.time.Instant.now());
        return "consult/queue";
    }

    @PostMapping("/consult/threads/{id}/claim")
    String claim(@PathVariable long id, HttpServletRequest request) {
        Member consultant = requireConsultant(request);
        if (!consults.claim(id, consultant)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Another consultant has this thread, or it is already answered.");
        }
        return "redirect:/consult/threads/" + id;
    }

    @PostMapping("/consult/threads/{id}/answer")
    String answer(@PathVariable long id, @RequestParam(defaultValue = "") String body, HttpServletRequest request) {
        Member consultant = requireConsultant(request);
        try {
            consults.answer(id, consultant, body);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return "redirect:/consult/queue";
    }

    @GetMapping("/admin/outbox")
    String failedMail(Model model) {
        model.addAttribute("failed", outbox.failed());
        model.addAttribute("pending", outbox.pending());
        return "consult/outbox";
    }

    @PostMapping("/admin/outbox/{id}/retry")
    String retry(@PathVariable long id) {
        outbox.retry(id);
        return "redirect:/admin/outbox";
    }

    private Optional<Member> member(HttpServletRequest request) {
        return accounts.member(request.getUserPrincipal());
    }

    private Member requireMember(HttpServletRequest request) {
        return member(request).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Log in to see your consults."));
    }

    private Member requireConsultant(HttpServletRequest request) {
        Member member = requireMember(request);
        if (!Consults.isConsultant(member)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "The consult queue is for consultants.");
        }
        return member;
    }

    private static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No consult " + id + " of yours.");
    }
}
