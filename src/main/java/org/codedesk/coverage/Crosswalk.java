package org.codedesk.coverage;

import java.util.List;

/** What the coverage module answers for crosswalk questions; codes as coders write them (E55.9, 82306). */
public final class Crosswalk {

    private Crosswalk() {
    }

    /** An ICD-10-CM code listed by a document, with its title from the release in force and the document's resolution. */
    public record Diagnosis(String code, String title, Resolution resolution) { }

    /** The codes of one group of a document (an article's covered group and its paragraph; an NCD's codes of one resolution). */
    public record Group(String paragraph, Resolution resolution, List<Diagnosis> codes) { }

    /** For a CPT/HCPCS code: a document that governs it, the procedure codes it governs, and its diagnosis groups. */
    public record ForProcedure(CoverageDocument document, List<String> procedures, List<Group> groups, int codeCount) { }

    /**
     * For an ICD-10-CM code: a document that lists it, what it says of it ({@code resolution}; null when the document was
     * found by its title), and the procedures the document governs.
     */
    public record ForDiagnosis(CoverageDocument document, Resolution resolution, List<String> procedures) { }
}
