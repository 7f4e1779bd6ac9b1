package org.codedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.codedesk.HttpVisitor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests Tomcat refuses before any filter (written byte by byte on a socket, since HTTP clients will not send them)
 * get its 400 page with the same security headers as the site's pages, and without Tomcat's name or version.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TomcatErrorPagesTest {

    private static final String[] SECURITY_HEADERS = {"Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy"};

    @LocalServerPort int port;

    /** A raw exchange: the status line, the headers (names in lower case) and the body. */
    private record Raw(String statusLine, Map<String, String> headers, String body) { }

    private Raw send(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes.write(buffer, 0, n); // Tomcat closes the connection after a 400
            }
            String text = bytes.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String[] head = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
            }
            return new Raw(head[0], headers, text.substring(end + 4));
        }
    }

    private void assertSecuredBadRequest(Raw reply) {
        HttpVisitor.Reply page = new HttpVisitor(port).get("/");
        assertThat(reply.statusLine()).startsWith("HTTP/1.1 400");
        for (String header : SECURITY_HEADERS) {
            assertThat(reply.headers().get(header.toLowerCase(Locale.ROOT))).as(header).isNotNull().isEqualTo(page.header(header));
        }
        assertThat(reply.headers()).doesNotContainKey("server");
        assertThat(reply.body()).contains("400").doesNotContainIgnoringCase("tomcat").doesNotContainIgnoringCase("apache");
    }

    @Test
    void anInvalidCharacterInTheRequestLine() throws IOException {
        assertSecuredBadRequest(send("GET /a{b HTTP/1.1\r\nHost: localhost\r\n\r\n"));
    }

    @Test
    void aMalformedHeader() throws IOException {
        assertSecuredBadRequest(send("GET / HTTP/1.1\r\nHost: localhost\r\nNo colon in this header\r\n\r\n"));
    }

    @Test
    void anInvalidPercentEncoding() throws IOException {
        assertSecuredBadRequest(send("GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
    }
}
