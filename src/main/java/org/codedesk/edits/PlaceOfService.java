package org.codedesk.edits;

/** A CMS Place of Service code, from the imported code set. */
public record PlaceOfService(String code, String name, String description, EditsRelease release) { }
