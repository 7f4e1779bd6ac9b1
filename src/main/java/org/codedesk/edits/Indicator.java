package org.codedesk.edits;

/** A coded value of an official file and its meaning in words ("090" → "90-day global period..."). */
public record Indicator(String value, String words) { }
