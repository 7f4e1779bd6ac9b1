package org.codedesk.metering;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Requests a node makes to itself after start to compile its per-request path (filters, controllers, page templates):
 * they carry a token only this process knows, come from the loopback address, and are no one's views, so they use no
 * guest's quota and leave no counter behind. The token is random per start and never leaves the process but in those
 * requests.
 */
@Component
public class WarmUpRequests {

    /** The request header that carries the token. */
    public static final String HEADER = "X-CodeDesk-Warm-Up";

    private final String token;

    WarmUpRequests() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** For the node's own warm-up client only. */
    public String token() {
        return token;
    }

    /** Whether the request is the node's own warm-up: the token matches and it came from this machine. */
    boolean isWarmUp(HttpServletRequest request) {
        String given = request.getHeader(HEADER);
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))
                && isLoopback(request.getRemoteAddr());
    }

    private static boolean isLoopback(String address) {
        try {
            // an address literal is parsed, never looked up
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
