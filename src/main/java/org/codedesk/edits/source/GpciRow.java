package org.codedesk.edits.source;

import java.math.BigDecimal;

/**
 * Geographic practice cost indices of one Medicare payment locality. {@code mac} is the five-digit contractor
 * number and {@code localityNumber} the two-digit locality (both zero-padded), which together identify the
 * locality; {@code localityName} is as published, footnote asterisks included ("ALASKA*"). {@code work} is the
 * work GPCI with any statutory floor applied when the file gives both.
 */
public record GpciRow(String mac, String state, String localityNumber, String localityName, BigDecimal work,
        BigDecimal practiceExpense, BigDecimal malpractice) {
}
