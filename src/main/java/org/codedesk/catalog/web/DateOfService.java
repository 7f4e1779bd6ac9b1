package org.codedesk.catalog.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads the optional {@code ?date=YYYY-MM-DD} of service; today when absent. */
final class DateOfService {

    private DateOfService() {
    }

    static LocalDate parse(String date) {
        if (date == null || date.isBlank()) {
            return LocalDate.now();
        }
        try {
            return LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("The date of service '" + date + "' is not a date in the form YYYY-MM-DD, e.g. 2025-06-01.");
        }
    }
}
