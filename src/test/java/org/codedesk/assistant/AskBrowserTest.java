package org.codedesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.codedesk.Browser;
import org.codedesk.EditsFixtureData;
import org.codedesk.TestMembers;
import org.codedesk.accounts.Accounts;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * The assistant page in a real browser: the page's script posts the form (with its CSRF token) to the stream and
 * shows each statement as it arrives; a member's answer is saved and the next question follows up; a guest sees the
 * members' gate in place of members' facts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AskBrowserTest {

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
        EditsFixtureData.importAll(importer);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Asks on the page and returns the streamed answer's text once the "done" event has arrived. */
    private String ask(String question) {
        WebElement q = browser.findElement(By.id("ask-q"));
        q.clear();
        q.sendKeys(question);
        WebElement date = browser.findElement(By.name("date"));
        date.clear();
        date.sendKeys("06012016");
        browser.findElement(By.cssSelector("#ask-form button")).click();
        WebElement answer = browser.findElement(By.id("answer-statements"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> "true".equals(answer.getAttribute("data-done"))
                || !d.findElements(By.cssSelector("#answer-statements .form-error")).isEmpty());
        assertThat(browser.getCurrentUrl()).as("answered in the page, not by the form's post").endsWith("/ask");
        return answer.getText();
    }

    @Test
    void aMembersAnswerStreamsIsSavedAndTheNextQuestionFollowsUp() {
        String email = TestMembers.verified(accounts, jdbc, "browser-asker");
        Browser.logIn(browser, port, email, TestMembers.PASSWORD);
        browser.get("http://localhost:" + port + "/ask");

        String first = ask("What's the MUE for 20610?");
        assertThat(first).contains("the MUE for 20610 is 2 units").contains("MUE table, practitioner services, 2016-Q2")
                .contains("Saved to your history");
        assertThat(ask("and the global period?")).contains("20610: global period 000");
        long id = accounts.member(email).orElseThrow().id();
        assertThat(jdbc.queryForList("select question from assistant_question where account_id = ? order by id", String.class, id))
                .containsExactly("What's the MUE for 20610?", "and the global period?");
    }

    @Test
    void aGuestSeesTheMembersGate() {
        browser.get("http://localhost:" + port + "/ask");
        String answer = ask("What's the MUE for 20610?");
        assertThat(answer).contains("Register to view content: the medically unlikely edits (MUE) of 20610 are for members")
                .doesNotContain("2 units").doesNotContain("Saved to your history");
        assertThat(browser.findElement(By.linkText("Register for free or log in")).getAttribute("href")).endsWith("/register");
    }
}
