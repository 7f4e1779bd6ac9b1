package org.codedesk.catalog.importing;

import java.time.LocalDate;

import org.codedesk.catalog.CodeSystem;

/** A source file whose name says what it is: its role and the release (system, version, start date) it belongs to. */
record RecognizedFile(FileRole role, ReleaseKey release, SourceFile file) {

    /** Identity of a release: "FY2026" for ICD-10 fiscal years, "FY2026-04" for an April update, "2025-10" for a HCPCS quarter. */
    record ReleaseKey(CodeSystem system, String version, LocalDate effectiveFrom) {

        /** "ICD-10-CM FY2026"; a mid-year update reads "ICD-10-CM FY2023 (April 2023 update)". */
        String label() {
            if (version.matches("FY\\d{4}-\\d{2}")) {
                String month = effectiveFrom.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
                return system.title() + " " + version.substring(0, 6) + " (" + month + " " + effectiveFrom.getYear() + " update)";
            }
            return system.title() + " " + version;
        }
    }
}
