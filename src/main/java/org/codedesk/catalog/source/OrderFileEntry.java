package org.codedesk.catalog.source;

/**
 * One line of a CDC/CMS order file (ICD-10-CM or ICD-10-PCS): the code without a dot, whether it is valid
 * for HIPAA transactions (billable) or a header, and its short and long titles.
 */
public record OrderFileEntry(int order, String code, boolean billable, String shortDescription, String longDescription) {
}
