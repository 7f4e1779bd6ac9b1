package org.codedesk.consult;

import java.time.Instant;
import java.util.List;

/**
 * A mail received from a member's address that proved no sender, waiting for the member to confirm it: its key (the
 * confirmation link's), subject, text, when it came, the thread it answers (null: a new question), the size of the
 * attachments not kept (over the limit; 0: none) and the files kept.
 */
public record HeldMail(String key, String subject, String body, Instant receivedAt, Long threadId, long droppedBytes, List<File> files) {

    /** A file kept with the held mail. */
    public record File(String name, long size) { }
}
