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
    /** One keyed MAC per thread: every API call signs or checks a cookie, and a Mac's lookup and keying cost more than its use. */
    private final ThreadLocal<Mac> macs;

    Viewers(Accounts accounts, WarmUpRequests warmUps, @Value("${codedesk.metering.secret:#{T(java.util.UUID).randomUUID().toString()}}") String secret) {
        this.accounts = accounts;
        this.warmUps = warmUps;
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        this.macs = ThreadLocal.withInitial(() -> keyedMac(key));
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
        return Base64.getUrlEncoder().withoutPadding().encodeToString(macs.get().doFinal(id.getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac keyedMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
