package org.codedesk.consult;

import java.time.Instant;
import java.util.List;

/** A member's consult: the question's subject, status, due time (the plan's answer time), its consultant and draft. */
public record ConsultThread(long id, long accountId, String memberEmail, String subject, ConsultStatus status, String token,
                            Instant receivedAt, Instant dueAt, Long consultantId, String draft, List<Message> messages) {

    /** A message of the thread: the member's question or reply, or the consultant's answer. */
    public record Message(long id, String direction, String author, String body, String messageId, Instant createdAt) { }

    public boolean overdue(Instant now) {
        return (status == ConsultStatus.DRAFTED || status == ConsultStatus.IN_REVIEW || status == ConsultStatus.RECEIVED) && dueAt.isBefore(now);
    }
}
