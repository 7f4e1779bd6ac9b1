package org.codedesk.edits;

import java.math.BigDecimal;

/**
 * The OPPS imaging cap of one code in one locality and setting (section 5102(b) of the Deficit Reduction Act of 2005):
 * for the technical component of certain diagnostic imaging services, and of their global services, Medicare pays the
 * lower of the Physician Fee Schedule amount and the OPPS-based amount that the OPPSCAP file of the fee schedule
 * release gives for the locality. {@code feeSchedule} is the fee schedule amount from the RVUs (null for a
 * carrier-priced code, whose contractor price the amount only bounds), {@code opps} the OPPSCAP amount,
 * {@code applied} whether it lowered the payment, {@code words} the reason for the reader and {@code source} the
 * file, locality and release it came from.
 */
public record ImagingCap(BigDecimal feeSchedule, BigDecimal opps, boolean applied, String words, String source) {

    /** Why a payment is lower than its RVUs say, in the words the fee schedule pages and claim checks use. */
    public static final String REASON = "capped at the OPPS amount: imaging cap";
}
