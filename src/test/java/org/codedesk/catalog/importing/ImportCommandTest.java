package org.codedesk.catalog.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import org.codedesk.CodeDeskApplication;
import org.codedesk.EditsFixtureData;
import org.codedesk.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar codedesk.jar import <folders>} as the command line runs it: no web server, the catalog and
 * the edits files imported, the report printed, exit status 0 (1 when a release failed).
 */
class ImportCommandTest {

    @Test
    void commandLineImportsCodeSetsAndEditsAndExitsZero() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        int exit;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CodeDeskApplication.class)
                .web(WebApplicationType.NONE)
                // outside the test context framework: the test mail port is given here (no mail is sent)
                .properties("codedesk.command=import", "codedesk.test.smtp-port=" + TestMail.smtpPort())
                .run("import", EditsFixtureData.CATALOG.toString(), EditsFixtureData.folder().toString())) {
            exit = SpringApplication.exit(context);
        } finally {
            System.setOut(original);
        }
        assertThat(exit).isZero();
        // IMPORTED, or UNCHANGED when another test of this JVM imported the same files into the shared test database
        assertThat(out.toString()).containsPattern("(IMPORTED|UNCHANGED)  ICD-10-CM FY2016")
                .containsPattern("(IMPORTED|UNCHANGED)  MUE table, practitioner services, 2016-Q2")
                .containsPattern("(IMPORTED|UNCHANGED)  NCCI PTP edits, practitioner, 2016-Q2").contains("files not recognised");
    }
}
