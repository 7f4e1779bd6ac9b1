package org.codedesk.catalog.web;

import java.util.List;

import org.codedesk.catalog.CodeSummary;
import org.codedesk.catalog.CodeSystem;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** No such code in the release in force: carries the nearest valid codes for the 404 page and problem detail. */
class CodeNotFoundException extends ResponseStatusException {

    private final CodeSystem system;
    private final String code;
    private final List<CodeSummary> nearest;

    CodeNotFoundException(CodeSystem system, String code, String detail, List<CodeSummary> nearest) {
        super(HttpStatus.NOT_FOUND, detail);
        this.system = system;
        this.code = code;
        this.nearest = nearest;
    }

    CodeSystem system() { return system; }

    String code() { return code; }

    List<CodeSummary> nearest() { return nearest; }
}
