package org.codedesk.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.codedesk.HttpVisitor;
import org.codedesk.TestMembers;
import org.codedesk.accounts.Accounts;
import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.Release;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A guest's page of today is rendered once and then served whole to every guest; a page for another date of service and a
 * member's page are rendered for their request, and a member never gets the guest's page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:guest-code-pages;DB_CLOSE_DELAY=-1", "codedesk.home=target/test-data-guest-code-pages"})
class GuestCodePagesTest {

    @LocalServerPort int port;
    @Autowired CatalogImporter importer;
    @Autowired Catalog catalog;
    @Autowired GuestCodePages guestPages;
    @Autowired Accounts accounts;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aGuestsPageOfTodayIsRenderedOnceForEveryGuest() {
        assertThat(importer.importPaths(List.of(Path.of("src/test/resources/fixtures/releases"))).failed()).isFalse();
        Release cm = catalog.releaseInForce(CodeSystem.ICD10CM, LocalDate.now()).orElseThrow();
        String code = catalog.codes(cm, "", false, 0, 1).get(0).code();
        String path = "/codes/icd10cm/" + code;

        long before = guestPages.renders();
        HttpVisitor.Reply first = new HttpVisitor(port).get(path);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Content-Type")).isEqualTo("text/html;charset=UTF-8");
        assertThat(first.body()).contains(code).contains("Register to view content").contains("site-footer")
                .doesNotContain("Log out");
        assertThat(guestPages.renders()).as("the first guest's view renders the page").isEqualTo(before + 1);

        HttpVisitor.Reply second = new HttpVisitor(port).get(path);
        assertThat(second.body()).as("another guest gets the same page").isEqualTo(first.body());
        assertThat(guestPages.renders()).as("... not rendered again").isEqualTo(before + 1);

        // a date of service can name any day: rendered for the request, not kept
        HttpVisitor.Reply dated = new HttpVisitor(port).get(path + "?date=" + LocalDate.now());
        assertThat(dated.body()).contains("date of service");
        assertThat(new HttpVisitor(port).get(path + "?date=" + LocalDate.now()).body()).isEqualTo(dated.body());
        assertThat(guestPages.renders()).isEqualTo(before + 1);

        HttpVisitor member = new HttpVisitor(port).logIn(TestMembers.verified(accounts, jdbc, "guest-pages"), TestMembers.PASSWORD);
        HttpVisitor.Reply membersView = member.get(path);
        assertThat(membersView.status()).isEqualTo(200);
        assertThat(membersView.body()).as("a member's own page").contains("Log out").doesNotContain("Register to view content")
                .isNotEqualTo(first.body());
        assertThat(guestPages.renders()).isEqualTo(before + 1);
    }
}
