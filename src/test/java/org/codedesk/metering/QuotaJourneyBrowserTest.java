package org.codedesk.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codedesk.catalog.importing.CatalogImporter;
import org.codedesk.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.internet.MimeMessage;

/**
 * The journey in a real browser: a guest opens a code page, hits the limit, registers, confirms the email from the
 * message GreenMail received, logs in, sees five more code pages, and hits the limit again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "codedesk.metering.enabled=true")
class QuotaJourneyBrowserTest {

    @RegisterExtension
    static GreenMailExtension mail = org.codedesk.TestMail.greenMail();

    private static final String DOS = "?date=2016-06-01";
    private static final List<String> CODES = List.of("S72", "S72.0", "S72.00", "S72.001", "S72.001A", "S72.001D", "S72.001S", "S72.8");

    @LocalServerPort int port;
    @Autowired CatalogImporter importer;
    private WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        browser = Browser.start();
        importer.importPaths(List.of(Path.of("src/test/resources/fixtures/releases")));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String open(String code) {
        browser.get("http://localhost:" + port + "/codes/icd10cm/" + code + DOS);
        return browser.findElement(By.tagName("main")).getText();
    }

    @Test
    void guestHitsTheLimitRegistersAndGetsFiveMore() throws Exception {
        assertThat(open(CODES.get(0))).contains("0 code page views remaining").contains("Fracture of femur");
        String blocked = open(CODES.get(1));
        assertThat(blocked).contains("Register to view content").doesNotContain("Fracture of head and neck of femur");

        browser.findElement(By.linkText("Register for free")).click();
        String email = "journey-" + UUID.randomUUID() + "@example.org";
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys("a long journey passphrase");
        browser.findElement(By.cssSelector("form.account-form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("message")));

        browser.get("http://localhost:" + port + verificationPath(email));
        assertThat(browser.findElement(By.id("message")).getText()).contains("confirmed");
        Browser.logIn(browser, port, email, "a long journey passphrase");

        for (int i = 1; i <= 5; i++) {
            assertThat(open(CODES.get(i))).as(CODES.get(i)).contains((5 - i) + " code page view").doesNotContain("Register to view content");
        }
        assertThat(open(CODES.get(6))).contains("Register to view content").contains("plans");
        assertThat(open(CODES.get(0))).doesNotContain("Register to view content"); // seen as a guest: still free
    }

    /** The link of the verification mail, which leaves in the background: waited for up to 15 s. */
    private static String verificationPath(String email) throws Exception {
        for (long deadline = System.nanoTime() + 15_000_000_000L; System.nanoTime() < deadline; Thread.sleep(50)) {
            for (MimeMessage message : mail.getReceivedMessages()) {
                if (GreenMailUtil.getAddressList(message.getAllRecipients()).contains(email)) {
                    Matcher m = Pattern.compile("http://localhost:8080(/verify\\?token=[A-Za-z0-9_-]+)").matcher(GreenMailUtil.getBody(message));
                    if (m.find()) {
                        return m.group(1);
                    }
                }
            }
        }
        throw new AssertionError("no verification mail for " + email);
    }
}
