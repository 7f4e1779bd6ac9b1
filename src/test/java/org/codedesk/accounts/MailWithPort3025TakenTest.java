package org.codedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.UUID;

import org.codedesk.TestMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * The mail tests do not need GreenMail's customary port 3025: with something listening there (this class holds it
 * while it runs, unless another program already does), a registration still gets its verification mail through the
 * tests' GreenMail. With a fixed port, GreenMail would fail to start ("Could not start mail server").
 */
@SpringBootTest
@AutoConfigureMockMvc
class MailWithPort3025TakenTest {

    /** Taken before GreenMail starts (static initialisers run before the extension's callbacks). */
    private static final ServerSocket SQUATTER = squat(3025);

    @RegisterExtension
    static GreenMailExtension mail = TestMail.greenMail();

    @Autowired MockMvc mvc;

    private static ServerSocket squat(int port) {
        try {
            return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
        } catch (IOException alreadyTaken) {
            return null; // some other program listens there: the same condition
        }
    }

    @AfterAll
    static void release() throws IOException {
        if (SQUATTER != null) {
            SQUATTER.close();
        }
    }

    @Test
    void accountMailArrivesWhilePort3025IsTaken() throws Exception {
        try (var probe = new java.net.Socket()) {
            probe.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 3025), 1000);
        }
        assertThat(TestMail.smtpPort()).isNotEqualTo(3025);
        String email = "port-" + UUID.randomUUID() + "@example.org";
        mvc.perform(post("/register").with(csrf()).param("email", email).param("password", "correct horse battery staple"))
                .andExpect(status().isOk());
        assertThat(AccountMailbox.latestLink(mail, email, "/verify")).startsWith("/verify?token=");
    }
}
