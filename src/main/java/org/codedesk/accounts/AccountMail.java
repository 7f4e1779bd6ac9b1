package org.codedesk.accounts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** The account emails: verification link, "already registered" notice, password reset link. Plain text. */
@Component
class AccountMail {

    private final JavaMailSender sender;
    private final String from;
    private final String baseUrl;

    AccountMail(JavaMailSender sender, @Value("${codedesk.mail.from:CodeDesk <no-reply@localhost>}") String from,
                @Value("${codedesk.base-url:http://localhost:8080}") String baseUrl) {
        this.sender = sender;
        this.from = from;
        this.baseUrl = baseUrl;
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

    private void send(String to, String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        sender.send(message);
    }
}
