package org.codedesk.edits;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The Physician Fee Schedule payment formula for a locality, and the same sum written out for the reader. */
final class PaymentArithmetic {

    private PaymentArithmetic() {
    }

    /** [(work × work GPCI) + (PE × PE GPCI) + (MP × MP GPCI)] × conversion factor, rounded half-up to the cent. */
    static BigDecimal payment(BigDecimal work, BigDecimal pe, BigDecimal mp, Locality l, BigDecimal cf) {
        BigDecimal rvus = work.multiply(l.workGpci()).add(pe.multiply(l.practiceExpenseGpci())).add(mp.multiply(l.malpracticeGpci()));
        return rvus.multiply(cf).setScale(2, RoundingMode.HALF_UP);
    }

    static String shown(BigDecimal work, BigDecimal pe, BigDecimal mp, Locality l, BigDecimal cf) {
        return "[(" + work + " × " + l.workGpci() + ") + (" + pe + " × " + l.practiceExpenseGpci() + ") + (" + mp + " × "
                + l.malpracticeGpci() + ")] × " + cf + " = $" + payment(work, pe, mp, l, cf);
    }
}
