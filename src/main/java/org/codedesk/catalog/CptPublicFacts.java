package org.codedesk.catalog;

import java.util.List;

/**
 * The public CMS facts of one CPT code that a page may explain in plain words when the operator has no AMA licence: the
 * coded indicators of its Physician Fee Schedule record (global row, no modifier) and its MUE per setting. Raw values as
 * the files give them ("090", "2"...); any field null when the file has no row. Never carries descriptor text. Built by the
 * edits module, which owns those files; explained by {@link CptPlainLanguage}.
 */
public record CptPublicFacts(String code, String feeScheduleRelease, String status, String globalDays, String multipleProcedure,
                             String bilateral, String assistant, String coSurgeons, String team, List<Mue> mues) {

    public CptPublicFacts {
        mues = mues == null ? List.of() : List.copyOf(mues);
    }

    /** The MUE of one setting ("practitioner", "outpatient_hospital", "dme"): most units per day or line, and how it is applied. */
    public record Mue(String setting, int value, int adjudication, String release) { }

    /** Whether any fact is on file (a fee schedule row or an MUE). */
    public boolean any() {
        return status != null || globalDays != null || !mues.isEmpty();
    }
}
