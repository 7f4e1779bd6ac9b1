package org.codedesk.metering;

import java.util.List;

/**
 * Who is reading, as metering counts them: an account (its plan decides the quota), or a guest known by a
 * signed cookie and by address together, so clearing cookies does not reset the quota.
 */
public record Viewer(String plan, List<String> keys) {

    /**
     * The node itself warming up its page path after start ({@link WarmUpRequests}): a plan without limits and no key, so
     * nothing is counted or stored.
     */
    public static final Viewer WARM_UP = new Viewer("WARM-UP", List.of());

    public static Viewer account(long accountId, String plan) {
        return new Viewer(plan, List.of("account:" + accountId));
    }

    /**
     * A member reading on a device where they were a guest: the guest's views count too, so the guest's page
     * stays free and "1 + 5" means five more after registering, not six.
     */
    public static Viewer account(long accountId, String plan, String guestCookieId) {
        return guestCookieId == null ? account(accountId, plan)
                : new Viewer(plan, List.of("account:" + accountId, "cookie:" + guestCookieId));
    }

    public static Viewer guest(String cookieId, String address) {
        return new Viewer("GUEST", List.of("cookie:" + cookieId, "ip:" + address));
    }
}
