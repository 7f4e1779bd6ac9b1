package org.codedesk.catalog.importing;

import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.importing.RecognizedFile.ReleaseKey;

/**
 * Tells an official file by its published name (CDC, CMS, and CodeDesk's documented CPT file name) and
 * derives the release it belongs to. ICD-10 fiscal year YYYY starts on October 1 of YYYY-1; an April
 * update on April 1 of YYYY; a HCPCS quarterly file on the first day of its quarter.
 */
final class FileRecognizer {

    private static final Pattern CM = Pattern.compile(
            "icd10cm[_-](order[_-]addenda|codes[_-]addenda|order|codes|tabular|index|eindex|drug|neoplasm)[_-](?:(april)[_-]1[_-])?(\\d{4})(?:[_-]xml)?\\.(txt|xml)");
    /** CDC tabular addenda: "icd10cm_tabular addenda_2018.pdf", "icd10cm-tabular-addenda-Jan-2021.pdf", "...-2022-April-1.pdf". */
    private static final Pattern CM_TABULAR_ADDENDA = Pattern.compile(
            "icd-?10-?cm[ _-]tabular[ _-]?addenda[ _-]?(jan[ _-])?(\\d{4})([ _-]april[ _-]1)?.*\\.pdf");
    /**
     * CDC index addenda: "icd10cm_index addenda_2018.pdf", "icd10cm_table drug_addenda_2018.pdf", "icd10cm-eindex-addenda-Jan-2021.pdf",
     * "icd10cm-neoplasm-addenda- 2024.pdf", "icd-10-cm-drug-addenda-2025.pdf", "icd10cm-index-addenda-2022-April-1.pdf".
     */
    private static final Pattern CM_INDEX_ADDENDA = Pattern.compile(
            "icd-?10-?cm[ _-](index|eindex|(?:table[ _-])?drug|neoplasm)[ _-]?addenda[ _-]*(jan[ _-])?(\\d{4})([ _-]april[ _-]1)?.*\\.pdf");
    private static final Pattern CM_CONVERSION = Pattern.compile(
            "icd-10-cm[_-]?conversion[_-]?table[_-]fy(\\d{2,4}).*\\.(xlsx|csv)");
    private static final Pattern CONVERSION_APRIL = Pattern.compile("effective[_-]0?4[_-]0?1[_-]");
    private static final Pattern PCS = Pattern.compile("icd10pcs[_-](order|tables|definitions|index)[_-](\\d{4})\\.(txt|xml)");
    private static final Pattern PCS_ADDENDA = Pattern.compile("order[_-]addenda[_-](\\d{4})\\.txt");
    private static final Pattern HCPCS = Pattern.compile("hcpc(\\d{4})[_-]?(jan|apr|jul|oct)?[_-]?anweb.*\\.(txt|xlsx|xls)");
    private static final Pattern CPT = Pattern.compile("cpt.*?(\\d{4}).*\\.(txt|tsv|csv)");

    Optional<RecognizedFile> recognize(SourceFile file) {
        String name = file.name().toLowerCase(Locale.ROOT);
        Matcher m;
        if ((m = CM.matcher(name)).matches()) {
            int year = Integer.parseInt(m.group(3));
            boolean april = m.group(2) != null;
            FileRole role = switch (m.group(1).replace('-', '_')) {
                case "order_addenda" -> FileRole.CM_ORDER_ADDENDA;
                case "codes_addenda" -> null; // the order addenda carry the same changes with the billable flag
                case "order" -> FileRole.CM_ORDER;
                case "codes" -> FileRole.CM_CODES;
                case "tabular" -> FileRole.CM_TABULAR;
                case "index" -> FileRole.CM_INDEX;
                case "eindex" -> FileRole.CM_EINDEX;
                case "drug" -> FileRole.CM_DRUG;
                default -> FileRole.CM_NEOPLASM;
            };
            return role == null ? Optional.empty() : Optional.of(new RecognizedFile(role, fiscal(CodeSystem.ICD10CM, year, april), file));
        }
        if ((m = CM_TABULAR_ADDENDA.matcher(name)).matches()) {
            int year = Integer.parseInt(m.group(2));
            ReleaseKey key = m.group(1) != null // the January 2021 update belongs to FY2021
                    ? new ReleaseKey(CodeSystem.ICD10CM, "FY" + year + "-01", LocalDate.of(year, 1, 1))
                    : fiscal(CodeSystem.ICD10CM, year, m.group(3) != null);
            return Optional.of(new RecognizedFile(FileRole.CM_TABULAR_ADDENDA, key, file));
        }
        if ((m = CM_INDEX_ADDENDA.matcher(name)).matches()) {
            int year = Integer.parseInt(m.group(3));
            ReleaseKey key = m.group(2) != null
                    ? new ReleaseKey(CodeSystem.ICD10CM, "FY" + year + "-01", LocalDate.of(year, 1, 1))
                    : fiscal(CodeSystem.ICD10CM, year, m.group(4) != null);
            FileRole role = switch (m.group(1)) {
                case "index" -> FileRole.CM_INDEX_ADDENDA;
                case "eindex" -> FileRole.CM_EINDEX_ADDENDA;
                case "neoplasm" -> FileRole.CM_NEOPLASM_ADDENDA;
                default -> FileRole.CM_DRUG_ADDENDA;
            };
            return Optional.of(new RecognizedFile(role, key, file));
        }
        if ((m = CM_CONVERSION.matcher(name)).matches()) {
            int year = Integer.parseInt(m.group(1));
            year = year < 100 ? 2000 + year : year;
            boolean april = CONVERSION_APRIL.matcher(name).find();
            return Optional.of(new RecognizedFile(FileRole.CM_CONVERSION, fiscal(CodeSystem.ICD10CM, year, april), file));
        }
        if ((m = PCS.matcher(name)).matches()) {
            FileRole role = switch (m.group(1)) {
                case "order" -> FileRole.PCS_ORDER;
                case "tables" -> FileRole.PCS_TABLES;
                case "definitions" -> FileRole.PCS_DEFINITIONS;
                default -> FileRole.PCS_INDEX;
            };
            return Optional.of(new RecognizedFile(role, fiscal(CodeSystem.ICD10PCS, Integer.parseInt(m.group(2)), false), file));
        }
        if ((m = PCS_ADDENDA.matcher(name)).matches()) { // the ICD-10-CM one is named icd10cm_order_addenda_YYYY.txt
            return Optional.of(new RecognizedFile(FileRole.PCS_ORDER_ADDENDA, fiscal(CodeSystem.ICD10PCS, Integer.parseInt(m.group(1)), false), file));
        }
        if ((m = HCPCS.matcher(name)).matches()) {
            int year = Integer.parseInt(m.group(1));
            Month month = switch (m.group(2) == null ? "jan" : m.group(2)) {
                case "apr" -> Month.APRIL;
                case "jul" -> Month.JULY;
                case "oct" -> Month.OCTOBER;
                default -> Month.JANUARY;
            };
            FileRole role = name.contains("correction") ? FileRole.HCPCS_CORRECTIONS
                    : name.contains("transaction") ? FileRole.HCPCS_TRANSACTIONS
                    : m.group(3).equals("txt") ? FileRole.HCPCS_TEXT : FileRole.HCPCS_SHEET;
            String version = year + "-" + String.format("%02d", month.getValue());
            return Optional.of(new RecognizedFile(role, new ReleaseKey(CodeSystem.HCPCS, version, LocalDate.of(year, month, 1)), file));
        }
        if ((m = CPT.matcher(name)).matches()) {
            int year = Integer.parseInt(m.group(1));
            return Optional.of(new RecognizedFile(FileRole.CPT_DESCRIPTORS,
                    new ReleaseKey(CodeSystem.CPT, String.valueOf(year), LocalDate.of(year, 1, 1)), file));
        }
        return Optional.empty();
    }

    private static ReleaseKey fiscal(CodeSystem system, int year, boolean april) {
        return april
                ? new ReleaseKey(system, "FY" + year + "-04", LocalDate.of(year, 4, 1))
                : new ReleaseKey(system, "FY" + year, LocalDate.of(year - 1, 10, 1));
    }
}
