package org.codedesk.content;

import java.time.Instant;

/** One saved version of an explanation: who wrote it, when, and the Markdown. */
public record Revision(long id, String body, String author, Instant createdAt, boolean published) {
}
