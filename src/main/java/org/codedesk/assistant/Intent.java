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
    /** "Code for type 2 diabetes with stage 3 CKD?": search. */
    FIND_CODE
}
