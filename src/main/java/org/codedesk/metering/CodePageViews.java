package org.codedesk.metering;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The metering module's API: code page views per plan and period. A view is granted when the viewer saw the
 * page already in the period, or when every counter of the viewer is below the plan's quota; the counters are
 * raised by conditional updates inside one transaction, so parallel requests for the last view grant exactly one.
 * Quotas come from configuration: {@code codedesk.plans.<plan>.code-views} (-1 unlimited).
 */
@Service
public class CodePageViews {

    private final JdbcTemplate jdbc;
    private final java.time.Clock clock;
    private final TransactionTemplate transaction;
    private final PlanLimits limits;
    private final boolean enabled;
    private final Duration period;

    CodePageViews(JdbcTemplate jdbc, TransactionTemplate transaction, PlanLimits limits, java.time.Clock clock,
                  @Value("${codedesk.metering.enabled:true}") boolean enabled,
                  @Value("${codedesk.metering.period-days:30}") int periodDays) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.limits = limits;
        this.enabled = enabled;
        this.period = Duration.ofDays(periodDays);
        this.clock = clock;
    }

    public int quota(String plan) {
        return limits.of(plan, PlanLimits.Limit.CODE_VIEWS);
    }

    /** What a viewer over the plan's code page views is told (on the JSON API and the FHIR service alike). */
    public String limitReached(String plan) {
        int quota = quota(plan);
        return "You have used the " + quota + " code page view" + (quota == 1 ? "" : "s") + " of the " + plan
                + " plan for this period. Register or log in for more, or upgrade for unlimited views.";
    }

    /** Asks to show {@code item} (e.g. "icd10cm:I21.4") to {@code viewer}; counts the view when it is new and granted. */
    public Allowance view(Viewer viewer, String item) {
        int quota = quota(viewer.plan());
        if (!enabled || quota < 0 || viewer.keys().isEmpty()) {
            return new Allowance(true, -1, viewer.plan());
        }
        return new Allowance(consume(viewer.keys(), item, quota), remaining(viewer, quota, clock.instant()), viewer.plan());
    }

    /**
     * Counts one API call for the viewer against {@code codedesk.plans.<plan>.api-calls} (-1 unlimited); every call
     * counts. The counters are separate from the code page views ("api|" keys).
     */
    public boolean apiCall(Viewer viewer) {
        return use(viewer, PlanLimits.Limit.API_CALLS, "api|");
    }

    /**
     * Counts one question to the assistant against {@code codedesk.plans.<plan>.assistant-questions} (-1 unlimited),
     * for the assistant module to call before it answers.
     */
    public boolean assistantQuestion(Viewer viewer) {
        return use(viewer, PlanLimits.Limit.ASSISTANT_QUESTIONS, "assistant|");
    }

    private boolean use(Viewer viewer, PlanLimits.Limit limit, String prefix) {
        int quota = limits.of(viewer.plan(), limit);
        if (!enabled || quota < 0 || viewer.keys().isEmpty()) {
            return true;
        }
        return consume(viewer.keys().stream().map(k -> prefix + k).toList(), null, quota);
    }

    /**
     * Grants one use when {@code item} was seen in the period (free) or every counter is below {@code quota}, raising
     * the counters and remembering the item. The counter rows are locked first, in key order, so parallel requests of
     * one viewer are serialised (exactly one gets the last use) and there are no deadlocks.
     */
    private boolean consume(List<String> viewerKeys, String item, int quota) {
        Instant now = clock.instant();
        List<String> keys = viewerKeys.stream().sorted().toList();
        keys.forEach(key -> ensureCounter(key, now));
        return Boolean.TRUE.equals(transaction.execute(status -> {
            for (String key : keys) {
                jdbc.queryForList("select used from metering_counter where viewer_key = ? for update", Integer.class, key);
                resetIfPeriodOver(key, now);
            }
            if (item != null && keys.stream().anyMatch(k -> seenInPeriod(k, item, now))) {
                return true;
            }
            for (String key : keys) {
                Integer used = jdbc.queryForObject("select used from metering_counter where viewer_key = ?", Integer.class, key);
                if (used == null || used >= quota) {
                    return false;
                }
            }
            for (String key : keys) {
                jdbc.update("update metering_counter set used = used + 1 where viewer_key = ?", key);
                if (item != null) {
                    jdbc.update("delete from metering_view where viewer_key = ? and item = ?", key, item);
                    jdbc.update("insert into metering_view (viewer_key, item, viewed_at) values (?, ?, ?)", key, item, Timestamp.from(now));
                }
            }
            return true;
        }));
    }

    /** A deleted account's page views and counter go with it (personal data). */
    @org.springframework.context.event.EventListener
    void onAccountDeleted(org.codedesk.accounts.AccountDeleted event) {
        String key = "account:" + event.accountId();
        jdbc.update("delete from metering_view where viewer_key = ?", key);
        jdbc.update("delete from metering_counter where viewer_key in (?, ?, ?)", key, "api|" + key, "assistant|" + key);
    }

    /** How many views remain for the viewer now, without using one (-1: unlimited). */
    public int remaining(Viewer viewer) {
        int quota = quota(viewer.plan());
        return !enabled || quota < 0 ? -1 : remaining(viewer, quota, clock.instant());
    }

    private int remaining(Viewer viewer, int quota, Instant now) {
        int used = 0;
        for (String key : viewer.keys()) {
            List<Integer> counts = jdbc.queryForList("select used from metering_counter where viewer_key = ? and period_start > ?",
                    Integer.class, key, Timestamp.from(now.minus(period)));
            used = Math.max(used, counts.isEmpty() ? 0 : counts.get(0));
        }
        return Math.max(0, quota - used);
    }

    private boolean seenInPeriod(String key, String item, Instant now) {
        return !jdbc.queryForList("select 1 from metering_view where viewer_key = ? and item = ? and viewed_at > ?", Integer.class,
                key, item, Timestamp.from(now.minus(period))).isEmpty();
    }

    private void resetIfPeriodOver(String key, Instant now) {
        jdbc.update("update metering_counter set used = 0, period_start = ? where viewer_key = ? and period_start <= ?",
                Timestamp.from(now), key, Timestamp.from(now.minus(period)));
    }

    /** Creates the viewer's counter at zero if it has none; its own statement, so a parallel creation loses harmlessly. */
    private void ensureCounter(String key, Instant now) {
        if (jdbc.queryForList("select 1 from metering_counter where viewer_key = ?", Integer.class, key).isEmpty()) {
            try {
                jdbc.update("insert into metering_counter (viewer_key, period_start, used) values (?, ?, 0)", key, Timestamp.from(now));
            } catch (DuplicateKeyException e) {
                // created by a parallel request: fine
            }
        }
    }
}
