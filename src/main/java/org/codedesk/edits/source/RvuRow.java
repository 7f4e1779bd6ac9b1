package org.codedesk.edits.source;

import java.math.BigDecimal;

/**
 * One row of the national Physician Fee Schedule relative value file (PPRRVU): a code, or a code with modifier
 * ({@code modifier} is "" when none, else 26, TC or 53), with its relative value units, payment policy indicators
 * and conversion factor. RVUs and percentages left empty in the file are zero; indicators are kept as coded
 * ({@code globalDays} "090", "XXX"...; {@code status} "A", "X"...). The file's DESCRIPTION column is AMA CPT text
 * and is deliberately absent.
 */
public record RvuRow(String code, String modifier, String status, boolean notUsedForMedicarePayment,
        BigDecimal work, BigDecimal peNonFacility, boolean nonFacilityNa, BigDecimal peFacility, boolean facilityNa,
        BigDecimal malpractice, BigDecimal totalNonFacility, BigDecimal totalFacility, String pcTc,
        String globalDays, BigDecimal preOp, BigDecimal intraOp, BigDecimal postOp, String multipleProcedure,
        String bilateral, String assistant, String coSurgeon, String team, String endoscopicBase,
        BigDecimal conversionFactor, String supervision, String calculationFlag, String imagingFamily,
        BigDecimal oppsPeNonFacility, BigDecimal oppsPeFacility, BigDecimal oppsMalpractice) {
}
