package org.codedesk.metering;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.codedesk.accounts.Accounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Tells who is reading from a request: the logged-in member, or a guest identified by a signed cookie (set
 * here when missing or forged) and by client address. The signature key comes from
 * {@code codedesk.metering.secret}; set it in production so that restarts and other nodes agree.
 */
@Component
public class Viewers {

    static final String COOKIE = "cd_guest";

    private final Accounts accounts;
    private final WarmUpRequests warmUps;
    private final byte[] secret;

    Viewers(Accounts accounts, WarmUpRequests warmUps, @Value("${codedesk.metering.secret:#{T(java.util.UUID).randomUUID().toString()}}") String secret) {
        this.accounts = accounts;
        this.warmUps = warmUps;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public Viewer of(HttpServletRequest request, HttpServletResponse response) {
        if (warmUps.isWarmUp(request)) {
            return Viewer.WARM_UP;
        }
        var member = accounts.member(request);
        if (member.isPresent()) {
            return Viewer.account(member.get().id(), member.get().plan(), guestId(request));
        }
        String id = guestId(request);
        if (id == null) {
            id = UUID.randomUUID().toString();
            Cookie cookie = new Cookie(COOKIE, id + "." + sign(id));
            cookie.setHttpOnly(true);
            cookie.setPath("/");
            cookie.setMaxAge(60 * 60 * 24 * 365);
            cookie.setAttribute("SameSite", "Lax");
            cookie.setSecure(request.isSecure());
            response.addCookie(cookie);
        }
        return Viewer.guest(id, request.getRemoteAddr());
    }

    /** The guest id of a well-signed cookie, or null (absent or forged). */
    private String guestId(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())) {
                int dot = cookie.getValue().lastIndexOf('.');
                if (dot > 0) {
                    String id = cookie.getValue().substring(0, dot);
                    byte[] given = cookie.getValue().substring(dot + 1).getBytes(StandardCharsets.UTF_8);
                    if (MessageDigest.isEqual(given, sign(id).getBytes(StandardCharsets.UTF_8))) {
                        return id;
                    }
                }
            }
        }
        return null;
    }

    private String sign(String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
