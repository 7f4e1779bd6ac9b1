package org.codedesk.coverage;

import org.codedesk.TestMembers;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.codedesk.Browser;
import org.codedesk.CoverageFixtureData;
import org.codedesk.accounts.Accounts;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * A coder in a real browser: looks up which diagnoses support a lab test, narrows the list, follows a diagnosis to
 * the procedures it supports.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CrosswalkBrowserTest {

    @RegisterExtension
    static GreenMailExtension mail = org.codedesk.TestMail.greenMail();

    @LocalServerPort int port;
    @Autowired CatalogImporter importer;
    @Autowired Accounts accounts;
    @Autowired JdbcTemplate jdbc;
    private WebDriver browser;

    @BeforeEach
    void start() {
        browser = Browser.start();
        CoverageFixtureData.importAll(importer);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void coderFindsTheDiagnosesThatSupportALabTest() {
        String email = TestMembers.verified(accounts, jdbc, "crosswalk");
        Browser.logIn(browser, port, email, TestMembers.PASSWORD);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        browser.get("http://localhost:" + port + "/crosswalk");
        browser.findElement(By.id("cw-code")).sendKeys("80061");
        browser.findElement(By.id("cw-date")).sendKeys("06012016");
        browser.findElement(By.cssSelector(".crosswalk-form button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".coverage-document h2")));
        assertThat(browser.findElement(By.cssSelector(".coverage-document h2")).getText()).startsWith("NCD 190.23A Lipids Testing (fixture)");
        assertThat(codes()).containsExactlyInAnyOrder("E78.5", "H54.7", "Z00.00");
        assertThat(browser.findElement(By.partialLinkText("Export as CSV")).getAttribute("href")).contains("/crosswalk/export.csv?code=80061");

        browser.findElement(By.id("cw-q")).sendKeys("visual");
        browser.findElement(By.cssSelector(".crosswalk-form button")).click();
        wait.until(ExpectedConditions.urlContains("q=visual"));
        assertThat(codes()).containsExactly("H54.7");

        browser.get("http://localhost:" + port + "/crosswalk?code=H54.7&date=2016-06-01");
        List<WebElement> procedures = browser.findElements(By.cssSelector("table.edits td a"));
        assertThat(procedures).extracting(WebElement::getText).contains("80061", "83718", "27447");
        procedures.stream().filter(a -> a.getText().equals("83718")).findFirst().orElseThrow().click();
        wait.until(ExpectedConditions.urlContains("code=83718"));
        assertThat(codes()).contains("H54.7");
    }

    private List<String> codes() {
        return browser.findElements(By.cssSelector(".coverage-group td:first-child a")).stream().map(WebElement::getText).toList();
    }
}
