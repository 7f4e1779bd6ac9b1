package org.codedesk.accounts;

import java.time.Instant;
import java.util.Set;

/** A member's account as stored; the email is kept lower-cased and is the login name. */
public record Account(long id, String email, String passwordHash, Set<Role> roles, String plan, boolean emailVerified,
                      boolean disabled, int failedLogins, Instant lockedUntil, Instant createdAt, Instant planUntil) {

    /** The plan in force now: a plan granted for a period falls back to FREE when the period is over. */
    public String planAt(Instant now) {
        return planUntil != null && !planUntil.isAfter(now) ? "FREE" : plan;
    }


    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
