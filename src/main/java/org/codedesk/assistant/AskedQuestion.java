package org.codedesk.assistant;

import java.time.Instant;
import java.time.LocalDate;

/** A member's stored question and the answer they got; {@code feedback} 1 helpful, -1 not helpful, null none yet. */
public record AskedQuestion(long id, String question, LocalDate dateOfService, Intent intent, String answerText, Instant askedAt,
                            Integer feedback) { }
