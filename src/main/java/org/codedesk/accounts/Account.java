package org.codedesk.accounts;

import java.time.Instant;
import java.util.Set;

/**
 * A member's account as stored; the email is kept lower-cased and is the login name. The session stamp moves on
 * whenever every existing session of the account must end (see {@link SessionAccountFilter}).
 */
public record Account(long id, String email, String passwordHash, Set<Role> roles, String plan, boolean emailVerified,
                      boolean disabled, Instant createdAt, Instant planUntil, int sessionStamp) {

    /** The plan in force now: a plan granted for a period falls back to FREE when the period is over. */
    public String planAt(Instant now) {
        return planUntil != null && !planUntil.isAfter(now) ? "FREE" : plan;
    }

    /** Whether the account may be logged in at all: its address confirmed and not disabled by an administrator. */
    public boolean usable() {
        return emailVerified && !disabled;
    }
}
