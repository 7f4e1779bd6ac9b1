package org.codedesk.coverage.source;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a coverage source says, ready to store: documents (NCDs, LCDs, articles), the CPT/HCPCS codes each governs,
 * the ICD-10-CM codes each lists with their resolution, and the paragraphs that head an article's code groups.
 * Codes are in key form (upper case, no dot).
 */
public record CoverageSet(List<Document> documents, List<Procedure> procedures, List<Diagnosis> diagnoses, List<Group> groups) {

    public static final int COVERED = 1;
    public static final int DENIED = 2;
    public static final int NOT_REASONABLE_AND_NECESSARY = 3;

    /**
     * @param otherResolution the resolution of every ICD-10-CM code the document does not list (null: none said)
     * @param related         the LCD an article belongs to, as cited ("LCD L33252 Vitamin D Assay Testing"); null when none
     */
    public record Document(String id, String kind, String title, LocalDate effectiveFrom, LocalDate effectiveTo, Integer otherResolution,
                           String related) {

        Document withRelated(String citation) {
            return new Document(id, kind, title, effectiveFrom, effectiveTo, otherResolution, citation);
        }
    }

    public record Procedure(String documentId, String code, LocalDate effectiveFrom, LocalDate effectiveTo) { }

    public record Diagnosis(String documentId, String code, int resolution, int group, LocalDate effectiveFrom, LocalDate effectiveTo) { }

    public record Group(String documentId, int group, String paragraph) { }

    public static CoverageSet empty() {
        return new CoverageSet(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    public int rows() {
        return documents.size() + procedures.size() + diagnoses.size() + groups.size();
    }

    /** ICD-10-CM and CPT/HCPCS codes as stored: the catalog's key form (no dot, no spaces, upper case, alike for every system). */
    public static String key(String code) {
        return org.codedesk.catalog.CodeSystem.ICD10CM.key(code);
    }
}
