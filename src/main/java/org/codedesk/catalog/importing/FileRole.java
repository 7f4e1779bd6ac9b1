package org.codedesk.catalog.importing;

import org.codedesk.catalog.CodeSystem;

/** What an official file is, and so which parser reads it and what it adds to its release. */
enum FileRole {
    CM_ORDER(CodeSystem.ICD10CM, "codes"),
    CM_CODES(CodeSystem.ICD10CM, "codes"),
    CM_TABULAR(CodeSystem.ICD10CM, "tabular"),
    CM_INDEX(CodeSystem.ICD10CM, "index"),
    CM_EINDEX(CodeSystem.ICD10CM, "external-cause-index"),
    CM_DRUG(CodeSystem.ICD10CM, "drug-table"),
    CM_NEOPLASM(CodeSystem.ICD10CM, "neoplasm-table"),
    CM_ORDER_ADDENDA(CodeSystem.ICD10CM, "addenda"),
    /** The CDC's tabular addenda (PDF): applied in order to the newest tabular XML before it, they give this release's tabular. */
    CM_TABULAR_ADDENDA(CodeSystem.ICD10CM, "tabular-addenda"),
    /** The CDC's index addenda (PDF), one per index: applied in order to the newest index XML before it, they give this release's index. */
    CM_INDEX_ADDENDA(CodeSystem.ICD10CM, "index-addenda"),
    CM_EINDEX_ADDENDA(CodeSystem.ICD10CM, "external-cause-index-addenda"),
    CM_DRUG_ADDENDA(CodeSystem.ICD10CM, "drug-table-addenda"),
    CM_NEOPLASM_ADDENDA(CodeSystem.ICD10CM, "neoplasm-table-addenda"),
    CM_CONVERSION(CodeSystem.ICD10CM, "conversion-table"),
    PCS_ORDER(CodeSystem.ICD10PCS, "codes"),
    PCS_TABLES(CodeSystem.ICD10PCS, "tables"),
    PCS_DEFINITIONS(CodeSystem.ICD10PCS, "definitions"),
    PCS_INDEX(CodeSystem.ICD10PCS, "index"),
    PCS_ORDER_ADDENDA(CodeSystem.ICD10PCS, "addenda"),
    HCPCS_TEXT(CodeSystem.HCPCS, "codes"),
    HCPCS_SHEET(CodeSystem.HCPCS, "codes"),
    /** CMS's corrections workbook published beside a quarter's ANWEB file: recorded, never read as the code file. */
    HCPCS_CORRECTIONS(CodeSystem.HCPCS, "corrections"),
    /** CMS's transaction report (the quarter's changes as a workbook): recorded, never read as the code file. */
    HCPCS_TRANSACTIONS(CodeSystem.HCPCS, "transaction-report"),
    CPT_DESCRIPTORS(CodeSystem.CPT, "codes");

    final CodeSystem system;
    final String content;

    FileRole(CodeSystem system, String content) {
        this.system = system;
        this.content = content;
    }
}
