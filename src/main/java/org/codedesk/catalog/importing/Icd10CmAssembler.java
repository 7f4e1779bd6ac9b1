package org.codedesk.catalog.importing;

import static org.codedesk.catalog.importing.ReleaseRows.count;
import static org.codedesk.catalog.importing.ReleaseRows.read;
import static org.codedesk.catalog.importing.ReleaseRows.readOptional;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.source.AddendaComparison;
import org.codedesk.catalog.source.OrderFileEntry;
import org.codedesk.catalog.source.OrderFileParser;
import org.codedesk.catalog.source.icd10cm.CodeConversion;
import org.codedesk.catalog.source.icd10cm.CodesFileParser;
import org.codedesk.catalog.source.icd10cm.ConversionTableParser;
import org.codedesk.catalog.source.icd10cm.IndexAddendaReport;
import org.codedesk.catalog.source.icd10cm.IndexFile;
import org.codedesk.catalog.source.icd10cm.IndexKind;
import org.codedesk.catalog.source.icd10cm.IndexParser;
import org.codedesk.catalog.source.icd10cm.InstructionalNote;
import org.codedesk.catalog.source.icd10cm.OrderAddendaParser;
import org.codedesk.catalog.source.icd10cm.SeventhCharacter;
import org.codedesk.catalog.source.icd10cm.Tabular;
import org.codedesk.catalog.source.icd10cm.TabularAddendaEntry;
import org.codedesk.catalog.source.icd10cm.TabularAddendaReport;
import org.codedesk.catalog.source.icd10cm.TabularCodes;
import org.codedesk.catalog.source.icd10cm.TabularNode;
import org.codedesk.catalog.source.icd10cm.TabularParser;

/** Builds the rows of one ICD-10-CM release from whichever of its official files are present. */
final class Icd10CmAssembler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Icd10CmAssembler.class);

    private static final Pattern CHAPTER_RANGE = Pattern.compile("\\(([A-Z][0-9][0-9A-Z])-([A-Z][0-9][0-9A-Z])\\)\\s*$");
    private static final CodeSystem CM = CodeSystem.ICD10CM;

    ReleaseContent assemble(Map<FileRole, RecognizedFile> files) {
        return assemble(files, Optional.empty());
    }

    /**
     * The release's rows; its notes, headings and 7th characters from its own tabular XML, else from {@code rebuilt} (an
     * older XML with the addenda up to this release applied; see {@link TabularChain}), whose codes are then checked
     * against the order file's.
     */
    ReleaseContent assemble(Map<FileRole, RecognizedFile> files, Optional<TabularChain.Step> rebuilt) {
        return assemble(files, rebuilt, List.of());
    }

    /**
     * As {@link #assemble(Map, Optional)}, with the indexes rebuilt from an older XML and the index addenda (see
     * {@link IndexChain}) for the kinds this release has no XML of.
     */
    ReleaseContent assemble(Map<FileRole, RecognizedFile> files, Optional<TabularChain.Step> rebuilt, List<IndexChain.Step> indexes) {
        ReleaseContent content = new ReleaseContent();
        Tabular own = files.containsKey(FileRole.CM_TABULAR)
                ? read(files.get(FileRole.CM_TABULAR), (name, in) -> new TabularParser().parse(name, in)) : null;
        Tabular tabular = own != null ? own : rebuilt.map(TabularChain.Step::tabular).orElse(null);
        if (files.containsKey(FileRole.CM_ORDER)) {
            List<OrderFileEntry> order = read(files.get(FileRole.CM_ORDER), (n, in) -> new OrderFileParser().parse(n, in));
            for (OrderFileEntry e : order) {
                content.codes.add(new ReleaseContent.CodeRow(e.code(), CM.display(e.code()), "code", e.billable(),
                        e.shortDescription(), e.longDescription(), null, null, e.order(), false));
            }
            count(content, FileRole.CM_ORDER, order.size());
        } else if (files.containsKey(FileRole.CM_CODES)) {
            Map<String, String> codes = read(files.get(FileRole.CM_CODES), (n, in) -> new CodesFileParser().parse(n, in));
            int order = 0;
            for (var e : codes.entrySet()) {
                content.codes.add(new ReleaseContent.CodeRow(e.getKey(), CM.display(e.getKey()), "code", true,
                        null, e.getValue(), null, null, ++order, false));
            }
            count(content, FileRole.CM_CODES, codes.size());
        } else if (own != null) {
            addCodesFromTabular(own, content);
        }
        if (tabular != null) {
            addTabular(tabular, content);
            if (own != null) {
                count(content, FileRole.CM_TABULAR, tabular.nodes().size());
            }
        }
        if (own == null && rebuilt.isPresent()) {
            describeRebuild(rebuilt.get(), content);
        }
        ReleaseRows.linkParents(content.codes, headingsOfCategories(tabular));
        addIndex(files.get(FileRole.CM_INDEX), IndexKind.INDEX, content);
        addIndex(files.get(FileRole.CM_EINDEX), IndexKind.EXTERNAL_CAUSE, content);
        addIndex(files.get(FileRole.CM_DRUG), IndexKind.DRUG, content);
        addIndex(files.get(FileRole.CM_NEOPLASM), IndexKind.NEOPLASM, content);
        for (IndexChain.Step step : indexes) {
            if (!files.containsKey(IndexChain.ROLES.get(step.kind()).xml())) { // an official XML of the release wins
                addIndex(step.index(), step.kind(), content);
                describeRebuild(step, content);
            }
        }
        if (files.containsKey(FileRole.CM_ORDER_ADDENDA)) {
            readOptional(content, files.get(FileRole.CM_ORDER_ADDENDA), (n, in) -> new OrderAddendaParser().parse(n, in)).ifPresent(addenda -> {
                addenda.forEach(a -> content.changes.add(new ReleaseContent.ChangeRow(a.code(), a.action(), a.billable(), a.longDescription())));
                content.orderAddenda.addAll(addenda);
                content.addendaComparesOneFile = read(files.get(FileRole.CM_ORDER_ADDENDA), (n, in) -> AddendaComparison.comparesOneFile(n, in));
                count(content, FileRole.CM_ORDER_ADDENDA, addenda.size());
            });
        }
        if (files.containsKey(FileRole.CM_CONVERSION)) {
            List<CodeConversion> conversions = readOptional(content, files.get(FileRole.CM_CONVERSION),
                    (n, in) -> new ConversionTableParser().parse(n, in)).orElse(List.of());
            for (CodeConversion c : conversions) {
                for (String previous : c.previousCodes()) {
                    // "H8141-H8143" is a range: its upper bound is padded so that codes below H81.43 fall inside it
                    String[] range = CM.key(previous).split("-");
                    String to = range.length == 2 ? range[1] + "ZZZZ" : null;
                    content.conversions.add(new ReleaseContent.ConversionRow(c.effectiveDate(), CM.key(c.currentCode()),
                            range[0], to, c.previousCodesText()));
                }
            }
            count(content, FileRole.CM_CONVERSION, conversions.size());
        }
        files.keySet().forEach(role -> content.contents.add(role.content));
        return content;
    }

    private static void addCodesFromTabular(Tabular tabular, ReleaseContent content) {
        Set<String> parents = new HashSet<>();
        tabular.nodes().forEach(n -> parents.add(n.parent()));
        for (TabularNode n : tabular.nodes()) {
            if (n.kind() == TabularNode.Kind.DIAG) {
                String key = CM.key(n.code());
                content.codes.add(new ReleaseContent.CodeRow(key, n.code(), "code", !parents.contains(n.code()),
                        null, n.description(), null, null, n.order(), n.placeholder()));
            }
        }
    }

    private static void addTabular(Tabular tabular, ReleaseContent content) {
        Map<String, String> ownerKey = new HashMap<>();
        for (TabularNode n : tabular.nodes()) {
            switch (n.kind()) {
                case CHAPTER -> {
                    String id = "chapter:" + n.code();
                    ownerKey.put(n.code(), id);
                    Matcher range = CHAPTER_RANGE.matcher(n.description());
                    boolean ranged = range.find();
                    content.headings.add(new ReleaseContent.HeadingRow(id, "chapter", n.description(), null,
                            ranged ? range.group(1) : null, ranged ? range.group(2) : null, n.order()));
                }
                case SECTION -> {
                    String id = "section:" + n.code();
                    ownerKey.put(n.code(), id);
                    String[] range = n.code().split("-");
                    content.headings.add(new ReleaseContent.HeadingRow(id, "section", n.description(), ownerKey.get(n.parent()),
                            range[0], range[range.length - 1], n.order()));
                }
                case DIAG -> ownerKey.put(n.code(), CM.key(n.code()));
            }
        }
        Set<String> placeholders = new HashSet<>();
        tabular.nodes().stream().filter(TabularNode::placeholder).forEach(n -> placeholders.add(CM.key(n.code())));
        content.codes.replaceAll(c -> placeholders.contains(c.code())
                ? new ReleaseContent.CodeRow(c.code(), c.displayCode(), c.kind(), c.billable(), c.shortDesc(), c.longDesc(),
                        c.parentCode(), c.headingId(), c.sortOrder(), true)
                : c);
        for (InstructionalNote note : tabular.notes()) {
            content.notes.add(new ReleaseContent.NoteRow(ownerKey.get(note.owner()), note.kind().name(), note.sequence(), note.text(),
                    note.leadIn(), note.leadInSequence(), note.since()));
        }
        for (SeventhCharacter s : tabular.seventhCharacters()) {
            content.sevenths.add(new ReleaseContent.SeventhRow(CM.key(s.owner()), s.character(), s.meaning(), s.since()));
        }
    }

    /** Category key to the id of the section that holds it in the tabular, when this release has one. */
    private static Map<String, String> headingsOfCategories(Tabular tabular) {
        Map<String, String> result = new HashMap<>();
        if (tabular != null) {
            for (TabularNode n : tabular.nodes()) {
                if (n.kind() == TabularNode.Kind.DIAG && n.code().length() == 3) {
                    result.put(n.code(), "section:" + n.parent());
                }
            }
        }
        return result;
    }

    private static void addIndex(RecognizedFile file, IndexKind kind, ReleaseContent content) {
        if (file == null) {
            return;
        }
        IndexFile index = read(file, (n, in) -> new IndexParser().parse(kind, n, in));
        addIndex(index, kind, content);
        count(content, file.role(), index.terms().size());
    }

    private static void addIndex(IndexFile index, IndexKind kind, ReleaseContent content) {
        Map<Integer, String> paths = new HashMap<>();
        for (var term : index.terms()) {
            String title = term.nonessentialModifiers() == null ? term.title() : term.title() + " " + term.nonessentialModifiers();
            String path = term.parentId() == 0 ? term.title() : paths.get(term.parentId()) + " > " + term.title();
            paths.put(term.id(), path);
            content.indexTerms.add(new ReleaseContent.IndexTermRow(kind.name(), term.id(), term.parentId(), term.level(),
                    title, term.nonessentialModifiers(), keyOrNull(term.code()), manifestation(term.manifestationCode()),
                    term.see(), term.seeAlso(), null, null, path));
            for (var cell : term.cells()) {
                content.indexCells.add(new ReleaseContent.IndexCellRow(kind.name(), term.id(), cell.column(), cell.heading(),
                        keyOrNull(cell.code())));
            }
        }
    }

    /** How many entries of a release's index addenda are shown in the import report; the log has them all. */
    private static final int SKIPPED_SHOWN = 5;

    /**
     * Says in the report how the release's index of one kind was made: from which XML, through which addenda, and for this
     * release's addenda the changes applied and those not applied (by cause, the first few with file, page, line and
     * reason; every one in the log).
     */
    private static void describeRebuild(IndexChain.Step step, ReleaseContent content) {
        IndexChain.Roles roles = IndexChain.ROLES.get(step.kind());
        content.contents.add(roles.xml().content);
        content.contents.add(roles.xml().content + "-rebuilt");
        int applied = step.reports().stream().mapToInt(IndexAddendaReport::applied).sum();
        List<IndexAddendaReport.Skipped> skipped = step.reports().stream().flatMap(r -> r.skipped().stream()).toList();
        count(content, roles.xml(), step.index().terms().size());
        count(content, roles.addenda(), applied + skipped.size());
        Map<TabularAddendaReport.Cause, Integer> causes = new java.util.EnumMap<>(TabularAddendaReport.Cause.class);
        skipped.forEach(s -> causes.merge(s.cause(), 1, Integer::sum));
        content.derivations.add(roles.xml().content + " rebuilt from " + step.base() + " and the addenda " + String.join(", ", step.addenda())
                + " (this release's addenda: " + applied + " changes applied, " + skipped.size() + " not applied"
                + (causes.isEmpty() ? "" : " " + causes) + ")");
        step.unreadable().forEach(u -> content.skipped.add(u + " (the " + roles.xml().content + " keeps the state before it)"));
        skipped.stream().limit(SKIPPED_SHOWN).forEach(s -> content.skipped.add(s.describe()));
        if (skipped.size() > SKIPPED_SHOWN) {
            content.skipped.add("and " + (skipped.size() - SKIPPED_SHOWN) + " more " + roles.addenda().content + " entries not applied (listed in the log)");
        }
        if (!skipped.isEmpty()) {
            log.info("{} entries of {} addenda not applied:\n{}", skipped.size(), roles.xml().content,
                    String.join("\n", skipped.stream().map(IndexAddendaReport.Skipped::describe).toList()));
        }
    }

    /** A manifestation is normally a code; one neoplasm-table entry holds words there, kept as written. */
    private static String manifestation(String value) {
        String key = keyOrNull(value);
        return key != null && CM.isWellFormed(key) ? key : value;
    }

    private static String keyOrNull(String code) {
        return code == null || code.isBlank() ? null : CM.key(code);
    }

    /**
     * Says in the report how the release's tabular was made, and keeps every addenda change that could not be applied, by
     * the note's owner (the importer adds how the tabular agrees with the release's codes once they are final).
     */
    private static void describeRebuild(TabularChain.Step step, ReleaseContent content) {
        // "No Change" lines only say where the changes go: the report counts the changes
        int applied = step.reports().stream().mapToInt(r -> (int) r.applied().stream()
                .filter(e -> e.action() != TabularAddendaEntry.Action.NO_CHANGE).count()).sum();
        int skipped = step.reports().stream().mapToInt(r -> r.skipped().size()).sum();
        count(content, FileRole.CM_TABULAR_ADDENDA, applied + skipped);
        String line = "tabular rebuilt from " + step.base() + " and the addenda " + String.join(", ", step.addenda())
                + " (this release's addenda: " + applied + " changes applied, " + skipped + " not applied)";
        content.derivations.add(line);
        content.contents.add("tabular");
        content.contents.add("tabular-rebuilt");
        step.unreadable().forEach(u -> content.skipped.add(u + " (its changes are missing from the notes)"));
        for (TabularAddendaReport report : step.reports()) {
            for (TabularAddendaReport.Skipped s : report.skipped()) {
                content.noteGaps.add(new ReleaseContent.NoteGapRow(owner(s.entry().context()), s.describe()));
            }
        }
    }

    /**
     * How a rebuilt tabular agrees with the release's codes from the order file: codes in both, codes only in the tabular,
     * and titles equal (the check where the truth is known).
     */
    static String agreement(Tabular tabular, List<ReleaseContent.CodeRow> codes) {
        Map<String, String> listed = TabularCodes.of(tabular).codes();
        int both = 0;
        int sameTitle = 0;
        for (ReleaseContent.CodeRow c : codes) {
            String title = listed.get(c.code());
            if (title != null) {
                both++;
                sameTitle += fold(title).equals(fold(c.longDesc())) ? 1 : 0;
            }
        }
        return String.format(Locale.ROOT, "against the order file: %,d of %,d codes in the rebuilt tabular (%,d only there),"
                + " titles agree for %.3f%%", both, codes.size(), listed.size() - both, both == 0 ? 0.0 : 100.0 * sameTitle / both);
    }

    /** The key of the notes' owner an addenda entry's context names: a code, else its section or chapter. */
    private static String owner(TabularAddendaEntry.Context context) {
        if (context == null) {
            return null;
        }
        if (context.code() != null) {
            return CM.key(context.code());
        }
        if (context.section() != null) {
            return "section:" + context.section();
        }
        return context.chapter() == null ? null : "chapter:" + context.chapter();
    }

    /** Titles compared as the order file writes them: ASCII, single spaces. */
    private static String fold(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("\\s+", " ").strip();
    }
}
