package org.codedesk.catalog.source.icd10cm;

/**
 * One 7th-character value defined at a tabular node ({@code owner}); it applies to every code below it.
 *
 * @param since the release that added the definition or last revised its meaning ("FY2017", "FY2024"...)
 */
public record SeventhCharacter(String owner, String character, String meaning, String since) {
}
