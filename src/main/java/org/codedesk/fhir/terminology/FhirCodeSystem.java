package org.codedesk.fhir.terminology;

import java.util.Arrays;
import java.util.Optional;

import org.codedesk.catalog.CodeSystem;

/** CodeDesk's code systems under their FHIR canonical URLs (HL7 terminology registry). */
public enum FhirCodeSystem {
    ICD10CM(CodeSystem.ICD10CM, "http://hl7.org/fhir/sid/icd-10-cm"),
    ICD10PCS(CodeSystem.ICD10PCS, "http://www.cms.gov/Medicare/Coding/ICD10"),
    HCPCS(CodeSystem.HCPCS, "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets"),
    CPT(CodeSystem.CPT, "http://www.ama-assn.org/go/cpt");

    /** ICD-9-CM (diagnoses and volume 3 procedures), the other side of the GEMs; CodeDesk holds no ICD-9-CM titles. */
    public static final String ICD9CM = "http://hl7.org/fhir/sid/icd-9-cm";

    private final CodeSystem system;
    private final String url;

    FhirCodeSystem(CodeSystem system, String url) {
        this.system = system;
        this.url = url;
    }

    public CodeSystem system() { return system; }

    public String url() { return url; }

    /** The resource id: the catalog's slug ("icd10cm"). */
    public String id() { return system.slug(); }

    public static Optional<FhirCodeSystem> ofUrl(String url) {
        String bare = url == null ? "" : url.split("\\|")[0].trim();
        return Arrays.stream(values()).filter(s -> s.url.equals(bare)).findFirst();
    }

    public static Optional<FhirCodeSystem> ofId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equalsIgnoreCase(id)).findFirst();
    }

    public static FhirCodeSystem of(CodeSystem system) {
        return Arrays.stream(values()).filter(s -> s.system == system).findFirst().orElseThrow();
    }
}
