package org.codedesk.edits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The Physician Fee Schedule payment formula for a locality, the same sum written out for the reader, and the OPPS
 * imaging cap applied to it (the lower of the fee schedule amount and the OPPSCAP amount is paid).
 */
final class PaymentArithmetic {

    private PaymentArithmetic() {
    }

    /** What one setting (facility or non-facility) of a code pays in a locality, written out, and the cap that decided it. */
    record Side(BigDecimal payment, String arithmetic, ImagingCap cap) { }

    /** [(work × work GPCI) + (PE × PE GPCI) + (MP × MP GPCI)] × conversion factor, rounded half-up to the cent. */
    static BigDecimal payment(BigDecimal work, BigDecimal pe, BigDecimal mp, Locality l, BigDecimal cf) {
        BigDecimal rvus = work.multiply(l.workGpci()).add(pe.multiply(l.practiceExpenseGpci())).add(mp.multiply(l.malpracticeGpci()));
        return rvus.multiply(cf).setScale(2, RoundingMode.HALF_UP);
    }

    static String shown(BigDecimal work, BigDecimal pe, BigDecimal mp, Locality l, BigDecimal cf) {
        return "[(" + work + " × " + l.workGpci() + ") + (" + pe + " × " + l.practiceExpenseGpci() + ") + (" + mp + " × "
                + l.malpracticeGpci() + ")] × " + cf + " = $" + payment(work, pe, mp, l, cf);
    }

    /**
     * One setting's payment in a locality. {@code na}: the file marks the setting NA (no payment); a carrier-priced
     * code (status C) has no RVUs, its contractor sets the amount, which may not exceed the OPPSCAP amount when there
     * is one; otherwise the formula, lowered to the OPPSCAP amount when that is lower. {@code file} names the OPPSCAP
     * file for the written-out sum, {@code source} the file, locality and release for the cap.
     */
    static Side side(String setting, boolean na, boolean carrierPriced, BigDecimal work, BigDecimal pe, BigDecimal mp, Locality l,
                     BigDecimal cf, Optional<BigDecimal> opps, String file, String source) {
        if (na) {
            return new Side(null, setting + " NA", null);
        }
        if (carrierPriced) {
            if (opps.isEmpty()) {
                return new Side(null, "carrier priced: the Medicare contractor sets the amount", null);
            }
            String words = "carrier priced: the Medicare contractor sets the amount, at most the OPPS amount $" + opps.get()
                    + " (imaging cap, " + file + ")";
            return new Side(null, words, new ImagingCap(null, opps.get(), false, words, source));
        }
        BigDecimal feeSchedule = payment(work, pe, mp, l, cf);
        String sum = shown(work, pe, mp, l, cf);
        if (opps.isEmpty()) {
            return new Side(feeSchedule, sum, null);
        }
        if (opps.get().compareTo(feeSchedule) < 0) {
            String words = ImagingCap.REASON + " (DRA 2005 §5102(b)): fee schedule amount $" + feeSchedule + ", OPPS amount $" + opps.get();
            return new Side(opps.get(), "$" + opps.get() + ", " + ImagingCap.REASON + " (fee schedule amount " + sum + "; OPPS amount $"
                    + opps.get() + " in " + file + ")", new ImagingCap(feeSchedule, opps.get(), true, words, source));
        }
        String words = "not capped: the OPPS amount $" + opps.get() + " is not lower than the fee schedule amount $" + feeSchedule;
        return new Side(feeSchedule, sum + "; " + words + " (" + file + ")", new ImagingCap(feeSchedule, opps.get(), false, words, source));
    }
}
