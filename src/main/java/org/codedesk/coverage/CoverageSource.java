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
}
