package org.codedesk.consult.inbound;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Properties;

import org.codedesk.consult.Consults;
import org.codedesk.consult.InboundMail;
import org.codedesk.consult.UnreadableMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Takes in one received mail, as its raw bytes, for the SMTP listener and the IMAP mailbox alike: a mail that reads
 * is given to {@link Consults#receive}; one that does not (a malformed header) or that cannot be taken in for a
 * reason that would hold at every try is kept whole for a consultant ({@link UnreadableMail}). Either way it is
 * stored when this returns. Only when nothing could be stored (the database down, a transient error) does it throw
 * {@link TryLater}, and the mail stays with the sender (SMTP 451) or unread in the mailbox.
 */
@Component
class MailIntake {

    private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

    /** Nothing was stored: the mail must be offered again later. */
    static final class TryLater extends Exception {
        TryLater(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final Consults consults;
    private final UnreadableMail unreadable;
    private final Session session = Session.getInstance(new Properties());

    MailIntake(Consults consults, UnreadableMail unreadable) {
        this.consults = consults;
        this.unreadable = unreadable;
    }

    /** Stores the mail one way or the other; {@code sender} is the SMTP envelope sender, or the From header over IMAP. */
    void take(byte[] raw, String sender) throws TryLater {
        InboundMail mail;
        try {
            mail = MailParser.parse(new MimeMessage(session, new ByteArrayInputStream(raw)));
        } catch (MessagingException | IOException | RuntimeException e) {
            keepForAPerson(raw, sender, "Could not be read: " + e.getMessage());
            return;
        }
        try {
            consults.receive(mail);
        } catch (DuplicateKeyException e) {
            // the same Message-ID stored by a concurrent delivery: already taken in
        } catch (TransientDataAccessException e) {
            throw new TryLater(e);
        } catch (RuntimeException e) {
            keepForAPerson(raw, sender, "Could not be taken in: " + e.getMessage());
        }
    }

    private void keepForAPerson(byte[] raw, String sender, String reason) throws TryLater {
        try {
            long id = unreadable.keep(sender, raw, reason);
            // the reason and sender only: the mail itself may hold PHI
            log.warn("Consult mail from {} kept for a consultant as unreadable mail {}: {}", sender, id, reason);
        } catch (RuntimeException e) {
            throw new TryLater(e);
        }
    }
}
