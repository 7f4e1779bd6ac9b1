package org.codedesk.accounts.web;

import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.codedesk.accounts.AccountAdministration;
import org.codedesk.accounts.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin area for accounts (ADMIN role, checked by the security configuration): find, roles, plans, disable, audit. */
@Controller
class AdminUsersController {

    private final AccountAdministration administration;

    AdminUsersController(AccountAdministration administration) {
        this.administration = administration;
    }

    @GetMapping("/admin/users")
    String users(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("accounts", administration.find(q));
        return "accounts/admin-users";
    }

    @GetMapping("/admin/users/{id}")
    String user(@PathVariable long id, Model model) {
        model.addAttribute("account", administration.get(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such account.")));
        model.addAttribute("roles", Role.values());
        model.addAttribute("plans", List.of("FREE", "PRO"));
        return "accounts/admin-user";
    }

    @PostMapping("/admin/users/{id}/roles")
    String roles(@PathVariable long id, @RequestParam(required = false) List<Role> roles, Principal admin, RedirectAttributes redirect) {
        Set<Role> chosen = roles == null ? EnumSet.of(Role.MEMBER) : EnumSet.copyOf(roles);
        administration.setRoles(admin.getName(), id, chosen);
        redirect.addFlashAttribute("message", "Roles saved.");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/plan")
    String plan(@PathVariable long id, @RequestParam String plan, @RequestParam(defaultValue = "") String until, Principal admin,
                RedirectAttributes redirect) {
        try {
            LocalDate end = until.isBlank() ? null : LocalDate.parse(until);
            administration.setPlan(admin.getName(), id, plan, end == null ? null : end.atStartOfDay().toInstant(ZoneOffset.UTC));
            redirect.addFlashAttribute("message", "Plan saved.");
        } catch (DateTimeParseException | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "Choose a plan (FREE or PRO) and an end date in the form YYYY-MM-DD, or none.");
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/disabled")
    String disabled(@PathVariable long id, @RequestParam boolean disabled, Principal admin, RedirectAttributes redirect) {
        administration.setDisabled(admin.getName(), id, disabled);
        redirect.addFlashAttribute("message", disabled ? "Account disabled." : "Account enabled.");
        return "redirect:/admin/users/" + id;
    }

    @GetMapping("/admin/audit")
    String audit(Model model) {
        model.addAttribute("entries", administration.auditLog());
        return "accounts/admin-audit";
    }
}
