package org.codedesk.catalog.source.pcs;

/**
 * The meaning of one character of a PCS code: its position (1..7), the axis title, the character and the value
 * text, e.g. {@code (5, "Approach", "0", "Open")}.
 */
public record PcsCharacter(int position, String axisTitle, String valueCode, String valueText) {
}
