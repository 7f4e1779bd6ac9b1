package org.codedesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** CodeDesk: one Spring Boot service, a modular monolith (one top-level package per capability). */
@SpringBootApplication
public class CodeDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(CodeDeskApplication.class, args);
    }
}
