package org.codedesk.catalog;

/**
 * Whether a code may be reported on a date of service, as the release in force says: the answer a claim
 * check needs without assembling a whole code page.
 *
 * @param release label of the release consulted; null when no release of the system is in force on the date
 * @param detail  the reason in words ("header: not billable", "not in HCPCS Level II 2025-10; last in 2020-01")
 */
public record CodeStatus(CodeSystem system, String key, Validity validity, String release, String detail) {

    public enum Validity {
        /** In the release in force and billable (or, for HCPCS, not yet past its termination date). */
        VALID,
        /** In the release but not reportable: an ICD-10 header code, or a HCPCS code past its termination date. */
        NOT_BILLABLE,
        /** Not in the release in force: deleted, not yet effective, or never a code. */
        NOT_IN_RELEASE,
        /** No release of the system is in force on the date: nothing to check against. */
        NO_RELEASE
    }

    public String code() {
        return system.display(key);
    }
}
