package org.codedesk.metering;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The plans and their limits, and how to upgrade (no payment processor yet: an administrator grants plans). Every number
 * comes from {@link PlanLimits}, which the meters enforce.
 */
@Controller
class PlansController {

    private final PlanLimits limits;
    private final int periodDays;

    PlansController(PlanLimits limits, @Value("${codedesk.metering.period-days:30}") int periodDays) {
        this.limits = limits;
        this.periodDays = periodDays;
    }

    /** One plan's row: its limit per period for each thing a plan limits (-1 unlimited). */
    record PlanRow(String plan, Map<PlanLimits.Limit, Integer> limits) {

        /** "unlimited", "none" or the number. */
        public String shown(PlanLimits.Limit limit) {
            int value = limits.get(limit);
            return value < 0 ? "unlimited" : value == 0 ? "none" : String.valueOf(value);
        }
    }

    @GetMapping("/plans")
    String plans(Model model) {
        List<PlanRow> rows = PlanLimits.PLANS.stream().map(plan -> {
            Map<PlanLimits.Limit, Integer> values = new java.util.EnumMap<>(PlanLimits.Limit.class);
            for (PlanLimits.Limit limit : PlanLimits.Limit.values()) {
                values.put(limit, limits.of(plan, limit));
            }
            return new PlanRow(plan, values);
        }).toList();
        model.addAttribute("plans", rows);
        model.addAttribute("periodDays", periodDays);
        return "metering/plans";
    }
}
