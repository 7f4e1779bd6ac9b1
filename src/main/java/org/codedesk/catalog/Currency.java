package org.codedesk.catalog;

import java.time.LocalDate;

/**
 * Whether the release of a dataset in force on a date is imported, said the same way on every surface (code pages,
 * search, API, FHIR, claim checker, assistant, case to code, home and import pages). When it is not, the answer comes
 * from the newest older release, labelled: "ICD-10-CM FY2027 is in force since 2026-10-01 and is not imported; shown:
 * FY2026."
 *
 * @param dataset  the dataset's name ("ICD-10-CM", "MUE table, practitioner services")
 * @param inForce  the period in force on the date ("FY2027", "2026-Q4"), null for datasets not tied to a period
 * @param since    the first day of that period
 * @param shown    the version answers come from (the newest release on or before the date), null when none is imported
 * @param stale    true when {@code shown} is older than the period in force, or missing
 * @param sentence the one sentence every surface shows when stale; null otherwise
 */
public record Currency(String dataset, String inForce, LocalDate since, String shown, boolean stale, String sentence) {

    /**
     * The currency of a dataset on a date, given the version and start date of the newest release imported on or before
     * it ({@code shownVersion} null when there is none).
     */
    public static Currency of(String dataset, PublicationCycle cycle, LocalDate date, String shownVersion, LocalDate shownFrom) {
        if (cycle == PublicationCycle.NONE) {
            boolean missing = shownVersion == null;
            return new Currency(dataset, null, null, shownVersion, missing,
                    missing ? dataset + " is not imported." : null);
        }
        LocalDate start = cycle.periodStart(date);
        String period = cycle.periodName(date);
        boolean stale = shownVersion == null || shownFrom.isBefore(start);
        String sentence = !stale ? null : dataset + " " + period + " is in force since " + start + " and is not imported; "
                + (shownVersion == null ? "no older release is imported either." : "shown: " + shownVersion + ".");
        return new Currency(dataset, period, start, shownVersion, stale, sentence);
    }

    /**
     * A date before the code set took effect: no release of it can be in force, whatever is imported ("ICD-10-CM was not
     * in force on 2014-05-01: services before 2015-10-01 were coded with ICD-9-CM, which CodeDesk does not carry.").
     */
    public static Currency notYetInForce(String dataset, LocalDate date, LocalDate firstDay, String predecessor) {
        return new Currency(dataset, null, firstDay, null, true, dataset + " was not in force on " + date + ": services before "
                + firstDay + " were coded with " + predecessor + ", which CodeDesk does not carry.");
    }
}
