package org.codedesk.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * The one way instants are written for people, in pages and mail: "8 Dec 2026, 22:59 UTC" (or the date alone), never
 * the ISO form with nanoseconds. Every instant is stored and compared in UTC, so that is the zone shown, and said.
 * Templates reach it as {@code ${@readableTime.dateTime(instant)}}; Java code calls the static methods. Thread-safe.
 */
@Component("readableTime")
public class ReadableTime {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** "8 Dec 2026, 22:59 UTC"; empty for no instant. */
    public static String of(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** "8 Dec 2026" (the UTC day); empty for no instant. */
    public static String dayOf(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    public String dateTime(Instant instant) {
        return of(instant);
    }

    public String date(Instant instant) {
        return dayOf(instant);
    }
}
