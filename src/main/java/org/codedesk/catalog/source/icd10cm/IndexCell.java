package org.codedesk.catalog.source.icd10cm;

/**
 * One cell of a tabular index row (drug or neoplasm table): the column number from the file, the column
 * heading it falls under, and the code, or {@code null} where the table shows a dash (no code applies).
 */
public record IndexCell(int column, String heading, String code) {
}
