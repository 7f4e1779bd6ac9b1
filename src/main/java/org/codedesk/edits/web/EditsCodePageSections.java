package org.codedesk.edits.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.codedesk.catalog.CodePageExtension;
import org.codedesk.catalog.CodePageSection;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.edits.AddOnEdit;
import org.codedesk.edits.CodeEdits;
import org.codedesk.edits.Dataset;
import org.codedesk.edits.Edits;
import org.codedesk.edits.EditsRelease;
import org.codedesk.edits.FeeSchedule;
import org.codedesk.edits.GemMapping;
import org.codedesk.edits.Locality;
import org.codedesk.edits.PtpEdit;
import org.codedesk.edits.Setting;
import org.springframework.stereotype.Component;

/**
 * The edits module's sections on code pages: NCCI PTP edits, MUEs, add-on code edits and the fee schedule
 * for CPT and HCPCS codes; GEMs for ICD-10-CM and ICD-10-PCS codes. Each fact names its table and quarter;
 * a table not imported for the date is said to be missing, never left blank.
 */
@Component
class EditsCodePageSections implements CodePageExtension, org.codedesk.catalog.CptFactsSource {

    static final int SHOWN = 100;
    private static final String TEMPLATE = "edits/sections";

    private final Edits edits;

    EditsCodePageSections(Edits edits) {
        this.edits = edits;
    }

    @Override
    public List<String> sectionTitles(CodeSystem system) {
        return switch (system) {
            case CPT, HCPCS -> List.of("NCCI PTP edits", "Medically unlikely edits", "Add-on code edits", "Physician Fee Schedule");
            case ICD10CM, ICD10PCS -> List.of("ICD-9 mappings (GEMs)");
        };
    }

    @Override
    public org.codedesk.catalog.CptPublicFacts publicFacts(String key, LocalDate date) {
        return edits.publicFacts(key, date);
    }

    @Override
    public List<CodePageSection> sections(CodeSystem system, String key, LocalDate date, Map<String, String> options) {
        return switch (system) {
            case CPT, HCPCS -> key.length() == 5 ? procedureSections(key, date, options.get("locality")) : List.of();
            case ICD10CM -> List.of(gems(key, date, Dataset.GEM_I10_I9, Dataset.GEM_I9_I10, "ICD-9-CM diagnosis"));
            case ICD10PCS -> List.of(gems(key, date, Dataset.GEM_PCS_I9, Dataset.GEM_I9_PCS, "ICD-9-CM procedure"));
        };
    }

    /** PTP edits of one setting with the code in column 1 and in column 2 (first {@value #SHOWN} of each shown). */
    record PtpTable(Setting setting, EditsRelease release, String missing, List<PtpEdit> asColumn1, int column1Total,
                    List<PtpEdit> asColumn2, int column2Total) { }

    /** Each model's {@code stale}: the sentence of each of its tables answered from an older release than the one in force. */
    record PtpModel(String code, LocalDate date, List<PtpTable> tables, List<String> stale) { }

    record MueModel(String code, LocalDate date, List<CodeEdits.MueEntry> rows, List<String> stale) { }

    record AddOnModel(String code, LocalDate date, EditsRelease release, String missing, List<AddOnEdit> rows, String typeWords,
                      List<AddOnEdit> addOnsOfThis, List<String> stale) { }

    /** {@code imagingCaps}: the OPPSCAP release of the fee schedule release, null when not imported (then nothing is capped). */
    record FeeModel(String code, LocalDate date, EditsRelease release, String missing, List<FeeSchedule> rows, List<Locality> localities,
                    String locality, EditsRelease imagingCaps, List<String> stale) { }

    record GemModel(String code, String otherSystem, EditsRelease forwardRelease, List<GemMapping> forward, EditsRelease backwardRelease,
                    List<GemMapping> backward) { }

    private List<CodePageSection> procedureSections(String code, LocalDate date, String localityId) {
        List<Locality> localities = edits.localities(date);
        Optional<Locality> chosen = localities.stream().filter(l -> l.id().equalsIgnoreCase(localityId == null ? "" : localityId)).findFirst();
        CodeEdits e = edits.codeEdits(code, date, chosen);
        List<PtpTable> ptp = e.ptp().stream().map(t -> new PtpTable(t.setting(), t.release(), t.missing(), first(t.asColumn1()),
                t.asColumn1().size(), first(t.asColumn2()), t.asColumn2().size())).toList();
        String typeWords = e.addOn().isEmpty() ? null : edits.addOnTypeWords(e.addOn().get(0).editType());
        return List.of(
                new CodePageSection("ptp", "NCCI PTP edits", TEMPLATE, "ptp", new PtpModel(code, date, ptp,
                        stale(date, Dataset.PTP_PRACTITIONER, Dataset.PTP_HOSPITAL))),
                new CodePageSection("mue", "Medically unlikely edits", TEMPLATE, "mue", new MueModel(code, date, e.mue(),
                        stale(date, Dataset.MUE_PRACTITIONER, Dataset.MUE_HOSPITAL, Dataset.MUE_DME))),
                new CodePageSection("add-on", "Add-on code edits", TEMPLATE, "addon", new AddOnModel(code, date, e.addOnRelease(),
                        e.addOnMissing(), e.addOn(), typeWords, e.addOnsOfThisPrimary(), stale(date, Dataset.ADD_ON))),
                new CodePageSection("fees", "Physician Fee Schedule", TEMPLATE, "fees", new FeeModel(code, date, e.feeScheduleRelease(),
                        e.feeScheduleMissing(), e.feeSchedule(), localities, chosen.map(Locality::id).orElse(""),
                        e.feeScheduleRelease() == null ? null : edits.imagingCaps(e.feeScheduleRelease()).orElse(null),
                        stale(date, Dataset.PFS_RVU))));
    }

    /** The sentences of the tables answered from an older release (a table never imported says so in its own place). */
    private List<String> stale(LocalDate date, Dataset... datasets) {
        return java.util.Arrays.stream(datasets).map(d -> edits.currency(d, date)).filter(c -> c.stale() && c.shown() != null)
                .map(org.codedesk.catalog.Currency::sentence).toList();
    }

    private CodePageSection gems(String key, LocalDate date, Dataset forward, Dataset backward, String otherSystem) {
        Optional<EditsRelease> f = edits.gemRelease(forward, date);
        Optional<EditsRelease> b = edits.gemRelease(backward, date);
        return new CodePageSection("gems", "ICD-9 mappings (GEMs)", TEMPLATE, "gems", new GemModel(key, otherSystem, f.orElse(null),
                edits.gems(forward, key, true, date), b.orElse(null), edits.gems(backward, key, false, date)));
    }


    private static <T> List<T> first(List<T> all) {
        return all.size() <= SHOWN ? all : all.subList(0, SHOWN);
    }
}
