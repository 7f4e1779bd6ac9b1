package org.codedesk.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;

import org.codedesk.catalog.importing.CatalogImporter;
import org.codedesk.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real browser (Debian's headless Chromium) opens the home page, looks a code up and reads its page.
 * Skipped, and reported so, where Chromium and chromedriver are not installed (.ci/run installs them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CodePageBrowserTest {

    @LocalServerPort int port;
    @Autowired CatalogImporter importer;
    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = Browser.start();
        importer.importPaths(List.of(Path.of("src/test/resources/fixtures/releases")));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void coderOpensACodeFromTheHomePage() {
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getTitle()).contains("CodeDesk");
        browser.findElement(By.id("home-code")).sendKeys("s72.001a");
        browser.findElement(By.id("home-system")).sendKeys("ICD-10-CM");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('home-date').value = '2016-06-01'");
        browser.findElement(By.cssSelector(".home-lookup button")).click();
        // waits for the navigation the click starts (an event, not a duration)
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/codes/"));
        assertThat(browser.getCurrentUrl()).endsWith("/codes/icd10cm/S72.001A?date=2016-06-01");
        assertThat(browser.findElement(By.cssSelector("h1 .code")).getText()).isEqualTo("S72.001A");
        assertThat(browser.findElement(By.id("long-descriptor")).getText())
                .isEqualTo("Fracture of unspecified part of neck of right femur, initial encounter for closed fracture");
        assertThat(browser.findElement(By.id("notes")).getText()).contains("Excludes1").contains("birth trauma (P10-P15)");
        assertThat(browser.findElement(By.id("older-tabular")).isDisplayed()).isTrue();
    }
}
