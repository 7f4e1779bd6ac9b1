package org.codedesk.consult.web;

import org.codedesk.accounts.Accounts;
import org.codedesk.accounts.Member;
import org.codedesk.consult.Consults;
import org.codedesk.consult.UnreadableMail;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Mail the consult address received but could not read, listed on the consultants' queue: a consultant downloads it
 * as received (always as a file, never shown) and marks it handled.
 */
@Controller
class UnreadableMailController {

    private final UnreadableMail unreadable;
    private final Accounts accounts;

    UnreadableMailController(UnreadableMail unreadable, Accounts accounts) {
        this.unreadable = unreadable;
        this.accounts = accounts;
    }

    @GetMapping("/consult/unreadable/{id}")
    ResponseEntity<byte[]> download(@PathVariable long id, HttpServletRequest request) {
        byte[] raw = unreadable.raw(id, requireConsultant(request))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No unreadable mail " + id + "."));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", "attachment; filename=\"consult-mail-" + id + ".eml\"").header("X-Content-Type-Options", "nosniff")
                .body(raw);
    }

    @PostMapping("/consult/unreadable/{id}/handled")
    String handled(@PathVariable long id, HttpServletRequest request) {
        unreadable.handled(id, requireConsultant(request));
        return "redirect:/consult/queue";
    }

    private Member requireConsultant(HttpServletRequest request) {
        Member member = accounts.member(request.getUserPrincipal())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Log in to see the consult queue."));
        if (!Consults.isConsultant(member)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "The consult queue is for consultants.");
        }
        return member;
    }
}
