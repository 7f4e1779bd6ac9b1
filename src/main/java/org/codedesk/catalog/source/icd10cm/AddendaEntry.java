package org.codedesk.catalog.source.icd10cm;

/**
 * One line of an ICD-10-CM order-file addenda: a code added, deleted, or revised (a "Revise from" line with
 * the old titles directly followed by a "Revise to" line with the new ones).
 *
 * @param action   "Add", "Delete", "Revise from" or "Revise to"
 * @param billable the order file's flag: {@code true} for a code valid on claims, {@code false} for a header
 * @param code     upper case, without dot
 */
public record AddendaEntry(String action, boolean billable, String code, String shortDescription,
                           String longDescription) {

    public static final String ADD = "Add";
    public static final String DELETE = "Delete";
    public static final String REVISE_FROM = "Revise from";
    public static final String REVISE_TO = "Revise to";
}
