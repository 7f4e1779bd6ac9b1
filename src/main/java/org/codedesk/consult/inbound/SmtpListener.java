package org.codedesk.consult.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The consult address's own SMTP listener (behind the operator's MX), on {@code codedesk.consult.smtp.port} (0: off).
 * It accepts mail for {@code codedesk.consult.address} only, and answers "250 OK" only after the mail is stored (the
 * consult is taken in within one transaction, or a mail that cannot be read is kept whole for a consultant, see
 * {@link MailIntake}): only when nothing could be stored is the sender told to try again later (451), so a crash loses
 * nothing, a malformed mail is not retried for ever, and a second delivery of the same Message-ID changes nothing.
 */
@Component
public class SmtpListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SmtpListener.class);

    private final MailIntake intake;
    private final int port;
    private final String address;
    private final int maxMessageBytes;
    private volatile SMTPServer server;

    SmtpListener(MailIntake intake, @Value("${codedesk.consult.smtp.port:0}") int port,
                 @Value("${codedesk.consult.address:consult@localhost}") String address,
                 @Value("${codedesk.consult.smtp.max-message-bytes:15728640}") int maxMessageBytes) {
        this.intake = intake;
        this.port = port;
        this.address = address.toLowerCase(Locale.ROOT).trim();
        this.maxMessageBytes = maxMessageBytes;
    }

    /** One SMTP transaction: mail for another address is refused (550); the data is stored before "250 OK". */
    private final class Handler implements MessageHandler {

        private String from = "";

        @Override
        public void from(String sender) {
            this.from = sender == null ? "" : sender;
        }

        @Override
        public void recipient(String recipient) throws RejectException {
            if (recipient == null || !recipient.toLowerCase(Locale.ROOT).trim().equals(address)) {
                throw new RejectException(550, "<" + recipient + ">: no such mailbox here");
            }
        }

        @Override
        public String data(InputStream data) throws RejectException, IOException {
            byte[] raw = data.readAllBytes(); // at most codedesk.consult.smtp.max-message-bytes: the server refuses more
            try {
                intake.take(raw, from);
                return null;
            } catch (MailIntake.TryLater e) {
                // the sending server keeps the mail and tries again; the mail itself is not logged (it may hold PHI)
                log.warn("Consult mail from {} not stored, sender told to retry: {}", from, e.getMessage());
                throw new RejectException(451, "Requested action aborted: local error in processing; try again later");
            }
        }

        @Override
        public void done() {
        }
    }

    @Override
    public synchronized void start() {
        if (port > 0 && server == null) {
            server = SMTPServer.port(port).messageHandlerFactory(context -> new Handler()).maxMessageSize(maxMessageBytes).softwareName("CodeDesk consult")
                    .build();
            server.start();
            log.info("Consult SMTP listener on port {} for {}", port, address);
        }
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
