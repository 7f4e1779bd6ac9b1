package org.codedesk.catalog.importing;

import java.util.List;
import java.util.Optional;

import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.importing.RecognizedFile.ReleaseKey;
import org.codedesk.catalog.source.icd10cm.Tabular;
import org.codedesk.catalog.source.icd10cm.TabularAddendaApplier;
import org.codedesk.catalog.source.icd10cm.TabularAddendaParser;
import org.codedesk.catalog.source.icd10cm.TabularAddendaReport;
import org.codedesk.catalog.source.icd10cm.TabularParser;

/**
 * Each year's ICD-10-CM tabular, rebuilt: the newest tabular XML of the import (FY2017's here) with the CDC's tabular
 * addenda after it applied in order, year by year and mid-year update by update. Releases are asked for in date order,
 * so each step continues from the one before; files are parsed only when a release needs them. One per import; not
 * thread-safe. The XML and addenda of one import are what a release's tabular depends on, so they go in its fingerprint.
 */
final class TabularChain {

    /** A release's rebuilt tabular: from which XML, through which addenda, and the reports of the addenda applied for it. */
    record Step(Tabular tabular, String base, List<String> addenda, List<TabularAddendaReport> reports, List<String> unreadable) { }

    private final AddendaChain<Tabular, TabularAddendaReport> chain;

    TabularChain(List<RecognizedFile> scanned) {
        chain = new AddendaChain<>(scanned, FileRole.CM_TABULAR, FileRole.CM_TABULAR_ADDENDA,
                xml -> ReleaseRows.read(xml, (n, in) -> new TabularParser().parse(n, in)),
                (tabular, addenda) -> {
                    var entries = ReleaseRows.read(addenda, (n, in) -> new TabularAddendaParser().parse(n, in));
                    TabularAddendaApplier.Result result = new TabularAddendaApplier().apply(tabular, entries, addenda.release().version());
                    return new AddendaChain.Applied<>(result.tabular(), result.report());
                });
    }

    /** What the release's rebuilt tabular depends on, for its fingerprint ("" when it has none). */
    String fingerprint(ReleaseKey key) {
        return key.system() != CodeSystem.ICD10CM ? "" : String.join(",", chain.dependencies(key));
    }

    /**
     * The release's tabular rebuilt from the XML before it and the addenda up to its date; empty when no addenda lies between
     * them (the XML's own release, or a release with nothing newer to apply). An unreadable addenda is listed; the notes
     * keep the text of the step before.
     */
    Optional<Step> rebuild(ReleaseKey key) {
        return chain.rebuild(key).map(r -> new Step(r.result(), r.base(), r.addenda(), r.reports(), r.unreadable()));
    }
}
