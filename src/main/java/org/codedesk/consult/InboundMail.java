package org.codedesk.consult;

import java.util.List;

/**
 * A mail received for the consult address, as read from the server: its Message-ID, sender (the From address), subject,
 * text, the ids it answers (In-Reply-To and References), its attachments, and its {@code Authentication-Results}
 * headers, topmost (added last, by the host nearest to us) first.
 */
public record InboundMail(String messageId, String from, String subject, String text, List<String> answers, List<Attachment> attachments,
                          List<String> authenticationResults) {

    /** An attached file: its name, type and content. */
    public record Attachment(String name, String contentType, byte[] data) {

        public long size() {
            return data.length;
        }
    }
}
