package org.codedesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.codedesk.catalog.importing.CatalogImporter;
import org.codedesk.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The header box in a real browser: suggestions appear as you type, arrow keys and Enter open a code page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AutocompleteBrowserTest {

    @LocalServerPort int port;
    @Autowired CatalogImporter importer;
    @Autowired SearchIndexes indexes;
    private WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        browser = Browser.start();
        importer.importPaths(List.of(Path.of("src/test/resources/fixtures/releases")));
        indexes.rebuild(); // the header box searches today's releases
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void typeChooseWithTheKeyboardAndOpen() {
        browser.get("http://localhost:" + port + "/");
        browser.findElement(By.id("header-q")).sendKeys("S72.00");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#suggestions li a")));
        assertThat(browser.findElements(By.cssSelector("#suggestions li a"))).first()
                .satisfies(a -> assertThat(a.getText()).startsWith("S72.00"));
        browser.findElement(By.id("header-q")).sendKeys(Keys.ARROW_DOWN);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/codes/icd10cm/S72.00"));
        assertThat(browser.findElement(By.cssSelector("h1 .code")).getText()).isEqualTo("S72.00");
    }

    @Test
    void withoutJavaScriptTheBoxIsAPlainSearchForm() throws Exception {
        browser.quit();
        browser = Browser.startWithoutJavaScript();
        browser.get("http://localhost:" + port + "/");
        browser.findElement(By.id("header-q")).sendKeys("S72.001A");
        Thread.sleep(1500); // as long as suggestions take with JavaScript on (see above): none come without it
        assertThat(browser.findElements(By.cssSelector("#suggestions li"))).isEmpty();
        browser.findElement(By.id("header-q")).sendKeys(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/search?"));
        assertThat(browser.getCurrentUrl()).contains("q=S72.001A");
        assertThat(browser.findElement(By.cssSelector("#search-results li a")).getText()).isEqualTo("S72.001A");
    }
}
