package org.codedesk.edits;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a claim is billed, which decides the NCCI tables that apply: practitioner and outpatient hospital
 * claims have PTP and MUE tables of their own; DME supplier claims have MUEs only (NCCI PTP edits do not
 * apply to them).
 */
public enum Setting {
    PRACTITIONER("practitioner", "Practitioner", Dataset.PTP_PRACTITIONER, Dataset.MUE_PRACTITIONER),
    OUTPATIENT_HOSPITAL("outpatient_hospital", "Outpatient hospital", Dataset.PTP_HOSPITAL, Dataset.MUE_HOSPITAL),
    DME("dme", "DME supplier", null, Dataset.MUE_DME);

    private final String slug;
    private final String title;
    private final Dataset ptp;
    private final Dataset mue;

    Setting(String slug, String title, Dataset ptp, Dataset mue) {
        this.slug = slug;
        this.title = title;
        this.ptp = ptp;
        this.mue = mue;
    }

    /** As written in URLs, forms and JSON: "practitioner", "outpatient_hospital", "dme". */
    @com.fasterxml.jackson.annotation.JsonValue
    public String slug() { return slug; }

    public String title() { return title; }

    /** The PTP dataset of this setting; empty for DME, where PTP edits do not apply. */
    public Optional<Dataset> ptp() { return Optional.ofNullable(ptp); }

    public Dataset mue() { return mue; }

    public static Optional<Setting> ofSlug(String slug) {
        return Arrays.stream(values()).filter(s -> s.slug.equalsIgnoreCase(slug == null ? "" : slug.trim().replace('-', '_'))).findFirst();
    }
}
