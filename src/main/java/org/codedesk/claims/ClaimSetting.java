package org.codedesk.claims;

import java.util.Arrays;
import java.util.Optional;

import org.codedesk.edits.Setting;

/**
 * Where a claim is billed, which decides the checks that apply: practitioner claims (CMS-1500/837P, the default) get the
 * practitioner NCCI tables and the Physician Fee Schedule; outpatient hospital claims the hospital NCCI tables; DME supplier
 * claims the DME MUEs. Inpatient hospital claims (UB-04/837I, type of bill 11x) get no NCCI edits (CMS applies PTP edits and
 * MUEs to practitioner, outpatient hospital and DME claims only) and are the only claims the Medicare Code Editor's
 * diagnosis edits apply to (the MCE screens inpatient claims for MS-DRG grouping).
 */
enum ClaimSetting {
    PRACTITIONER("practitioner", "practitioner", Setting.PRACTITIONER),
    OUTPATIENT_HOSPITAL("outpatient_hospital", "outpatient hospital", Setting.OUTPATIENT_HOSPITAL),
    INPATIENT_HOSPITAL("inpatient_hospital", "inpatient hospital", null),
    DME("dme", "DME supplier", Setting.DME);

    private final String slug;
    private final String words;
    private final Setting edits;

    ClaimSetting(String slug, String words, Setting edits) {
        this.slug = slug;
        this.words = words;
        this.edits = edits;
    }

    /** As written in forms and JSON: "practitioner", "outpatient_hospital", "inpatient_hospital", "dme". */
    String slug() {
        return slug;
    }

    /** In a sentence: "practitioner", "inpatient hospital". */
    String words() {
        return words;
    }

    /** The NCCI setting whose PTP and MUE tables apply; empty for inpatient claims, which NCCI does not edit. */
    Optional<Setting> edits() {
        return Optional.ofNullable(edits);
    }

    /** Whether the Medicare Code Editor applies: inpatient hospital claims only. */
    boolean inpatient() {
        return this == INPATIENT_HOSPITAL;
    }

    static Optional<ClaimSetting> ofSlug(String slug) {
        String s = slug == null ? "" : slug.trim().replace('-', '_');
        return Arrays.stream(values()).filter(v -> v.slug.equalsIgnoreCase(s)).findFirst();
    }
}
