package org.codedesk.edits;

import java.math.BigDecimal;

/**
 * The Physician Fee Schedule facts of one code (and modifier: "", "26", "TC", "53") in a release, with
 * national payments computed from the file's own conversion factor. A payment is null when the file marks
 * the setting NA or the code carries no RVUs.
 */
public record FeeSchedule(String code, String modifier, Indicator status, BigDecimal work, BigDecimal peNonFacility,
                          boolean nonFacilityNa, BigDecimal peFacility, boolean facilityNa, BigDecimal malpractice,
                          BigDecimal totalNonFacility, BigDecimal totalFacility, BigDecimal conversionFactor,
                          BigDecimal nationalNonFacility, BigDecimal nationalFacility, Indicator globalDays,
                          Indicator pcTc, Indicator multipleProcedure, Indicator bilateral, Indicator assistant,
                          Indicator coSurgeon, Indicator team, String endoscopicBase, EditsRelease release,
                          LocalityPayment locality) {

    /**
     * Payment in one locality: [(work RVU × work GPCI) + (PE RVU × PE GPCI) + (MP RVU × MP GPCI)] × conversion
     * factor, rounded to the cent, or the OPPS imaging cap amount when the release's OPPSCAP file lists the code for
     * the locality and its amount is lower; {@code arithmetic} shows the sum with the figures used, and the cap. A cap
     * is null when OPPSCAP does not list the code and locality (not capped); a payment is null when the setting is NA
     * or the code is carrier priced.
     */
    public record LocalityPayment(Locality locality, BigDecimal nonFacility, BigDecimal facility, String nonFacilityArithmetic,
                                  String facilityArithmetic, ImagingCap nonFacilityCap, ImagingCap facilityCap) { }
}
