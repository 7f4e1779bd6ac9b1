package org.codedesk.catalog.source.icd10cm;

/** One 7th-character value defined at a tabular node ({@code owner}); it applies to every code below it. */
public record SeventhCharacter(String owner, String character, String meaning) {
}
