package org.codedesk.catalog.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.codedesk.catalog.CodeSystem;
import org.junit.jupiter.api.Test;

class FileRecognizerTest {

    private final FileRecognizer recognizer = new FileRecognizer();

    private RecognizedFile recognize(String name) {
        return recognizer.recognize(new SourceFile(name, name, null, null, "0", 0)).orElse(null);
    }

    @Test
    void icd10cmFilesBelongToTheirFiscalYear() {
        RecognizedFile order = recognize("icd10cm_order_2026.txt");
        assertThat(order.role()).isEqualTo(FileRole.CM_ORDER);
        assertThat(order.release()).isEqualTo(new RecognizedFile.ReleaseKey(CodeSystem.ICD10CM, "FY2026", LocalDate.of(2025, 10, 1)));
        assertThat(recognize("icd10cm-order-2026.txt").role()).isEqualTo(FileRole.CM_ORDER);
        assertThat(recognize("icd10cm_tabular_2017.xml").role()).isEqualTo(FileRole.CM_TABULAR);
        assertThat(recognize("icd10cm_order_addenda_2026.txt").role()).isEqualTo(FileRole.CM_ORDER_ADDENDA);
        assertThat(recognize("icd10cm_codes_addenda_2026.txt")).isNull();
    }

    @Test
    void aprilUpdatesAreTheirOwnRelease() {
        RecognizedFile drug = recognize("icd10cm-drug-April-1-2026-XML.xml");
        assertThat(drug.role()).isEqualTo(FileRole.CM_DRUG);
        assertThat(drug.release().version()).isEqualTo("FY2026-04");
        assertThat(drug.release().effectiveFrom()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(recognize("ICD-10-CM-Conversion-Table-FY2022-Effective-04-01-2022.xlsx").release().version()).isEqualTo("FY2022-04");
        assertThat(recognize("ICD-10-CM_ConversionTable-FY17.xlsx").release().version()).isEqualTo("FY2017");
    }

    @Test
    void indexAddendaAsTheCdcNamesThem() {
        assertThat(recognize("icd10cm_index addenda_2018.pdf")).extracting(RecognizedFile::role, f -> f.release().version())
                .containsExactly(FileRole.CM_INDEX_ADDENDA, "FY2018");
        assertThat(recognize("icd10cm_table drug_addenda_2018.pdf").role()).isEqualTo(FileRole.CM_DRUG_ADDENDA);
        assertThat(recognize("icd10cm_eindex_addenda_2019.pdf").role()).isEqualTo(FileRole.CM_EINDEX_ADDENDA);
        assertThat(recognize("icd10cm-neoplasm-addenda- 2024.pdf")).extracting(RecognizedFile::role, f -> f.release().version())
                .containsExactly(FileRole.CM_NEOPLASM_ADDENDA, "FY2024");
        assertThat(recognize("icd-10-cm-drug-addenda-2025.pdf").release().version()).isEqualTo("FY2025");
        assertThat(recognize("icd10cm-index-addenda-Jan-2021.pdf").release().version()).isEqualTo("FY2021-01");
        assertThat(recognize("icd10cm-eindex-addenda-2022-April-1.pdf").release().version()).isEqualTo("FY2022-04");
    }

    @Test
    void pcsHcpcsAndCpt() {
        assertThat(recognize("icd10pcs_tables_2025.xml").release().version()).isEqualTo("FY2025");
        assertThat(recognize("order_addenda_2026.txt").role()).isEqualTo(FileRole.PCS_ORDER_ADDENDA);
        RecognizedFile hcpcs = recognize("HCPC2025_OCT_ANWEB.xlsx");
        assertThat(hcpcs.role()).isEqualTo(FileRole.HCPCS_SHEET);
        assertThat(hcpcs.release()).isEqualTo(new RecognizedFile.ReleaseKey(CodeSystem.HCPCS, "2025-10", LocalDate.of(2025, 10, 1)));
        assertThat(recognize("HCPC2020_ANWEB_w_disclaimer.txt").release().version()).isEqualTo("2020-01");
        assertThat(recognize("cpt-descriptors-2026.tsv").release().system()).isEqualTo(CodeSystem.CPT);
        assertThat(recognize("icd10cmCodesFile.pdf")).isNull();
        assertThat(recognize("HCPC2020_TRANS_ALPHA_w_disclaimer.xlsx")).isNull();
        // January 2026 zip: the code file and, beside it, a corrections workbook and a transaction report
        assertThat(recognize("HCPC2026_JAN_ANWEB_01122026.txt").role()).isEqualTo(FileRole.HCPCS_TEXT);
        assertThat(recognize("HCPC2026_JAN_ANWEB_01122026.xlsx").role()).isEqualTo(FileRole.HCPCS_SHEET);
        assertThat(recognize("HCPC2026_JAN_ANWEB_Corrections_01122026.xlsx").role()).isEqualTo(FileRole.HCPCS_CORRECTIONS);
        assertThat(recognize("HCPC2026_JAN_ANWEB_Transaction Report_12292025.xlsx").role()).isEqualTo(FileRole.HCPCS_TRANSACTIONS);
        assertThat(recognize("HCPC2026_JAN_ANWEB_Corrections_01122026.xlsx").release().version()).isEqualTo("2026-01");
    }
}
