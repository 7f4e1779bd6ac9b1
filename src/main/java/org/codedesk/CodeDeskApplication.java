package org.codedesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * CodeDesk: one Spring Boot service, a modular monolith (one top-level package per capability).
 * {@code java -jar codedesk.jar} serves; {@code java -jar codedesk.jar import ...} imports releases and exits.
 */
@SpringBootApplication
@EnableScheduling
public class CodeDeskApplication {

    /**
     * "Now" for every service that stores or compares instants (tokens, throttling, metering periods, consult SLAs and
     * outbox, job alerts): one injectable clock, in UTC, so that a test can fix or move it.
     */
    @Bean
    java.time.Clock clock() {
        return java.time.Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(CodeDeskApplication.class);
        if (args.length > 0 && args[0].equals("import")) {
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setDefaultProperties(java.util.Map.of("codedesk.command", "import"));
            System.exit(SpringApplication.exit(app.run(args)));
        }
        app.run(args);
    }
}
