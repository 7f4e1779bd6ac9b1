package org.codedesk.claims.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codedesk.claims.Claim;
import org.codedesk.claims.ClaimChecker;
import org.codedesk.claims.InvalidClaimException;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The claim edit checker page {@code /claims/check}: a form for members, the findings under it. */
@Controller
class ClaimPageController {

    static final String VIEW = "claims/check";
    private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)](.*)");

    private final ClaimChecker checker;

    ClaimPageController(ClaimChecker checker) {
        this.checker = checker;
    }

    @GetMapping("/claims/check")
    String form(Model model) {
        model.addAttribute("form", new ClaimForm());
        return VIEW;
    }

    @PostMapping("/claims/check")
    String check(@ModelAttribute("form") ClaimForm form, Model model, HttpServletRequest request) {
        if (request.getUserPrincipal() == null) {
            model.addAttribute("loginRequired", true);
            return VIEW;
        }
        try {
            model.addAttribute("result", checker.check(form.toClaim()));
        } catch (InvalidClaimException e) {
            model.addAttribute("errors", errorsByFormField(e.errors(), form.rowOfLine()));
        }
        return VIEW;
    }

    /**
     * A form field the page does not have, such as {@code lines[10000].code} (past the rows a form may grow to): the
     * form again with a message, not a 500.
     */
    @ExceptionHandler(InvalidPropertyException.class)
    String unknownField(InvalidPropertyException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("form", new ClaimForm());
        model.addAttribute("errors", Map.of("lines", "The form sent a field it does not have (" + e.getPropertyName()
                + "): a claim has at most " + Claim.MAX_LINES + " lines. Fill in the rows shown, or split the claim."));
        return VIEW;
    }

    /** Errors keyed by the form's field names ("lines[3].units" for the fourth row on screen), so each shows beside its field. */
    private static Map<String, String> errorsByFormField(List<InvalidClaimException.FieldError> errors, List<Integer> rowOfLine) {
        Map<String, String> byField = new HashMap<>();
        for (InvalidClaimException.FieldError error : errors) {
            Matcher m = LINE_FIELD.matcher(error.field());
            String field = error.field();
            if (m.matches() && Integer.parseInt(m.group(1)) < rowOfLine.size()) {
                String rest = m.group(2).replaceAll("\\[\\d+]$", "");
                field = "lines[" + rowOfLine.get(Integer.parseInt(m.group(1))) + "]" + rest;
            }
            byField.merge(field, error.message(), (a, b) -> a + " " + b);
        }
        return byField;
    }
}
