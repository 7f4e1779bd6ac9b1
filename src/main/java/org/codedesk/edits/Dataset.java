package org.codedesk.edits;

/** The official tables the edits module imports; each import of one of them is an {@link EditsRelease}. */
public enum Dataset {
    PTP_PRACTITIONER("NCCI PTP edits, practitioner", 3),
    PTP_HOSPITAL("NCCI PTP edits, outpatient hospital", 3),
    MUE_PRACTITIONER("MUE table, practitioner services", 3),
    MUE_HOSPITAL("MUE table, outpatient hospital services", 3),
    MUE_DME("MUE table, DME supplier services", 3),
    ADD_ON("NCCI add-on code edits", 3),
    PFS_RVU("Physician Fee Schedule relative value file (PPRRVU)", 3),
    PFS_GPCI("Physician Fee Schedule GPCIs", 12),
    PFS_LOCALITY("Physician Fee Schedule localities and counties", 12),
    /** The OPPSCAP file of an RVU release: its version is the version of the {@link #PFS_RVU} release it came with. */
    PFS_OPPS_CAP("Physician Fee Schedule OPPS imaging cap amounts (OPPSCAP)", 3),
    GEM_I10_I9("GEMs, ICD-10-CM to ICD-9-CM", 0),
    GEM_I9_I10("GEMs, ICD-9-CM to ICD-10-CM", 0),
    GEM_PCS_I9("GEMs, ICD-10-PCS to ICD-9-CM procedures", 0),
    GEM_I9_PCS("GEMs, ICD-9-CM procedures to ICD-10-PCS", 0),
    PLACE_OF_SERVICE("CMS Place of Service code set", 0);

    private final String title;
    private final int monthsCovered;

    /** @param monthsCovered how long a release answers for (CMS replaces it after that); 0 when it does not expire */
    Dataset(String title, int monthsCovered) {
        this.title = title;
        this.monthsCovered = monthsCovered;
    }

    /** Months a release covers from its effective date (a quarter, a year); 0 when it does not expire (GEMs, POS). */
    public int monthsCovered() {
        return monthsCovered;
    }

    public String title() {
        return title;
    }

    /** How CMS publishes it: quarterly tables, the GPCI and locality files by calendar year, GEMs and POS not by period. */
    public org.codedesk.catalog.PublicationCycle cycle() {
        return switch (monthsCovered) {
            case 3 -> org.codedesk.catalog.PublicationCycle.QUARTERLY;
            case 12 -> org.codedesk.catalog.PublicationCycle.CALENDAR_YEAR;
            default -> org.codedesk.catalog.PublicationCycle.NONE;
        };
    }
}
