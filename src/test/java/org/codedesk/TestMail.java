package org.codedesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The tests' mail server ports: free ports the system hands out when the test JVM starts, never fixed ones, so that the
 * suite runs on a machine where something already listens on 3025. The SMTP port is one per JVM: every test class's
 * GreenMail listens on it in turn (and a test that stops and restarts GreenMail gets it back), and every cached
 * application context sends to it ({@code spring.mail.port=${codedesk.test.smtp-port}} in the test configuration,
 * given by {@link PortProperty}, registered in {@code META-INF/spring.factories}).
 */
public final class TestMail {

    private static final int SMTP_PORT = freePort();

    private TestMail() {
    }

    /** The port the tests' GreenMail SMTP server listens on. */
    public static int smtpPort() {
        return SMTP_PORT;
    }

    /** GreenMail's SMTP setup (timeouts as {@link ServerSetupTest#SMTP}) on the tests' SMTP port. */
    public static ServerSetup smtp() {
        return ServerSetupTest.SMTP.port(SMTP_PORT);
    }

    /** A GreenMail extension with SMTP only, on the tests' SMTP port. */
    public static GreenMailExtension greenMail() {
        return new GreenMailExtension(smtp());
    }

    /** A port nothing listens on now, as the system hands out for port 0. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gives every test application context the property {@code codedesk.test.smtp-port}. */
    public static final class PortProperty implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
            return CUSTOMIZER;
        }

        /** One instance for all: the contexts' cache keys stay equal. */
        private static final ContextCustomizer CUSTOMIZER = (context, mergedConfig) -> context.getEnvironment().getPropertySources()
                .addLast(new MapPropertySource("codedesk-test-mail", Map.of("codedesk.test.smtp-port", SMTP_PORT)));
    }
}
