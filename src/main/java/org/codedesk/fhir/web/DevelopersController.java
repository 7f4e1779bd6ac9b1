package org.codedesk.fhir.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.codedesk.fhir.terminology.FhirCodeSystem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /developers}: how to integrate with CodeDesk: the JSON API (its OpenAPI description), the FHIR terminology
 * service (its CapabilityStatement), API tokens, each plan's API calls and code page views, the plan rules the API
 * shares with the code pages, and example requests to copy.
 */
@Controller
class DevelopersController {

    private final Environment environment;
    private final String baseUrl;

    DevelopersController(Environment environment, @Value("${codedesk.base-url}") String baseUrl) {
        this.environment = environment;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** A code system as listed on the page: its name, FHIR URL and resource id. */
    public record SystemRow(String title, String url, String id) { }

    @GetMapping("/developers")
    String developers(Model model) {
        Map<String, String> quotas = new LinkedHashMap<>();
        Map<String, String> codeViews = new LinkedHashMap<>();
        for (String plan : List.of("guest", "free", "pro")) {
            String name = plan.substring(0, 1).toUpperCase() + plan.substring(1);
            quotas.put(name, count(plan, "api-calls"));
            codeViews.put(name, count(plan, "code-views"));
        }
        model.addAttribute("baseUrl", baseUrl);
        model.addAttribute("quotas", quotas);
        model.addAttribute("codeViews", codeViews);
        model.addAttribute("periodDays", environment.getProperty("codedesk.metering.period-days", Integer.class, 30));
        model.addAttribute("systems", java.util.Arrays.stream(FhirCodeSystem.values())
                .map(s -> new SystemRow(s.system().title(), s.url(), s.id())).toList());
        model.addAttribute("icd9", FhirCodeSystem.ICD9CM);
        return "fhir/developers";
    }

    /** A plan's quota per period as the page shows it ({@code codedesk.plans.<plan>.<quota>}, -1: unlimited). */
    private String count(String plan, String quota) {
        int value = environment.getProperty("codedesk.plans." + plan + "." + quota, Integer.class, -1);
        return value < 0 ? "unlimited" : String.format("%,d", value);
    }
}
