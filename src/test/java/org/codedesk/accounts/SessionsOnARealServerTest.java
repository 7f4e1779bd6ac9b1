package org.codedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codedesk.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sessions and remember-me cookies on a real server (Tomcat), issue 17. Finding 5: eight parallel requests of one new
 * session, with the sessions in the database; each adds the same session attribute (the saved request of a members'
 * page), which used to be inserted eight times: all but one failed with a duplicate key on
 * spring_session_attributes_pk, a 500. Finding 2: the remember-me cookie as the browser gets it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionsOnARealServerTest {

    private static final int PARALLEL = 8;
    private static final int ROUNDS = 10;

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** A new session: the log-in page stores its CSRF token in one. Returns the cookie that names it. */
    private String newSession() throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        return sessionCookie(login);
    }

    private List<Integer> parallel(String cookie, String path) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(PARALLEL);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Cookie", cookie).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theRememberMeCookieIsSameSiteHttpOnlyAndHoldsNoEmail() throws Exception {
        String email = TestMembers.verified(accounts, jdbc, "remembered");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).isTrue();
        String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(TestMembers.PASSWORD, StandardCharsets.UTF_8) + "&remember=true&_csrf=" + csrf.group(1);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Cookie", sessionCookie(page)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");

        String rememberMe = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("remember-me=")).findFirst().orElseThrow();
        assertThat(rememberMe).containsIgnoringCase("; SameSite=Lax").containsIgnoringCase("; HttpOnly");
        String value = rememberMe.substring("remember-me=".length(), rememberMe.indexOf(';'));
        String decoded = URLDecoder.decode(new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(decoded).doesNotContain(email).doesNotContain("@").matches("[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+"); // series:token
    }

    private static String sessionCookie(HttpResponse<?> response) {
        String setCookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    @Test
    void eightParallelRequestsOfANewSessionAllSucceed() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String session = newSession();
            // each stores the saved request (where to go after logging in) in the session, then redirects to the log-in page
            assertThat(parallel(session, "/account")).as("round " + round).containsOnly(302);
            assertThat(parallel(newSession(), "/login")).as("round " + round).containsOnly(200);
        }
    }

}
