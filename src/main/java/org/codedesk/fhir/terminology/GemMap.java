package org.codedesk.fhir.terminology;

import java.util.Arrays;
import java.util.Optional;

import org.codedesk.catalog.CodeSystem;
import org.codedesk.edits.Dataset;
import org.codedesk.edits.GemMapping;

/**
 * The four General Equivalence Mappings as ConceptMaps: each direction between ICD-9-CM and ICD-10-CM (diagnoses)
 * or ICD-10-PCS (procedures). The GEM files write codes without dots; FHIR's ICD-9-CM codes carry them.
 */
enum GemMap {
    ICD10CM_TO_ICD9CM("icd10cm-to-icd9cm", Dataset.GEM_I10_I9, CodeSystem.ICD10CM, true),
    ICD9CM_TO_ICD10CM("icd9cm-to-icd10cm", Dataset.GEM_I9_I10, CodeSystem.ICD10CM, false),
    ICD10PCS_TO_ICD9CM("icd10pcs-to-icd9cm", Dataset.GEM_PCS_I9, CodeSystem.ICD10PCS, true),
    ICD9CM_TO_ICD10PCS("icd9cm-to-icd10pcs", Dataset.GEM_I9_PCS, CodeSystem.ICD10PCS, false);

    private final String id;
    private final Dataset dataset;
    private final CodeSystem icd10;
    private final boolean fromIcd10;

    GemMap(String id, Dataset dataset, CodeSystem icd10, boolean fromIcd10) {
        this.id = id;
        this.dataset = dataset;
        this.icd10 = icd10;
        this.fromIcd10 = fromIcd10;
    }

    String id() { return id; }

    Dataset dataset() { return dataset; }

    String sourceSystem() { return fromIcd10 ? FhirCodeSystem.of(icd10).url() : FhirCodeSystem.ICD9CM; }

    String targetSystem() { return fromIcd10 ? FhirCodeSystem.ICD9CM : FhirCodeSystem.of(icd10).url(); }

    CodeSystem icd10() { return icd10; }

    /** Whether the source side (as published) is the ICD-10 code. */
    boolean fromIcd10() { return fromIcd10; }

    static Optional<GemMap> ofId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equalsIgnoreCase(id)).findFirst();
    }

    /** A code of {@code system} in the GEM files' form: ICD-10 keys, ICD-9-CM without its dot. */
    String fileForm(String system, String code) {
        return system.equals(FhirCodeSystem.ICD9CM) ? code.trim().replace(".", "").toUpperCase(java.util.Locale.ROOT) : icd10.key(code);
    }

    /** A code from the GEM file as FHIR writes it in {@code system}: "82000" is 820.00, "E9300" E930.0, procedure "0231" 02.31. */
    String fhirForm(String system, String code) {
        return system.equals(FhirCodeSystem.ICD9CM) ? GemMapping.icd9(code, icd10 == CodeSystem.ICD10PCS) : icd10.display(code);
    }
}
