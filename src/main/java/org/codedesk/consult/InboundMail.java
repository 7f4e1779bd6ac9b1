package org.codedesk.consult;

import java.util.List;

/**
 * A mail received for the consult address, as read from the server: its Message-ID, sender, subject, text, the ids
 * it answers (In-Reply-To and References) and its attachments (names and sizes).
 */
public record InboundMail(String messageId, String from, String subject, String text, List<String> answers, List<Attachment> attachments) {

    public record Attachment(String name, long size) { }
}
