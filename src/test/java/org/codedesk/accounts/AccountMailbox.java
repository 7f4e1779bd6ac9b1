package org.codedesk.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Reads account mail from GreenMail. Account mail leaves in the background, so every read waits for it (up to 15 s). */
final class AccountMailbox {

    private AccountMailbox() {
    }

    /** The path and query of the newest link to {@code path} in the mail to {@code to}, e.g. {@code /verify?token=...}. */
    static String latestLink(GreenMailExtension mail, String to, String path) throws Exception {
        List<String> links = links(mail, to, path, 1);
        return links.get(links.size() - 1);
    }

    /** The {@code n}-th link (from 1) to {@code path} in the mail to {@code to}, once it has arrived. */
    static String link(GreenMailExtension mail, String to, String path, int n) throws Exception {
        return links(mail, to, path, n).get(n - 1);
    }

    private static List<String> links(GreenMailExtension mail, String to, String path, int n) throws Exception {
        Pattern link = Pattern.compile("http://localhost:8080(" + Pattern.quote(path) + "\\?token=[A-Za-z0-9_-]+)");
        return waitFor(() -> {
            List<String> links = new ArrayList<>();
            for (MimeMessage message : to(mail, to)) {
                Matcher m = link.matcher(GreenMailUtil.getBody(message));
                if (m.find()) {
                    links.add(m.group(1));
                }
            }
            return links.size() >= n ? links : null;
        }, "fewer than " + n + " mails to " + to + " with a link to " + path);
    }

    /** The subjects of the mail to {@code to}, once there are at least {@code count}. */
    static List<String> subjects(GreenMailExtension mail, String to, int count) throws Exception {
        return waitFor(() -> {
            List<String> subjects = new ArrayList<>();
            for (MimeMessage message : to(mail, to)) {
                subjects.add(message.getSubject());
            }
            return subjects.size() >= count ? subjects : null;
        }, "fewer than " + count + " messages to " + to);
    }

    static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    private static List<MimeMessage> to(GreenMailExtension mail, String address) throws MessagingException {
        List<MimeMessage> messages = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            if (GreenMailUtil.getAddressList(message.getAllRecipients()).contains(address)) {
                messages.add(message);
            }
        }
        return messages;
    }

    private interface Probe<T> {
        T read() throws Exception;
    }

    private static <T> T waitFor(Probe<T> probe, String failure) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (true) {
            T value = probe.read();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure);
            }
            Thread.sleep(50);
        }
    }
}
