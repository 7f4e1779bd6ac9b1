package org.codedesk.coverage.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.codedesk.catalog.CodePageExtension;
import org.codedesk.catalog.CodePageSection;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.coverage.Coverage;
import org.codedesk.coverage.Crosswalk;
import org.codedesk.coverage.MedicareCodeEditor;
import org.codedesk.coverage.Resolution;
import org.springframework.stereotype.Component;

/**
 * The coverage module's premium section on code pages: for a CPT/HCPCS code, the NCDs and articles that govern it with
 * how many diagnoses support it (the lists at /crosswalk); for an ICD-10-CM code, the procedures it supports and the
 * Medicare Code Editor lists it is on; for an ICD-10-PCS code, its MCE lists.
 */
@Component
class CoverageCodePageSections implements CodePageExtension {

    static final String TITLE = "Medicare coverage";
    private static final int SHOWN = 20;

    private final Coverage coverage;
    private final MedicareCodeEditor mce;

    CoverageCodePageSections(Coverage coverage, MedicareCodeEditor mce) {
        this.coverage = coverage;
        this.mce = mce;
    }

    /** A governing document on a procedure's page: its citation, counts per resolution, the first covered codes. */
    public record Governing(String citation, String otherCodes, long covered, long denied, long notSupporting, List<Crosswalk.Diagnosis> firstCovered) { }

    public record ProcedureModel(String code, LocalDate date, String noPolicy, List<Governing> documents) { }

    public record DiagnosisModel(String code, LocalDate date, String noPolicy, List<Crosswalk.ForDiagnosis> documents,
                                 List<MedicareCodeEditor.Listing> mce, String mceRelease) { }

    @Override
    public List<String> sectionTitles(CodeSystem system) {
        return List.of(TITLE);
    }

    @Override
    public List<CodePageSection> sections(CodeSystem system, String key, LocalDate date, Map<String, String> options) {
        String noPolicy = coverage.policies(date).isEmpty() ? coverage.noPolicy(date) + "." : null;
        String mceRelease = mce.release(date).map(r -> r.label() + " (effective " + r.effectiveFrom() + ")").orElse(null);
        return switch (system) {
            case CPT, HCPCS -> key.length() != 5 ? List.of() : List.of(new CodePageSection("coverage", TITLE, "coverage/sections", "procedure",
                    new ProcedureModel(key, date, noPolicy, coverage.diagnosesFor(key, date).stream().map(CoverageCodePageSections::governing).toList())));
            case ICD10CM -> List.of(new CodePageSection("coverage", TITLE, "coverage/sections", "diagnosis",
                    new DiagnosisModel(CodeSystem.ICD10CM.display(key), date, noPolicy, coverage.proceduresFor(key, date), mce.listings(key, date), mceRelease)));
            case ICD10PCS -> List.of(new CodePageSection("coverage", TITLE, "coverage/sections", "diagnosis",
                    new DiagnosisModel(key, date, null, List.of(), mce.listings(key, date), mceRelease)));
        };
    }

    private static Governing governing(Crosswalk.ForProcedure d) {
        List<Crosswalk.Diagnosis> all = d.groups().stream().flatMap(g -> g.codes().stream()).toList();
        return new Governing(d.document().citation(), d.document().otherCodes() == null ? null : d.document().otherCodes().words(),
                count(all, Resolution.COVERED), count(all, Resolution.DENIED), count(all, Resolution.NOT_REASONABLE_AND_NECESSARY),
                all.stream().filter(x -> x.resolution() == Resolution.COVERED).limit(SHOWN).toList());
    }

    private static long count(List<Crosswalk.Diagnosis> all, Resolution resolution) {
        return all.stream().filter(d -> d.resolution() == resolution).count();
    }
}
