package org.codedesk.claims;

import org.codedesk.TestMembers;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.codedesk.Browser;
import org.codedesk.EditsFixtureData;
import org.codedesk.accounts.Accounts;
import org.codedesk.catalog.importing.CatalogImporter;
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

/**
 * A biller in a real browser: logs in, checks a claim (a PTP pair bypassed by XS, an MUE excess), fixes a bad
 * field shown beside its row, and picks a payment locality on a code page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClaimCheckerBrowserTest {

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
        EditsFixtureData.importAll(importer);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void billerChecksAClaimAndSeesEachFindingWithItsSource() {
        String email = TestMembers.verified(accounts, jdbc, "biller");
        Browser.logIn(browser, port, email, TestMembers.PASSWORD);

        browser.get("http://localhost:" + port + "/claims/check");
        browser.findElement(By.name("dateOfService")).sendKeys("06012016");
        browser.findElement(By.name("lines[0].code")).sendKeys("27447");
        browser.findElement(By.name("lines[1].code")).sendKeys("20610");
        browser.findElement(By.name("lines[1].modifiers")).sendKeys("XS");
        browser.findElement(By.name("lines[1].units")).sendKeys("3");
        browser.findElement(By.name("lines[4].code")).sendKeys("2061");
        browser.findElement(By.cssSelector("#claim-form button")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));

        assertThat(browser.findElement(By.id("form-errors")).getText()).contains("need correcting");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("\"2061\" is not a CPT or HCPCS Level II code");
        browser.findElement(By.name("lines[4].code")).clear();
        browser.findElement(By.cssSelector("#claim-form button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result")));

        String result = browser.findElement(By.id("result")).getText();
        assertThat(result).contains("Not clean").contains("Bypassed by XS on line 2").contains("3 unit(s) of 20610 on line 2 exceed MUE 2")
                .contains("NCCI PTP edits, practitioner, 2016-Q2").contains("MUE table, practitioner services, 2016-Q2");
        assertThat(browser.findElement(By.id("summary")).getText()).contains("1 bypassed by a modifier");

        browser.get("http://localhost:" + port + "/codes/cpt/20610?date=2016-06-01");
        new Select(browser.findElement(By.name("locality"))).selectByValue("01112-05");
        browser.findElement(By.cssSelector("form.locality button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("fees"), "Payment in SAN FRANCISCO"));
        assertThat(browser.findElement(By.id("fees")).getText()).contains("Payment in SAN FRANCISCO").contains("$79.22");
    }
}
