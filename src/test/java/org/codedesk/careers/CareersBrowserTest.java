package org.codedesk.careers;

import org.codedesk.TestMembers;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;

import org.codedesk.Browser;
import org.codedesk.accounts.AccountAdministration;
import org.codedesk.accounts.Accounts;
import org.codedesk.accounts.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** An employer posts and publishes a job in a real browser; a coder finds it, applies with a PDF, and sees the status. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CareersBrowserTest {

    @org.junit.jupiter.api.extension.RegisterExtension
    static com.icegreen.greenmail.junit5.GreenMailExtension mail =
            org.codedesk.TestMail.greenMail();

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired AccountAdministration administration;
    @Autowired JdbcTemplate jdbc;
    private WebDriver browser;

    @BeforeEach
    void start() {
        browser = Browser.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String account(String prefix, Role role) {
        String email = TestMembers.verified(accounts, jdbc, prefix);
        if (role != null) {
            administration.setRoles("test", accounts.member(email).orElseThrow().id(), EnumSet.of(role));
        }
        return email;
    }

    private void logIn(String email, WebDriverWait wait) {
        browser.manage().deleteAllCookies();
        Browser.logIn(browser, port, email, TestMembers.PASSWORD);
    }

    @Test
    void anEmployerPostsAndACoderApplies() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        String word = "Brw" + UUID.randomUUID().toString().substring(0, 8);
        logIn(account("employer", Role.EMPLOYER), wait);
        browser.get("http://localhost:" + port + "/jobs/new");
        browser.findElement(By.name("title")).sendKeys("Risk adjustment coder " + word);
        browser.findElement(By.name("organisation")).sendKeys("Summit Health");
        browser.findElement(By.name("location")).sendKeys("Austin, TX");
        browser.findElement(By.name("credentialsRequired")).sendKeys("CRC");
        browser.findElement(By.name("salaryMin")).sendKeys("60000");
        browser.findElement(By.name("salaryMax")).sendKeys("50000");
        new Select(browser.findElement(By.name("workplace"))).selectByValue("HYBRID");
        browser.findElement(By.id("description")).sendKeys("HCC coding for **Medicare Advantage**.");
        browser.findElement(By.cssSelector("#job-form button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("salaryMax-error")));
        browser.findElement(By.name("salaryMax")).clear();
        browser.findElement(By.name("salaryMax")).sendKeys("75000");
        browser.findElement(By.cssSelector("#job-form button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("publish"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Status: PUBLISHED"));
        String jobUrl = browser.getCurrentUrl();

        logIn(account("coder", null), wait);
        browser.get("http://localhost:" + port + "/jobs");
        browser.findElement(By.name("q")).sendKeys(word);
        new Select(browser.findElement(By.name("credential"))).selectByValue("CRC");
        browser.findElement(By.cssSelector("#job-search button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-count"), "1 job(s)"));
        browser.findElement(By.linkText("Risk adjustment coder " + word)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("apply-form")));
        assertThat(browser.getCurrentUrl()).isEqualTo(jobUrl);
        assertThat(browser.findElement(By.id("description")).getText()).contains("Medicare Advantage");
        Path pdf = Files.createTempFile("resume", ".pdf");
        Files.write(pdf, "%PDF-1.4\n% a résumé\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        browser.findElement(By.id("coverNote")).sendKeys("CRC since 2021.");
        browser.findElement(By.name("resume")).sendKeys(pdf.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#apply-form button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("my-applications")));
        assertThat(browser.findElement(By.id("my-applications")).getText()).contains("Risk adjustment coder " + word).contains("SUBMITTED");
        Files.deleteIfExists(pdf);
    }
}
