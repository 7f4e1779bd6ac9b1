package org.codedesk.catalog.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A request the user can correct: shown as a form-style message on pages and as problem+json in the API. */
class BadRequestException extends ResponseStatusException {

    BadRequestException(String detail) {
        super(HttpStatus.BAD_REQUEST, detail);
    }
}
