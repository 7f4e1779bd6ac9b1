package org.codedesk.edits;

import java.time.LocalDate;
import java.util.List;

/**
 * Every edit and fee schedule fact of one CPT or HCPCS code on a date of service: PTP edits per setting (the code
 * in column 1 and in column 2), MUEs per setting, its add-on code edits and the add-on codes of which it is a
 * primary, and its fee schedule rows. Each part carries the release it came from, or in {@code missing} why
 * there is none; {@code staleTables} the sentence for each table answered from an older release than the one in force
 * (see {@link org.codedesk.catalog.Currency}). What the code page and the edits API show.
 */
public record CodeEdits(String code, LocalDate dateOfService, List<PtpTable> ptp, List<MueEntry> mue, EditsRelease addOnRelease,
                        List<AddOnEdit> addOn, List<AddOnEdit> addOnsOfThisPrimary, String addOnMissing, EditsRelease feeScheduleRelease,
                        List<FeeSchedule> feeSchedule, String feeScheduleMissing, List<String> staleTables) {

    /** The public CMS facts of the code (fee schedule indicators, MUEs) for its plain-language explanation. */
    public org.codedesk.catalog.CptPublicFacts publicFacts() {
        return PublicCptFacts.of(code, feeSchedule, mue);
    }

    /** PTP edits of one setting active on the date; {@code release} null and {@code missing} set when none is in force. */
    public record PtpTable(Setting setting, EditsRelease release, List<PtpEdit> asColumn1, List<PtpEdit> asColumn2, String missing) { }

    /** The MUE of one setting; {@code limit} null when the table has none for the code. */
    public record MueEntry(Setting setting, EditsRelease release, MueLimit limit, String missing) { }
}
