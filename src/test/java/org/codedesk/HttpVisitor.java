package org.codedesk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A visitor of a running test server over real HTTP, like a browser without JavaScript: keeps its cookies (the session),
 * takes the CSRF token from the last page it read, posts forms (also multipart, with a file) and does not follow
 * redirects. For what MockMvc cannot show: Tomcat's limits, the filters' own failures, the bytes on the wire.
 */
public final class HttpVisitor {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    /** What a browser asks for when it follows a link or sends a form. */
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private String csrf;
    private String lastPage = "";

    public HttpVisitor(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A reply: status, headers and body as text. */
    public record Reply(int status, java.net.http.HttpHeaders headers, String body) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** GETs a page; {@code headers} (name, value, ...) replace the browser's Accept when they name one. */
    public Reply get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        boolean accept = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            accept |= headers[i].equalsIgnoreCase("Accept");
        }
        if (!accept) {
            request.header("Accept", BROWSER_ACCEPT);
        }
        return send(request);
    }

    /** Logs in on the site's form; fails when the site does not send the visitor on from the login page. */
    public HttpVisitor logIn(String email, String password) {
        get("/login");
        Reply reply = postForm("/login", Map.of("email", email, "password", password));
        if (reply.status() != 302 || reply.header("Location").contains("error")) {
            throw new IllegalStateException("log-in failed: " + reply.status() + " " + reply.header("Location"));
        }
        return this;
    }

    /** Posts a form (URL-encoded) with the CSRF token of the last page read. */
    public Reply postForm(String path, Map<String, String> fields) {
        String body = withCsrf(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", BROWSER_ACCEPT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Posts a multipart form as a browser does (the CSRF token first, as Thymeleaf writes it at the top of the form, then
     * the fields, then the file).
     */
    public Reply postMultipart(String path, Map<String, String> fields, String fileField, String fileName, String contentType, byte[] file) {
        String boundary = "----codedesk" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : withCsrf(fields).entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n" + field.getValue()
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", BROWSER_ACCEPT)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** The action of the form with id {@code formId} on the last page read (as the browser would post it). */
    public String actionOf(String formId) {
        Matcher form = Pattern.compile("<form[^>]*\\bid=\"" + Pattern.quote(formId) + "\"[^>]*>").matcher(lastPage);
        if (!form.find()) {
            throw new IllegalStateException("no form " + formId + " on the last page");
        }
        Matcher action = Pattern.compile("action=\"([^\"]*)\"").matcher(form.group());
        if (!action.find()) {
            throw new IllegalStateException("form " + formId + " has no action");
        }
        return action.group(1).replace("&amp;", "&");
    }

    private Map<String, String> withCsrf(Map<String, String> fields) {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        all.putAll(fields);
        return all;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            lastPage = response.body();
            Matcher token = CSRF.matcher(response.body());
            if (token.find()) {
                csrf = token.group(1);
            }
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
