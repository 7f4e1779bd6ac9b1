package org.codedesk.catalog.importing;

import java.time.LocalDate;

import org.codedesk.catalog.CodeSystem;

/** A source file whose name says what it is: its role and the release (system, version, start date) it belongs to. */
record RecognizedFile(FileRole role, ReleaseKey release, SourceFile file) {

    /** Identity of a release: "FY2026" for ICD-10 fiscal years, "FY2026-04" for an April update, "2025-10" for a HCPCS quarter. */
    record ReleaseKey(CodeSystem system, String version, LocalDate effectiveFrom) {

        String label() {
            return system.title() + " " + version;
        }
    }
}
