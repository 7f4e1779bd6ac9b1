package org.codedesk.coverage;

/** The official sources the coverage module imports; each import of one is a coverage release. */
public enum CoverageSource {
    NCD_LAB("CMS clinical laboratory NCD coding spreadsheet"),
    MCD("Medicare Coverage Database (LCDs and billing and coding articles)"),
    MCE("Definitions of Medicare Code Edits");

    private final String title;

    CoverageSource(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /**
     * How CMS publishes it: the NCD lab spreadsheet by quarter, the MCE with each fiscal year; the Medicare Coverage
     * Database download changes weekly, so it is taken as it is (not tied to a period).
     */
    public org.codedesk.catalog.PublicationCycle cycle() {
        return switch (this) {
            case NCD_LAB -> org.codedesk.catalog.PublicationCycle.QUARTERLY;
            case MCE -> org.codedesk.catalog.PublicationCycle.FISCAL_YEAR;
            case MCD -> org.codedesk.catalog.PublicationCycle.NONE;
        };
    }
}
