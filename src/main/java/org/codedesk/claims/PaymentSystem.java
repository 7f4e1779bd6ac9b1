package org.codedesk.claims;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which Medicare payment system pays a service the Physician Fee Schedule does not (PFS status X, "statutory exclusion":
 * not a physician service under the law, RVU file Attachment A, whose examples are ambulance and clinical diagnostic
 * laboratory services; E and P likewise point outside the PFS). Said only where the data tells: the CPT pathology and
 * laboratory range and the PLA/MAAA codes, the ambulance codes, and the HCPCS Level II record's pricing indicator, type of
 * service and BETOS fields; otherwise nothing, and the finding says to check the payment system for the service.
 */
record PaymentSystem(String name, String reason) {

    static final PaymentSystem CLFS = new PaymentSystem("the Clinical Laboratory Fee Schedule (CLFS)", null);
    static final PaymentSystem AMBULANCE = new PaymentSystem("the Ambulance Fee Schedule", null);
    static final PaymentSystem DMEPOS = new PaymentSystem("the DMEPOS fee schedule (claims to the DME MAC)", null);
    static final PaymentSystem DRUGS = new PaymentSystem("Part B drug pricing (the ASP pricing files, vaccines included)", null);
    static final PaymentSystem REASONABLE_CHARGE = new PaymentSystem("reasonable charge, set by the Medicare contractor", null);

    private static final Set<String> DMEPOS_PRICING = Set.of("31", "32", "33", "34", "35", "36", "37", "38", "39", "40", "45");
    private static final Set<String> DMEPOS_TYPES = Set.of("A", "E", "J", "P", "R", "S");

    /**
     * The payment system of a code outside the PFS, with the reason in words; empty when the data does not tell.
     *
     * @param code   key form: CPT (digits, or 4 digits and a letter) or HCPCS Level II
     * @param record the HCPCS Level II record's fields ({@code pricingIndicator1}, {@code typeOfService1}, {@code betos}...);
     *               empty for CPT codes and codes without a record
     */
    static Optional<PaymentSystem> of(String code, Map<String, String> record) {
        if (code.matches("\\d{5}") && code.compareTo("80047") >= 0 && code.compareTo("89398") <= 0) {
            return Optional.of(CLFS.because("CPT 80047-89398 are the pathology and laboratory codes"));
        }
        if (code.matches("\\d{4}[UM]")) {
            return Optional.of(CLFS.because(code.endsWith("U") ? "a CPT Proprietary Laboratory Analyses (PLA) code"
                    : "a CPT Multianalyte Assay with Algorithmic Analyses (MAAA) code"));
        }
        Set<String> pricing = values(record, "pricingIndicator");
        Set<String> types = values(record, "typeOfService");
        String betos = record.getOrDefault("betos", "").trim().toUpperCase(java.util.Locale.ROOT);
        if (pricing.contains("21") || types.contains("5") || betos.startsWith("T1")) {
            return Optional.of(CLFS.because("its HCPCS record: " + field(pricing.contains("21"), "pricing indicator 21 (national limitation"
                    + " amount)", types.contains("5"), "type of service 5 (diagnostic laboratory)", "BETOS " + betos + " (lab tests)")));
        }
        if (types.contains("D") || betos.equals("O1A")) {
            return Optional.of(AMBULANCE.because("its HCPCS record: " + field(types.contains("D"), "type of service D (ambulance)", false, null,
                    "BETOS O1A (ambulance)")));
        }
        if (code.matches("A0\\d{3}")) {
            return Optional.of(AMBULANCE.because("A0021-A0999 are the HCPCS transportation and ambulance codes"));
        }
        Optional<String> dme = pricing.stream().filter(DMEPOS_PRICING::contains).findFirst();
        Optional<String> dmeType = types.stream().filter(DMEPOS_TYPES::contains).findFirst();
        if (dme.isPresent() || dmeType.isPresent() || betos.startsWith("D1") && !betos.equals("D1G")) {
            return Optional.of(DMEPOS.because("its HCPCS record: " + field(dme.isPresent(), "pricing indicator " + dme.orElse("")
                    + " (DME, prosthetics, orthotics and supplies)", dmeType.isPresent(), "type of service " + dmeType.orElse(""), "BETOS " + betos)));
        }
        if (pricing.contains("51") || pricing.contains("54") || Set.of("O1D", "O1E", "O1G", "D1G").contains(betos)) {
            return Optional.of(DRUGS.because("its HCPCS record: " + field(pricing.contains("51"), "pricing indicator 51 (drugs)",
                    pricing.contains("54"), "pricing indicator 54 (vaccinations)", "BETOS " + betos)));
        }
        if (pricing.contains("52")) {
            return Optional.of(REASONABLE_CHARGE.because("its HCPCS record: pricing indicator 52 (reasonable charge)"));
        }
        return Optional.empty();
    }

    private PaymentSystem because(String why) {
        return new PaymentSystem(name, why);
    }

    /** The first field that decided, in words. */
    private static String field(boolean first, String firstWords, boolean second, String secondWords, String otherwise) {
        return first ? firstWords : second ? secondWords : otherwise;
    }

    /** The values of a repeated field (pricingIndicator1..4), blanks left out. */
    private static Set<String> values(Map<String, String> record, String base) {
        return record.entrySet().stream().filter(e -> e.getKey().matches(base + "\\d*"))
                .flatMap(e -> Stream.ofNullable(e.getValue())).map(v -> v.trim().toUpperCase(java.util.Locale.ROOT))
                .filter(v -> !v.isEmpty()).collect(java.util.stream.Collectors.toSet());
    }
}
