package org.codedesk.catalog.source.icd10cm;

/**
 * Which of the four ICD-10-CM index files a parsed {@link IndexFile} came from: the alphabetic index to
 * diseases and injuries, the external-cause index, the table of drugs and chemicals, or the neoplasm table.
 */
public enum IndexKind {
    INDEX,
    EXTERNAL_CAUSE,
    DRUG,
    NEOPLASM
}
