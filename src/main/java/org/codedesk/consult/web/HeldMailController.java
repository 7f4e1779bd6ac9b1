package org.codedesk.consult.web;

import org.codedesk.accounts.Accounts;
import org.codedesk.accounts.Member;
import org.codedesk.consult.Consults;
import org.codedesk.consult.HeldMail;
import org.codedesk.consult.HeldMails;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A question received by mail that did not prove its sender, shown to its member (logged in: the link in the notice
 * leads through the login page) to confirm, which opens the thread and spends a consult, or to discard. Another
 * member's key is not found.
 */
@Controller
class HeldMailController {

    static final String VIEW = "consult/held";

    private final Consults consults;
    private final HeldMails held;
    private final Accounts accounts;

    HeldMailController(Consults consults, HeldMails held, Accounts accounts) {
        this.consults = consults;
        this.held = held;
        this.accounts = accounts;
    }

    @GetMapping("/consult/held/{key}")
    String show(@PathVariable String key, HttpServletRequest request, Model model) {
        Member member = requireMember(request);
        model.addAttribute("held", held.find(key, member).orElseThrow(HeldMailController::notFound));
        return VIEW;
    }

    @PostMapping("/consult/held/{key}/confirm")
    String confirm(@PathVariable String key, HttpServletRequest request, Model model) {
        Member member = requireMember(request);
        HeldMail mail = held.find(key, member).orElseThrow(HeldMailController::notFound);
        try {
            return "redirect:/consult/threads/" + consults.confirm(key, member).orElseThrow(HeldMailController::notFound);
        } catch (IllegalArgumentException e) {
            model.addAttribute("held", mail);
            model.addAttribute("error", e.getMessage());
            return VIEW;
        }
    }

    @PostMapping("/consult/held/{key}/discard")
    String discard(@PathVariable String key, HttpServletRequest request) {
        if (!held.discard(key, requireMember(request))) {
            throw notFound();
        }
        return "redirect:/consult";
    }

    private Member requireMember(HttpServletRequest request) {
        return accounts.member(request.getUserPrincipal())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Log in to see your consults."));
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No question of yours waits for confirmation here.");
    }
}
