package org.codedesk.accounts;

import java.time.Instant;

/** One administrative action: who did what to whom, when. */
public record AuditEntry(Instant at, String actor, String action, String target, String detail) {
}
