package org.codedesk.consult;

import java.util.List;

/**
 * A mail received for the consult address, as read from the server: its Message-ID, sender, subject, text, the ids
 * it answers (In-Reply-To and References) and its attachments.
 */
public record InboundMail(String messageId, String from, String subject, String text, List<String> answers, List<Attachment> attachments) {

    /** An attached file: its name, type and content. */
    public record Attachment(String name, String contentType, byte[] data) {

        public long size() {
            return data.length;
        }
    }
}
