package org.codedesk.consult;

/** Where a consult thread stands: received, drafted by the assistant, in review by a consultant, answered, closed. */
public enum ConsultStatus {
    RECEIVED, DRAFTED, IN_REVIEW, ANSWERED, CLOSED
}
