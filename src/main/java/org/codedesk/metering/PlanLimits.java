package org.codedesk.metering;

import java.util.List;
import java.util.Locale;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The plans' limits per period, read from {@code codedesk.plans.<plan>.<limit>} (-1 unlimited). The one place that reads
 * them: the meters that enforce them (code pages, API calls, assistant questions, consults) and the plans page that
 * shows them ask here, so what the page says is what is enforced.
 */
@Component
public class PlanLimits {

    /** The plans, in the order the plans page lists them. */
    public static final List<String> PLANS = List.of("GUEST", "FREE", "PRO");

    /** What a plan limits, with its property name and the value when the property is not set. */
    public enum Limit {
        CODE_VIEWS("code-views", -1),
        API_CALLS("api-calls", -1),
        ASSISTANT_QUESTIONS("assistant-questions", -1),
        CONSULTS("consults", 0);

        private final String property;
        private final int whenUnset;

        Limit(String property, int whenUnset) {
            this.property = property;
            this.whenUnset = whenUnset;
        }
    }

    public static final int UNLIMITED = -1;

    private final Environment environment;

    PlanLimits(Environment environment) {
        this.environment = environment;
    }

    /** The plan's limit per period; {@link #UNLIMITED} (-1) for none. */
    public int of(String plan, Limit limit) {
        return environment.getProperty("codedesk.plans." + plan.toLowerCase(Locale.ROOT) + "." + limit.property, Integer.class,
                limit.whenUnset);
    }
}
