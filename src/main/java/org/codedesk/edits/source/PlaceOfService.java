package org.codedesk.edits.source;

/** One place of service code (two digits, "11") with its name and description as published by CMS. */
public record PlaceOfService(String code, String name, String description) {
}
