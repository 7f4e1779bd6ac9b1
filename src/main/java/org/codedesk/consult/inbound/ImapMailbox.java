package org.codedesk.consult.inbound;

import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

/**
 * Polls the consult mailbox over IMAP ({@code codedesk.consult.imap.host}; off when blank) every
 * {@code codedesk.consult.imap.interval}: each unread message is stored first (as a consult or a reply, or whole for a
 * consultant when it cannot be read: {@link MailIntake}), and only then marked read, so a crash between the two reads
 * it again, and the Message-ID makes that second reading a no-op.
 */
@Component
public class ImapMailbox {

    private static final Logger log = LoggerFactory.getLogger(ImapMailbox.class);

    private final MailIntake intake;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final boolean ssl;

    ImapMailbox(MailIntake intake, @Value("${codedesk.consult.imap.host:}") String host, @Value("${codedesk.consult.imap.port:993}") int port,
                @Value("${codedesk.consult.imap.user:}") String user, @Value("${codedesk.consult.imap.password:}") String password,
                @Value("${codedesk.consult.imap.ssl:true}") boolean ssl) {
        this.intake = intake;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.ssl = ssl;
    }

    public boolean enabled() {
        return !host.isBlank();
    }

    /** Reads every unread message; returns how many were taken in. */
    @Scheduled(fixedDelayString = "${codedesk.consult.imap.interval:PT1M}", initialDelayString = "${codedesk.consult.imap.interval:PT1M}")
    public int poll() {
        if (!enabled()) {
            return 0;
        }
        Properties properties = new Properties();
        String protocol = ssl ? "imaps" : "imap";
        properties.put("mail.store.protocol", protocol);
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "20000");
        int taken = 0;
        try (Store store = Session.getInstance(properties).getStore(protocol)) {
            store.connect(host, port, user, password);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                for (Message message : inbox.getMessages()) {
                    if (message.isSet(Flags.Flag.SEEN) || !(message instanceof MimeMessage mime)) {
                        continue;
                    }
                    try {
                        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
                        mime.writeTo(raw);
                        String[] sender = mime.getHeader("From");
                        intake.take(raw.toByteArray(), sender == null ? "" : sender[0]);
                        message.setFlag(Flags.Flag.SEEN, true);
                        taken++;
                    } catch (MailIntake.TryLater | MessagingException | java.io.IOException | RuntimeException e) {
                        // left unread: tried again at the next poll; the message itself is not logged (it may hold PHI)
                        log.warn("Consult mail {} not taken in: {}", message.getMessageNumber(), e.getMessage());
                    }
                }
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException e) {
            log.warn("Consult mailbox {}:{} not read: {}", host, port, e.getMessage());
        }
        return taken;
    }
}
