package org.codedesk.accounts;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import jakarta.annotation.PreDestroy;

/**
 * The account emails: verification link, "already registered" notice, password reset link. Plain text.
 *
 * <p>Mail leaves in the background, after the transaction that asked for it commits: a page never waits for the SMTP
 * server, so how long an answer takes does not tell whether an address has an account (the known and the unknown case
 * differ only in which message is queued, or, for a reset, in work done after the answer; see docs/accounts.md). A
 * message that cannot be sent is tried {@value #ATTEMPTS} times (a minute apart, then two) and then logged.
 */
@Component
class AccountMail {

    static final int ATTEMPTS = 3;
    private static final Duration RETRY_AFTER = Duration.ofMinutes(1);
    /** Past this many waiting tasks (a flood of requests, or no mail server), new ones are dropped and logged. */
    private static final int MAX_WAITING = 10_000;
    private static final Logger log = LoggerFactory.getLogger(AccountMail.class);

    private final JavaMailSender sender;
    private final String from;
    private final String baseUrl;
    private final ScheduledThreadPoolExecutor outbox;
    private final AtomicLong queuedMessages = new AtomicLong();
    private final AtomicLong queuedWork = new AtomicLong();

    AccountMail(JavaMailSender sender, @Value("${codedesk.mail.from:CodeDesk <no-reply@localhost>}") String from,
                @Value("${codedesk.base-url:http://localhost:8080}") String baseUrl) {
        this.sender = sender;
        this.from = from;
        this.baseUrl = baseUrl;
        AtomicInteger threads = new AtomicInteger();
        this.outbox = new ScheduledThreadPoolExecutor(2, r -> {
            Thread thread = new Thread(r, "account-mail-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void verification(String to, String token) {
        send(to, "Confirm your email address for CodeDesk", "Welcome to CodeDesk.\n\nConfirm your email address by opening this link"
                + " (valid for 24 hours):\n\n" + baseUrl + "/verify?token=" + token + "\n\nIf you did not register, ignore this message.");
    }

    void alreadyRegistered(String to) {
        send(to, "Someone tried to register with your email address", "Someone (perhaps you) tried to register a CodeDesk account with"
                + " this email address, which already has one.\n\nTo log in: " + baseUrl + "/login\nForgot your password? " + baseUrl
                + "/password/forgot\n\nIf it was not you, nothing was changed.");
    }

    void emailChanged(String oldAddress, String newAddress) {
        send(oldAddress, "Your CodeDesk email address was changed", "The email address of your CodeDesk account was changed to "
                + newAddress + ".\n\nIf you did not do this, reply to this message or contact the site's operator.");
    }

    void passwordReset(String to, String token) {
        send(to, "Reset your CodeDesk password", "To choose a new password, open this link (valid for 1 hour, usable once):\n\n" + baseUrl
                + "/password/reset?token=" + token + "\n\nIf you did not ask for this, ignore this message; your password is unchanged.");
    }

    /** Runs {@code work} (which may mail) on the mail threads once the current transaction, if any, has committed. */
    void afterCommit(Runnable work) {
        afterCommit(work, queuedWork);
    }

    private void afterCommit(Runnable task, AtomicLong counter) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    queue(task, counter);
                }
            });
        } else {
            queue(task, counter);
        }
    }

    private void queue(Runnable task, AtomicLong counter) {
        if (outbox.getQueue().size() >= MAX_WAITING) {
            log.warn("Account mail: {} tasks waiting already, one more dropped", MAX_WAITING);
            return;
        }
        try {
            outbox.execute(task);
            counter.incrementAndGet();
        } catch (RejectedExecutionException stopping) {
            log.warn("Account mail: a task came in while the application stops; dropped");
        }
    }

    /** Messages queued since the start. */
    long queuedMessages() {
        return queuedMessages.get();
    }

    /** Work queued since the start by {@link #afterCommit(Runnable)} (not counting the messages it queues in turn). */
    long queuedWork() {
        return queuedWork.get();
    }

    private void send(String to, String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        afterCommit(() -> deliver(message, 1), queuedMessages);
    }

    private void deliver(SimpleMailMessage message, int attempt) {
        try {
            sender.send(message);
        } catch (MailException e) {
            if (attempt == ATTEMPTS) {
                log.warn("Could not send \"{}\" to {} after {} attempts: {}", message.getSubject(), String.join(",", message.getTo()),
                        ATTEMPTS, e.getMessage());
                return;
            }
            try { // a later try waits without holding a thread
                outbox.schedule(() -> deliver(message, attempt + 1), RETRY_AFTER.toMillis() * attempt, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                log.warn("Could not send \"{}\": the application stops", message.getSubject());
            }
        }
    }

    @PreDestroy
    void stop() {
        outbox.shutdownNow();
    }
}
