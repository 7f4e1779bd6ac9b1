package org.codedesk.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The result of checking a claim: every finding, a count per status, and {@code clean} only when every
 * finding passed (a claim with anything not checked is never clean).
 */
public record ClaimCheck(boolean clean, LocalDate dateOfService, String setting, Map<String, Long> summary,
                         List<CheckedLine> lines, List<Finding> findings, List<String> sources) {

    /** A line as understood, with the fee schedule payment estimate when one could be computed (else null). */
    public record CheckedLine(int line, String code, List<String> modifiers, int units, BigDecimal payment, String paymentBasis) { }
}
