package org.codedesk.catalog;

import java.time.LocalDate;
import java.time.Month;

/**
 * How often the publisher of an official dataset replaces it, and so which period's release is in force on a date:
 * ICD-10-CM/PCS and the MCE by fiscal year (October 1; April updates come on top), HCPCS, NCCI, MUE, the fee
 * schedule's RVU file and the NCDs by quarter, CPT and the fee schedule's GPCIs by calendar year. GEMs and the
 * place-of-service list are not tied to a period.
 */
public enum PublicationCycle {
    FISCAL_YEAR, QUARTERLY, CALENDAR_YEAR, NONE;

    /** The first day of the period that holds the date (null for {@link #NONE}). */
    public LocalDate periodStart(LocalDate date) {
        return switch (this) {
            case FISCAL_YEAR -> date.getMonthValue() >= 10 ? LocalDate.of(date.getYear(), Month.OCTOBER, 1)
                    : LocalDate.of(date.getYear() - 1, Month.OCTOBER, 1);
            case QUARTERLY -> LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case CALENDAR_YEAR -> LocalDate.of(date.getYear(), 1, 1);
            case NONE -> null;
        };
    }

    /** The period's name as publishers write it: "FY2027", "2026-Q4", "2026" (null for {@link #NONE}). */
    public String periodName(LocalDate date) {
        LocalDate start = periodStart(date);
        return switch (this) {
            case FISCAL_YEAR -> "FY" + (start.getYear() + 1);
            case QUARTERLY -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case CALENDAR_YEAR -> String.valueOf(start.getYear());
            case NONE -> null;
        };
    }
}
