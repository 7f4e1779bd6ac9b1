package org.codedesk.edits.source;

import java.math.BigDecimal;

/**
 * One row of the OPPS imaging cap file (OPPSCAP) of a Physician Fee Schedule release: for a code and modifier
 * ({@code modifier} "" or "TC") in one payment locality ({@code mac} five digits and {@code localityNumber} two,
 * zero-padded, as in the GPCI file), the facility and non-facility amounts after the OPPS-based cap of section
 * 5102(b) of the Deficit Reduction Act of 2005; for a carrier-priced code ({@code status} "C") the cap itself, which
 * the contractor's price may not exceed.
 */
public record OppsCapRow(String code, String modifier, String status, String mac, String localityNumber,
        BigDecimal facilityPrice, BigDecimal nonFacilityPrice) {
}
