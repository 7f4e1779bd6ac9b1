package org.codedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;

import org.codedesk.Browser;
import org.codedesk.EditsFixtureData;
import org.codedesk.PageChecks;
import org.codedesk.TestMembers;
import org.codedesk.accounts.AccountAdministration;
import org.codedesk.accounts.Accounts;
import org.codedesk.accounts.Role;
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
 * Every page template, opened as the viewer who reaches it (guest, member, employer, admin), at 390 px and 1366 px:
 * no sideways scrolling, the skip link and the footer's AMA notice, and no serious or critical axe-core violation
 * ({@link PageChecks}). Pages answering a form (claim findings, case-to-code suggestions, a job post) are checked after
 * submitting it. Metering is on with two guest code views, so the quota page is reached too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"codedesk.metering.enabled=true", "codedesk.plans.guest.code-views=2"})
class LayoutBrowserTest {

    @org.junit.jupiter.api.extension.RegisterExtension
    static com.icegreen.greenmail.junit5.GreenMailExtension mail = org.codedesk.TestMail.greenMail();

    @LocalServerPort int port;
    @Autowired CatalogImporter importer;
    @Autowired Accounts accounts;
    @Autowired AccountAdministration administration;
    @Autowired JdbcTemplate jdbc;
    private WebDriver browser;
    private PageChecks checks;
    private WebDriverWait wait;

    @BeforeEach
    void start() {
        browser = Browser.start();
        checks = new PageChecks(browser);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        EditsFixtureData.importAll(importer);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (checks != null) {
            System.out.println("axe-core violations (elements) by impact: " + checks.counts());
        }
    }

    @Test
    void guestPages() {
        // fixture pages by their date: the full data (FullDataImportTest, same JVM and database in CI) has no X HCPCS codes today
        for (String path : new String[] {"/", "/codes", "/browse/icd10cm", "/browse/icd10pcs/0/X?date=2016-06-01", "/browse/hcpcs/X?date=2016-06-01", "/search?q=fracture",
                "/codes/icd10cm/S72.001A?date=2016-06-01", "/codes/icd10pcs/0X500ZX?date=2016-06-01", "/codes/icd10cm/Q99.99X", "/claims/check",
                "/crosswalk?code=H54.7&date=2016-06-01", "/case-to-code", "/modifiers", "/modifiers/59", "/places-of-service", "/ask",
                "/consult", "/jobs", "/login", "/register", "/password/forgot", "/password/reset?token=nonsense", "/verify?token=nonsense",
                "/plans", "/developers", "/jobs/alerts/unsubscribe?token=nonsense", "/no-such-page"}) {
            open(path);
        }
        open("/codes/icd10cm/T36.0X1A"); // the guest's third code: over the quota of two
        assertThat(browser.findElement(By.tagName("main")).getText()).containsIgnoringCase("register");
        assertThat(browser.findElements(By.id("nav-admin"))).isEmpty();
        assertThat(browser.findElements(By.id("nav-consult-queue"))).isEmpty();
        assertThat(checks.problems()).as(String.join("\n", checks.problems())).isEmpty();
    }

    @Test
    void memberPages() {
        Browser.logIn(browser, port, TestMembers.verified(accounts, jdbc, "layout-member"), TestMembers.PASSWORD);
        open("/account");
        open("/codes/icd10pcs/0X500ZX");

        open("/claims/check");
        browser.findElement(By.name("dateOfService")).sendKeys("06012016");
        browser.findElement(By.name("lines[0].code")).sendKeys("27447");
        browser.findElement(By.name("lines[1].code")).sendKeys("20610");
        browser.findElement(By.name("lines[1].modifiers")).sendKeys("XS");
        browser.findElement(By.cssSelector("#claim-form button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result")));
        checks.check("claim findings");

        open("/case-to-code");
        browser.findElement(By.id("text")).sendKeys("Closed fracture of the neck of the right femur after a fall.\nNo visual loss.");
        browser.findElement(By.name("dateOfService")).sendKeys("06012016");
        new Select(browser.findElement(By.name("setting"))).selectByValue("inpatient");
        browser.findElement(By.cssSelector("#case-form button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result")));
        checks.check("case-to-code suggestions");
        browser.findElement(By.name("title")).sendKeys("Layout case");
        browser.findElement(By.id("save-case")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved-facts")));
        checks.check("saved case");
        open("/case-to-code/cases");

        open("/ask");
        browser.findElement(By.id("ask-q")).sendKeys("What's the MUE for 20610?");
        browser.findElement(By.name("date")).sendKeys("06012016");
        browser.findElement(By.cssSelector("#ask-form button")).click();
        wait.until(d -> "true".equals(d.findElement(By.id("answer-statements")).getAttribute("data-done")));
        checks.check("streamed answer");
        open("/ask/history/" + jdbc.queryForObject("select max(id) from assistant_question", Long.class));
        open("/my/applications");
        open("/jobs/alerts");
        assertThat(browser.findElements(By.id("nav-admin"))).isEmpty();
        assertThat(checks.problems()).as(String.join("\n", checks.problems())).isEmpty();
    }

    @Test
    void employerPages() throws Exception {
        Browser.logIn(browser, port, account("layout-employer", Role.EMPLOYER), TestMembers.PASSWORD);
        open("/jobs/new");
        browser.findElement(By.name("title")).sendKeys("Inpatient coder " + UUID.randomUUID().toString().substring(0, 8));
        browser.findElement(By.name("organisation")).sendKeys("Summit Health");
        browser.findElement(By.name("location")).sendKeys("Austin, TX");
        browser.findElement(By.name("credentialsRequired")).sendKeys("CCS");
        new Select(browser.findElement(By.name("workplace"))).selectByValue("HYBRID");
        browser.findElement(By.id("description")).sendKeys("DRG validation for a **teaching hospital**.");
        browser.findElement(By.cssSelector("#job-form button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("publish"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "PUBLISHED"));
        String job = browser.getCurrentUrl();
        checks.check("job");
        open(job.substring(job.indexOf("/jobs/")) + "/edit");
        open(job.substring(job.indexOf("/jobs/")) + "/applications");
        open("/employer/jobs");
        assertThat(checks.problems()).as(String.join("\n", checks.problems())).isEmpty();
    }

    @Test
    void adminAndConsultantPages() {
        String admin = account("layout-admin", Role.ADMIN);
        Browser.logIn(browser, port, admin, TestMembers.PASSWORD);
        open("/");
        // followed by address: WebDriver counts the content of a closed <details> as hidden, although wide screens show it
        assertThat(browser.findElement(By.id("nav-admin")).getAttribute("href")).endsWith("/admin");
        assertThat(browser.findElement(By.id("nav-consult-queue")).getAttribute("href")).endsWith("/consult/queue");
        open("/admin");
        assertThat(browser.findElement(By.id("admin-pages")).getText()).contains("Accounts").contains("Import official releases");
        for (String path : new String[] {"/admin/users", "/admin/users/" + accounts.member(admin).orElseThrow().id(), "/admin/audit",
                "/admin/import", "/admin/jobs", "/admin/outbox", "/consult/queue", "/editor/codes/icd10cm/S72.001A"}) {
            open(path);
        }
        assertThat(checks.problems()).as(String.join("\n", checks.problems())).isEmpty();

        browser.manage().deleteAllCookies();
        Browser.logIn(browser, port, account("layout-consultant", Role.CONSULTANT), TestMembers.PASSWORD);
        open("/consult/queue");
        assertThat(browser.findElements(By.id("nav-consult-queue"))).hasSize(1);
        assertThat(browser.findElements(By.id("nav-admin"))).isEmpty();
        browser.get("http://localhost:" + port + "/admin");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotEqualTo("Admin"); // the server still says no
    }

    /** Opens a page and checks it; a page answered by the error page instead is a failure too (but for /no-such-page). */
    private void open(String path) {
        browser.get("http://localhost:" + port + path);
        if (browser.getTitle().startsWith("Error ·") != path.equals("/no-such-page")) {
            checks.problems().add(path + ": answered with the title \"" + browser.getTitle() + "\"");
        }
        checks.check(path);
    }

    private String account(String prefix, Role role) {
        String email = TestMembers.verified(accounts, jdbc, prefix);
        administration.setRoles("test", accounts.member(email).orElseThrow().id(), EnumSet.of(role));
        return email;
    }
}
