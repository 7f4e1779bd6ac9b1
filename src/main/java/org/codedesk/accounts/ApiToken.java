package org.codedesk.accounts;

import java.time.Instant;

/** An API token as its owner sees it: a name, the first characters (to recognise it), dates; never the secret. */
public record ApiToken(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
