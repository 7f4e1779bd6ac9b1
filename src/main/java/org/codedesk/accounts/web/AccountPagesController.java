package org.codedesk.accounts.web;

import java.security.Principal;
import java.util.List;

import org.codedesk.accounts.AccountSessions;
import org.codedesk.accounts.Accounts;
import org.codedesk.accounts.ApiTokens;
import org.codedesk.accounts.PasswordRules;
import org.springframework.stereotype.Controller;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Log in, register, verify the email, reset a forgotten password, and the member's own page. Every answer
 * about an email address reads the same whether or not it has an account.
 */
@Controller
class AccountPagesController {

    static final String SENT = "If the address can receive mail, a message is on its way to it. Follow the link in it"
            + " (check the spam folder too).";

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final AccountSessions sessions;

    AccountPagesController(Accounts accounts, ApiTokens tokens, AccountSessions sessions) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) Integer wait, Model model) {
        if (wait != null) { // set by the log-in throttle; bounded so a crafted link cannot say anything else
            long minutes = Math.max(1, Math.min(wait, 60));
            model.addAttribute("wait", "Too many failed log-ins from this network; try again in " + minutes
                    + (minutes == 1 ? " minute." : " minutes."));
        }
        return "accounts/login";
    }

    @GetMapping("/register")
    String registerForm(Model model) {
        model.addAttribute("rules", PasswordRules.DESCRIPTION);
        return "accounts/register";
    }

    @PostMapping("/register")
    String register(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password, Model model) {
        List<String> problems = accounts.register(email, password);
        if (!problems.isEmpty()) {
            model.addAttribute("errors", problems);
            model.addAttribute("email", email);
            model.addAttribute("rules", PasswordRules.DESCRIPTION);
            return "accounts/register";
        }
        model.addAttribute("message", SENT);
        return "accounts/message";
    }

    @GetMapping("/verify")
    String verify(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("message", accounts.verify(token)
                ? "Your email address is confirmed. You can log in now."
                : "This link is not valid any more (used, expired, replaced by a newer one or mistyped). To get a new one, register"
                        + " again with the same address.");
        return "accounts/message";
    }

    @GetMapping("/password/forgot")
    String forgotForm() {
        return "accounts/forgot";
    }

    @PostMapping("/password/forgot")
    String forgot(@RequestParam(defaultValue = "") String email, Model model) {
        accounts.requestPasswordReset(email); // queued: the answer is the same, and as quick, for any address
        model.addAttribute("message", SENT);
        return "accounts/message";
    }

    @GetMapping("/password/reset")
    String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("rules", PasswordRules.DESCRIPTION);
        return "accounts/reset";
    }

    @PostMapping("/password/reset")
    String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password, Model model,
                 RedirectAttributes redirect) {
        List<String> problems = accounts.resetPassword(token, password);
        if (!problems.isEmpty()) {
            model.addAttribute("token", token);
            model.addAttribute("errors", problems);
            model.addAttribute("rules", PasswordRules.DESCRIPTION);
            return "accounts/reset";
        }
        redirect.addFlashAttribute("message", "Your password is changed. Log in with the new one.");
        return "redirect:/login";
    }

    @GetMapping("/account")
    String account(Principal principal, Model model) {
        model.addAttribute("email", principal.getName());
        model.addAttribute("member", accounts.member(principal.getName()).orElse(null));
        model.addAttribute("rules", PasswordRules.DESCRIPTION);
        model.addAttribute("tokens", tokens.of(principal.getName()));
        return "accounts/account";
    }

    @PostMapping("/account/tokens")
    String createToken(Principal principal, @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        redirect.addFlashAttribute("newToken", tokens.create(principal.getName(), name));
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(Principal principal, @org.springframework.web.bind.annotation.PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", tokens.revoke(principal.getName(), id) ? "The token is revoked." : "No such token of yours.");
        return "redirect:/account";
    }

    @PostMapping("/account/password")
    String changePassword(Principal principal, @RequestParam(defaultValue = "") String current,
                          @RequestParam(defaultValue = "") String password, Model model, HttpServletRequest request,
                          HttpServletResponse response, RedirectAttributes redirect) {
        List<String> problems = accounts.changePassword(principal.getName(), current, password);
        if (!problems.isEmpty()) {
            model.addAttribute("passwordErrors", problems);
            return account(principal, model);
        }
        sessions.keepCurrent(principal.getName(), request, response); // the other sessions and remember-me logins have ended
        redirect.addFlashAttribute("message", "Your password is changed. Every other session and remembered device is logged out.");
        return "redirect:/account";
    }

    @PostMapping("/account/logout-everywhere")
    String logOutEverywhere(Principal principal, HttpServletRequest request, RedirectAttributes redirect) throws ServletException {
        accounts.logOutEverywhere(principal.getName());
        request.logout();
        redirect.addFlashAttribute("message", "You are logged out everywhere: every browser and device, this one included.");
        return "redirect:/login";
    }

    @PostMapping("/account/email")
    String changeEmail(Principal principal, @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String email,
                       Model model, HttpServletRequest request, RedirectAttributes redirect) throws ServletException {
        List<String> problems = accounts.changeEmail(principal.getName(), password, email);
        if (!problems.isEmpty()) {
            model.addAttribute("emailErrors", problems);
            return account(principal, model);
        }
        request.logout(); // the new address must be confirmed before the next login
        redirect.addFlashAttribute("message", SENT + " Confirm the new address, then log in with it.");
        return "redirect:/login";
    }

    @PostMapping("/account/delete")
    String delete(Principal principal, @RequestParam(defaultValue = "") String password, Model model, HttpServletRequest request,
                  RedirectAttributes redirect) throws ServletException {
        if (!accounts.delete(principal.getName(), password)) {
            model.addAttribute("deleteErrors", List.of("The password is not right; nothing was deleted."));
            return account(principal, model);
        }
        request.logout();
        redirect.addFlashAttribute("message", "Your account and its personal data are deleted. Kept: the audit log of administrators'"
                + " actions on accounts (it may name your email; kept for accountability) and anonymous guest counters.");
        return "redirect:/login";
    }
}
