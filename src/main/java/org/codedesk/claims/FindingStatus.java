package org.codedesk.claims;

import com.fasterxml.jackson.annotation.JsonValue;

/** The outcome of one check: the claim is clean only when every finding is {@link #PASS}. */
public enum FindingStatus {
    /** Checked against a real edit or table, and clean. */
    PASS,
    /** An edit fires: the finding says which, why and how to fix it. */
    FAIL,
    /** An edit fires but a modifier on the line resolves it; the documentation must support that modifier. */
    BYPASSED,
    /** Nothing is loaded to check it against: not checked, so the claim cannot be called clean. */
    NO_DATA,
    /**
     * Checked against the newest release imported, which is older than the one in force on the date of service (that one
     * is not imported): the message says which; never a pass, so the claim cannot be called clean.
     */
    STALE;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
