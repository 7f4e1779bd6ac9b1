package org.codedesk.web;

import org.codedesk.catalog.CodeSystem;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The home page's code box: goes to the code page of the system the code's shape belongs to. Full-text
 * search is a separate capability (module search); this only opens a code by its number.
 */
@Controller
class LookupController {

    @GetMapping("/lookup")
    String lookup(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String system,
                  @RequestParam(defaultValue = "") String date) {
        String key = code.trim();
        CodeSystem target = CodeSystem.ofSlug(system).orElseGet(() -> guess(key));
        return "redirect:" + UriComponentsBuilder.fromPath("/codes/{system}/{code}")
                .queryParamIfPresent("date", java.util.Optional.of(date.trim()).filter(d -> !d.isEmpty()))
                .buildAndExpand(target.slug(), key.isEmpty() ? "-" : key).toUriString();
    }

    /** A code's shape tells its system, except 7-character PCS codes that look like ICD-10-CM ones (then CM). */
    private static CodeSystem guess(String code) {
        String key = code.replace(".", "").toUpperCase();
        if (CodeSystem.isCptCode(key)) {
            return CodeSystem.CPT;
        }
        if (key.matches(CodeSystem.LEVEL_TWO_CODE) && !code.contains(".")) {
            return CodeSystem.HCPCS;
        }
        if (key.matches("[0-9][0-9A-Z]{6}")) {
            return CodeSystem.ICD10PCS;
        }
        return CodeSystem.ICD10CM;
    }
}
