package org.codedesk.edits.source;

/**
 * One fee schedule area of the locality/county file: the contractor ({@code mac}, five digits) and two-digit
 * {@code localityNumber} that join it to its {@link GpciRow}, the full state name, the area name and the counties
 * it covers, all trimmed.
 */
public record LocalityRow(String mac, String localityNumber, String state, String feeScheduleArea,
        String counties) {
}
