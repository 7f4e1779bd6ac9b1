package org.codedesk.metering;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The plans and their quotas, and how to upgrade (no payment processor yet: an administrator grants plans). */
@Controller
class PlansController {

    private final CodePageViews views;

    PlansController(CodePageViews views) {
        this.views = views;
    }

    @GetMapping("/plans")
    String plans(Model model) {
        model.addAttribute("guest", views.quota("GUEST"));
        model.addAttribute("free", views.quota("FREE"));
        model.addAttribute("pro", views.quota("PRO"));
        return "metering/plans";
    }
}
