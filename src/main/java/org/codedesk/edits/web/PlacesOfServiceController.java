package org.codedesk.edits.web;

import java.util.List;

import org.codedesk.edits.Edits;
import org.codedesk.edits.PlaceOfService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import io.swagger.v3.oas.annotations.Operation;

/** The CMS Place of Service code set as imported: {@code /places-of-service} and {@code /api/v1/places-of-service}. */
@Controller
class PlacesOfServiceController {

    private final Edits edits;

    PlacesOfServiceController(Edits edits) {
        this.edits = edits;
    }

    @GetMapping("/places-of-service")
    String page(Model model) {
        model.addAttribute("places", edits.placesOfService());
        return "edits/places-of-service";
    }

    @GetMapping("/api/v1/places-of-service")
    @ResponseBody
    @Operation(summary = "The imported CMS Place of Service code set (empty when none is imported)")
    List<PlaceOfService> api() {
        return edits.placesOfService();
    }
}
