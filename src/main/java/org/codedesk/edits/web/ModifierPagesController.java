package org.codedesk.edits.web;

import java.time.LocalDate;

import org.codedesk.catalog.DateOfService;
import org.codedesk.edits.Modifier;
import org.codedesk.edits.Modifiers;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** A page per modifier ({@code /modifiers/{code}}) and the list of all, with how NCCI treats each. */
@Controller
class ModifierPagesController {

    static final String LIST_VIEW = "edits/modifiers";
    static final String VIEW = "edits/modifier";

    private final Modifiers modifiers;

    ModifierPagesController(Modifiers modifiers) {
        this.modifiers = modifiers;
    }

    @GetMapping("/modifiers")
    String list(@RequestParam(required = false) String date, Model model) {
        model.addAttribute("modifiers", modifiers.all(DateOfService.parse(date)));
        return LIST_VIEW;
    }

    @GetMapping("/modifiers/{code}")
    String modifier(@PathVariable String code, @RequestParam(required = false) String date, Model model) {
        Modifier modifier = modifiers.find(code, DateOfService.parse(date)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "There is no modifier " + code + " in CodeDesk's reference or in the HCPCS Level II release in force."));
        model.addAttribute("m", modifier);
        return VIEW;
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(ResponseStatusException.class)
    org.springframework.web.servlet.ModelAndView notFound(ResponseStatusException e) {
        org.springframework.web.servlet.ModelAndView view = new org.springframework.web.servlet.ModelAndView("error");
        view.addObject("status", e.getStatusCode().value());
        view.addObject("message", e.getReason());
        view.setStatus(HttpStatus.valueOf(e.getStatusCode().value()));
        return view;
    }
}
