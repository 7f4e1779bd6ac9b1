package org.codedesk.edits;

import java.util.List;

import org.codedesk.catalog.CptPublicFacts;

/**
 * The public CMS facts of a CPT code, as the catalog's plain-language explanation takes them: the indicators of the global
 * fee schedule row (no modifier) and the MUE of each setting that has one. Only coded values: the RVU file's description
 * column (AMA text) is never stored, and the MUE rationale is not used.
 */
final class PublicCptFacts {

    private PublicCptFacts() {
    }

    static CptPublicFacts of(String code, List<FeeSchedule> fees, List<CodeEdits.MueEntry> mues) {
        FeeSchedule global = fees.stream().filter(f -> f.modifier() == null || f.modifier().isBlank()).findFirst().orElse(null);
        List<CptPublicFacts.Mue> limits = mues.stream().filter(m -> m.limit() != null)
                .map(m -> new CptPublicFacts.Mue(m.setting().slug(), m.limit().value(), m.limit().adjudication(), m.release().citation()))
                .toList();
        if (global == null) {
            return new CptPublicFacts(code, null, null, null, null, null, null, null, null, limits);
        }
        return new CptPublicFacts(code, global.release() == null ? null : global.release().citation(), value(global.status()),
                value(global.globalDays()), value(global.multipleProcedure()), value(global.bilateral()), value(global.assistant()),
                value(global.coSurgeon()), value(global.team()), limits);
    }

    private static String value(Indicator indicator) {
        return indicator == null || indicator.value() == null || indicator.value().isBlank() ? null : indicator.value();
    }
}
