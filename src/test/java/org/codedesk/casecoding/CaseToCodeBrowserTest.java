package org.codedesk.casecoding;

import org.codedesk.TestMembers;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.codedesk.Browser;
import org.codedesk.accounts.Accounts;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A coder in a real browser: pastes a note, sees the evidence marked, points at a suggestion to light its words,
 * rejects one, and saves the case with the accepted codes only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseToCodeBrowserTest {

    @org.junit.jupiter.api.extension.RegisterExtension
    static com.icegreen.greenmail.junit5.GreenMailExtension mail =
            org.codedesk.TestMail.greenMail();

    @LocalServerPort int port;
    @Autowired CatalogImporter importer;
    @Autowired Accounts accounts;
    @Autowired JdbcTemplate jdbc;
    private WebDriver browser;

    @BeforeEach
    void start() {
        browser = Browser.start();
        importer.importPaths(List.of(Path.of("src/test/resources/fixtures/releases")));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void coderReviewsTheSuggestionsAndSavesTheCase() {
        String email = TestMembers.verified(accounts, jdbc, "coder");
        Browser.logIn(browser, port, email, TestMembers.PASSWORD);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        browser.get("http://localhost:" + port + "/case-to-code");
        browser.findElement(By.id("text")).sendKeys("Closed fracture of the neck of the right femur after a fall.\nNo visual loss.");
        WebElement date = browser.findElement(By.name("dateOfService"));
        date.clear();
        date.sendKeys("06012016");
        browser.findElement(By.cssSelector("#case-form button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result")));

        WebElement evidence = browser.findElement(By.cssSelector("#case-text mark.evidence"));
        assertThat(evidence.getText()).isEqualTo("fracture of the neck of the right femur");
        assertThat(browser.findElement(By.cssSelector("#case-text mark.not-coded")).getText()).isEqualTo("visual loss");
        assertThat(browser.findElement(By.id("not-coded")).getText()).contains("H54.7").contains("negated in the note");

        // the header is listed, not checked (it needs a 7th character); the code completed from the note is checked
        WebElement header = browser.findElement(By.cssSelector("#diagnoses tr[data-code='S72.001']"));
        assertThat(header.getText()).contains("incomplete").contains("Needs a 7th character");
        assertThat(header.findElement(By.cssSelector("input[type=checkbox]")).isSelected()).isFalse();
        WebElement row = browser.findElement(By.cssSelector("#diagnoses tr[data-code='S72.001A']"));
        new Actions(browser).moveToElement(row).perform();
        wait.until(d -> evidence.getAttribute("class").contains("focus"));

        WebElement accept = row.findElement(By.cssSelector("input[type=checkbox]"));
        assertThat(accept.isSelected()).isTrue();
        accept.click();
        wait.until(d -> row.getAttribute("class").contains("rejected"));
        accept.click();
        wait.until(d -> !row.getAttribute("class").contains("rejected"));

        browser.findElement(By.name("title")).sendKeys("Fall, hip fracture");
        browser.findElement(By.id("save-case")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved-facts")));
        assertThat(browser.findElement(By.id("saved-facts")).getText()).contains("S72.001A");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Fall, hip fracture");
    }
}
