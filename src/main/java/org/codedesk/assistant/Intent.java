package org.codedesk.assistant;

/** What a question asks for, as the assistant understood it. */
public enum Intent {
    /** "What is CPT code 99213?": descriptor, billable, notes. */
    CODE_LOOKUP,
    /** "Can 33952 and 33946 be billed together?": NCCI PTP edits between the codes. */
    PTP_PAIR,
    /** "What's the MUE for 99213?" */
    MUE,
    /** "What's the global period of 27447?" */
    GLOBAL_PERIOD,
    /** "What are the RVUs / what does Medicare pay for 20610?" */
    FEE_SCHEDULE,
    /** "When do I use XS instead of 59?" */
    MODIFIER,
    /** "What is the ICD-9 code for E11.9?": GEMs. */
    CROSSWALK,
    /** "Is J1100 covered by Medicare?" */
    COVERAGE,
    /** "How do I code sepsis due to E. coli?", "Guidelines for E/M services". */
    GUIDELINE,
    /** "Can I code E11.9 with E10.9?": the Excludes1 / Excludes2 notes between diagnoses. */
    EXCLUDES,
    /** "7th char for S52.521, subsequent encounter?": the complete codes the 7th characters make. */
    SEVENTH_CHARACTER,
    /** "Primaries of addon 11046?", "add-on codes of 11042?": the NCCI add-on code edits both ways. */
    ADD_ON,
    /** "J1030 80 mg how many units?": the dose divided by the dose of one unit in the HCPCS descriptor. */
    DRUG_UNITS,
    /** "What is POA indicator Y?", "r/o MI in an office note": a guideline concept, from the guidelines section about it. */
    CONCEPT,
    /** "Code for type 2 diabetes with stage 3 CKD?": search. */
    FIND_CODE
}
