package org.codedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.codedesk.TestMembers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 17, finding 4: whether an address has an account must not show in the time an answer takes. Deterministic, no
 * clock: the mail server here accepts connections and never answers, so an answer that waited for SMTP would never come
 * (before the fix, "forgot password" for a known address hung while an unknown one answered at once). Both cases do the
 * same work on the request: registration hashes a password and queues one message, "forgot password" queues one task
 * (which looks the address up and mails a link after the answer), whether or not the address is known.
 */
@SpringBootTest(properties = {"spring.mail.properties.mail.smtp.connectiontimeout=120000", "spring.mail.properties.mail.smtp.timeout=120000"})
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // counting queued messages first: a reset link queued later cannot mix in
class AccountEnumerationTest {

    /** An SMTP server that accepts every connection and never says a word. */
    private static final ServerSocket SILENT_SMTP;
    private static final List<Socket> CONNECTIONS = new CopyOnWriteArrayList<>();

    static {
        try {
            SILENT_SMTP = new ServerSocket(0);
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
        Thread acceptor = new Thread(() -> {
            while (!SILENT_SMTP.isClosed()) {
                try {
                    CONNECTIONS.add(SILENT_SMTP.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        }, "silent-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", SILENT_SMTP::getLocalPort);
    }

    @AfterAll
    static void closeMailServer() throws IOException {
        SILENT_SMTP.close();
        for (Socket socket : CONNECTIONS) {
            socket.close();
        }
    }

    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration NO_WAITING_FOR_SMTP = Duration.ofSeconds(30);

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired AccountMail mail;
    @Autowired JdbcTemplate jdbc;
    @MockitoSpyBean PasswordEncoder encoder;

    private String answer(String path, String... params) {
        return assertTimeoutPreemptively(NO_WAITING_FOR_SMTP, () -> {
            var request = post(path).with(csrf());
            for (int i = 0; i < params.length; i += 2) {
                request.param(params[i], params[i + 1]);
            }
            return mvc.perform(request).andReturn().getResponse().getContentAsString();
        }, () -> path + " waited for the mail server");
    }

    @Test
    @Order(2)
    void forgotPasswordAnswersAtOnceAndAlikeForKnownAndUnknownAddresses() throws Exception {
        String known = TestMembers.verified(accounts, jdbc, "known");
        long before = mail.queuedWork();

        String forKnown = answer("/password/forgot", "email", known);
        assertThat(mail.queuedWork() - before).as("the known address: one task queued").isEqualTo(1);
        String forUnknown = answer("/password/forgot", "email", "unknown-" + UUID.randomUUID() + "@example.org");
        assertThat(mail.queuedWork() - before).as("the unknown address: one task queued too").isEqualTo(2);

        assertThat(forKnown).isEqualTo(forUnknown).contains("a message is on its way");
    }

    @Test
    @Order(1)
    void registrationHashesAPasswordAndQueuesOneMessageForKnownAndUnknownAddresses() throws Exception {
        String known = TestMembers.verified(accounts, jdbc, "known");
        String unknown = "new-" + UUID.randomUUID() + "@example.org";
        clearInvocations(encoder);
        long before = mail.queuedMessages();

        String forKnown = answer("/register", "email", known, "password", PASSWORD);
        verify(encoder, times(1)).encode(anyString());
        assertThat(mail.queuedMessages() - before).as("the known address: one message queued (to its owner)").isEqualTo(1);
        String forUnknown = answer("/register", "email", unknown, "password", PASSWORD);
        verify(encoder, times(2)).encode(anyString());
        assertThat(mail.queuedMessages() - before).as("the new address: one message queued (its link)").isEqualTo(2);

        assertThat(forKnown).isEqualTo(forUnknown).contains("a message is on its way");
    }
}
