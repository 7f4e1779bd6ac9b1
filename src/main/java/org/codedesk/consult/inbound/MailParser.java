package org.codedesk.consult.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.codedesk.consult.InboundMail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * Reads a received MIME message into an {@link InboundMail}: the first text/plain part (else the text of the first
 * HTML part, tags removed), attachments (name, type, content), the Message-ID, In-Reply-To and References headers, and
 * the Authentication-Results headers in their order (topmost first). A message without a Message-ID gets none invented:
 * the caller refuses it. A header too malformed to read throws: the caller keeps the raw message for a person.
 */
public final class MailParser {

    private MailParser() { }

    public static InboundMail parse(MimeMessage message) throws MessagingException, IOException {
        Address[] from = message.getFrom();
        String sender = from == null || from.length == 0 ? "" : from[0] instanceof InternetAddress a ? a.getAddress() : from[0].toString();
        List<String> answers = new ArrayList<>();
        for (String header : new String[] {"In-Reply-To", "References"}) {
            String[] values = message.getHeader(header);
            if (values != null) {
                for (String value : values) {
                    for (String id : value.split("\\s+")) {
                        if (id.startsWith("<") && id.endsWith(">") && !answers.contains(id)) {
                            answers.add(id);
                        }
                    }
                }
            }
        }
        String[] authenticationResults = message.getHeader("Authentication-Results");
        StringBuilder plain = new StringBuilder();
        StringBuilder html = new StringBuilder();
        List<InboundMail.Attachment> attachments = new ArrayList<>();
        walk(message, plain, html, attachments);
        String text = plain.length() > 0 ? plain.toString() : html.toString().replaceAll("(?s)<[^>]*>", " ").replaceAll("[ \\t]+", " ");
        return new InboundMail(message.getMessageID(), sender.toLowerCase(Locale.ROOT), message.getSubject() == null ? "" : message.getSubject(),
                text.strip(), answers, attachments, authenticationResults == null ? List.of()
                : java.util.Arrays.stream(authenticationResults).map(MimeUtility::unfold).toList());
    }

    private static void walk(Part part, StringBuilder plain, StringBuilder html, List<InboundMail.Attachment> attachments)
            throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || (part.getFileName() != null && !part.isMimeType("text/plain"))) {
            String type = part.getContentType() == null ? "application/octet-stream" : part.getContentType().split(";")[0].trim();
            attachments.add(new InboundMail.Attachment(part.getFileName() == null ? "attachment" : part.getFileName(), type, bytes(part)));
        } else if (part.isMimeType("text/plain") && plain.length() == 0) {
            plain.append(part.getContent());
        } else if (part.isMimeType("text/html") && html.length() == 0) {
            html.append(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, plain, html, attachments);
            }
        }
    }

    /** The decoded content (the declared size is of the encoded, base64, form). */
    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
