package org.codedesk.edits;

/** The official tables the edits module imports; each import of one of them is an {@link EditsRelease}. */
public enum Dataset {
    PTP_PRACTITIONER("NCCI PTP edits, practitioner"),
    PTP_HOSPITAL("NCCI PTP edits, outpatient hospital"),
    MUE_PRACTITIONER("MUE table, practitioner services"),
    MUE_HOSPITAL("MUE table, outpatient hospital services"),
    MUE_DME("MUE table, DME supplier services"),
    ADD_ON("NCCI add-on code edits"),
    PFS_RVU("Physician Fee Schedule relative value file (PPRRVU)"),
    PFS_GPCI("Physician Fee Schedule GPCIs"),
    PFS_LOCALITY("Physician Fee Schedule localities and counties"),
    GEM_I10_I9("GEMs, ICD-10-CM to ICD-9-CM"),
    GEM_I9_I10("GEMs, ICD-9-CM to ICD-10-CM"),
    GEM_PCS_I9("GEMs, ICD-10-PCS to ICD-9-CM procedures"),
    GEM_I9_PCS("GEMs, ICD-9-CM procedures to ICD-10-PCS"),
    PLACE_OF_SERVICE("CMS Place of Service code set");

    private final String title;

    Dataset(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
