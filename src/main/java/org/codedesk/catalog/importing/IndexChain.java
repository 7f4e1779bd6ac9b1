package org.codedesk.catalog.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.importing.RecognizedFile.ReleaseKey;
import org.codedesk.catalog.source.icd10cm.IndexAddendaApplier;
import org.codedesk.catalog.source.icd10cm.IndexAddendaEntry;
import org.codedesk.catalog.source.icd10cm.IndexAddendaParser;
import org.codedesk.catalog.source.icd10cm.IndexAddendaReport;
import org.codedesk.catalog.source.icd10cm.IndexFile;
import org.codedesk.catalog.source.icd10cm.IndexKind;
import org.codedesk.catalog.source.icd10cm.IndexParser;

/**
 * Each year's four ICD-10-CM indexes (alphabetic, external cause, drugs, neoplasms), rebuilt like {@link TabularChain}
 * rebuilds the tabular: the newest index XML of the import in force on the release's date (FY2017's; the April 2026 XML
 * for the tables from then on) with the CDC's index addenda after it applied in order. A release gets a rebuilt index of a
 * kind when it has that kind's addenda and no XML of that kind of its own (an official XML always wins); releases without
 * either, or whose addenda change nothing ("There were no changes to the Table of Neoplasms"), are served the index of the
 * release before them. Releases are asked for in date order, so each step continues
 * from the one before. One per import; not thread-safe.
 */
final class IndexChain {

    /** The XML and addenda roles of each index. */
    record Roles(FileRole xml, FileRole addenda) { }

    static final Map<IndexKind, Roles> ROLES = new EnumMap<>(Map.of(
            IndexKind.INDEX, new Roles(FileRole.CM_INDEX, FileRole.CM_INDEX_ADDENDA),
            IndexKind.EXTERNAL_CAUSE, new Roles(FileRole.CM_EINDEX, FileRole.CM_EINDEX_ADDENDA),
            IndexKind.DRUG, new Roles(FileRole.CM_DRUG, FileRole.CM_DRUG_ADDENDA),
            IndexKind.NEOPLASM, new Roles(FileRole.CM_NEOPLASM, FileRole.CM_NEOPLASM_ADDENDA)));

    /** A release's rebuilt index: from which XML, through which addenda, and the reports of the addenda applied for it. */
    record Step(IndexKind kind, IndexFile index, String base, List<String> addenda, List<IndexAddendaReport> reports,
                List<String> unreadable) { }

    private final Map<IndexKind, Chain> chains = new EnumMap<>(IndexKind.class);

    IndexChain(List<RecognizedFile> scanned) {
        ROLES.forEach((kind, roles) -> chains.put(kind, new Chain(kind, scanned, roles)));
    }

    /**
     * What the release's rebuilt indexes depend on, for its fingerprint ("" when none is rebuilt): the files of the chain
     * and the applier's revision, so that a database whose indexes an earlier applier rebuilt has them rebuilt again by
     * the next import (revision 2: notes of the index filed under their term, see {@link IndexAddendaApplier}).
     */
    String fingerprint(ReleaseKey key, Map<FileRole, RecognizedFile> own) {
        if (key.system() != CodeSystem.ICD10CM) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        chains.forEach((kind, chain) -> {
            if (rebuilds(kind, own)) {
                parts.addAll(chain.dependencies(key));
            }
        });
        return parts.isEmpty() ? "" : "applier " + IndexAddendaApplier.REVISION + "," + String.join(",", parts);
    }

    private static boolean rebuilds(IndexKind kind, Map<FileRole, RecognizedFile> own) {
        return own.containsKey(ROLES.get(kind).addenda()) && !own.containsKey(ROLES.get(kind).xml());
    }

    /** The release's rebuilt indexes, one per kind it has addenda (and no XML) for. */
    List<Step> rebuild(ReleaseKey key, Map<FileRole, RecognizedFile> own) {
        List<Step> steps = new ArrayList<>();
        chains.forEach((kind, chain) -> {
            if (rebuilds(kind, own)) {
                chain.rebuild(key).ifPresent(steps::add);
            }
        });
        return steps;
    }

    /** One index's chain. */
    private static final class Chain {
        private final IndexKind kind;
        private final AddendaChain<IndexFile, IndexAddendaReport> chain;

        Chain(IndexKind kind, List<RecognizedFile> scanned, Roles roles) {
            this.kind = kind;
            this.chain = new AddendaChain<>(scanned, roles.xml(), roles.addenda(),
                    xml -> ReleaseRows.read(xml, (n, in) -> new IndexParser().parse(kind, n, in)),
                    (index, addenda) -> {
                        List<IndexAddendaEntry> entries = ReleaseRows.read(addenda, (n, in) -> new IndexAddendaParser().parse(kind, n, in));
                        IndexAddendaApplier.Result result = new IndexAddendaApplier().apply(index, entries, addenda.release().version());
                        return new AddendaChain.Applied<>(result.index(), result.report());
                    });
        }

        List<String> dependencies(ReleaseKey key) {
            return chain.dependencies(key);
        }

        Optional<Step> rebuild(ReleaseKey key) {
            return chain.rebuild(key)
                    // "no changes for FY2021": the release before holds the same index, and its dates' lookups reach it
                    .filter(r -> !r.unreadable().isEmpty() || r.reports().stream().anyMatch(rep -> rep.applied() > 0 || !rep.skipped().isEmpty()))
                    .map(r -> new Step(kind, r.result(), r.base(), r.addenda(), r.reports(), r.unreadable()));
        }
    }
}
