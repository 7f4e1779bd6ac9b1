package org.codedesk.catalog;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reads an optional date of service as users write it ({@code ?date=YYYY-MM-DD}); today when absent. A date that
 * does not parse is a 400 with the reason in words, for every page and API that takes one.
 */
public final class DateOfService {

    private DateOfService() {
    }

    public static LocalDate parse(String date) {
        if (date == null || date.isBlank()) {
            return LocalDate.now();
        }
        try {
            return LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The date of service '" + date + "' is not a date in the form YYYY-MM-DD, e.g. 2025-06-01.");
        }
    }
}
