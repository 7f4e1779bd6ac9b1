package org.codedesk.catalog.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one release contributes to the catalog tables, as plain rows, built from parsed files before
 * any write so that a bad file stops the import before the database is touched.
 */
final class ReleaseContent {

    record CodeRow(String code, String displayCode, String kind, boolean billable, String shortDesc, String longDesc,
                   String parentCode, String headingId, int sortOrder, boolean placeholder) { }
    record HeadingRow(String id, String kind, String title, String parentId, String firstCode, String lastCode, int sortOrder) { }
    /** A note; {@code leadInSeq} the seq of the lead-in it is an item of (0: none); {@code since} the release that added or revised it. */
    record NoteRow(String owner, String kind, int seq, String text, boolean leadIn, int leadInSeq, String since) { }
    record SeventhRow(String owner, String seventh, String meaning, String since) { }
    /** A change of an addenda that could not be applied to the notes of {@code owner}: they keep the text before it. */
    record NoteGapRow(String owner, String detail) { }
    record AttributeRow(String code, String name, String value) { }
    record IndexTermRow(String indexKind, int id, int parentId, int level, String title, String nonessential, String code,
                        String manifestation, String see, String seeAlso, String seeCode, String useTerm, String path) { }
    record IndexCellRow(String indexKind, int termId, int column, String heading, String code) { }
    record PcsAxisRow(String tableCode, int rowNo, int position, String axisTitle, String valueCode, String valueText, String definition) { }
    record PcsDefinitionRow(String sectionCode, int position, String axisTitle, String term, String definition, String explanation, String includes) { }
    record ChangeRow(String code, String action, boolean billable, String longDesc) { }
    record ConversionRow(LocalDate effectiveDate, String currentCode, String previousCode, String previousTo, String previousText) { }

    final Set<String> contents = new LinkedHashSet<>();
    final Map<String, Integer> recordCounts = new LinkedHashMap<>();
    final List<CodeRow> codes = new ArrayList<>();
    final List<HeadingRow> headings = new ArrayList<>();
    final List<NoteRow> notes = new ArrayList<>();
    final List<SeventhRow> sevenths = new ArrayList<>();
    final List<NoteGapRow> noteGaps = new ArrayList<>();
    final List<AttributeRow> attributes = new ArrayList<>();
    final List<IndexTermRow> indexTerms = new ArrayList<>();
    final List<IndexCellRow> indexCells = new ArrayList<>();
    final List<PcsAxisRow> pcsAxes = new ArrayList<>();
    final List<PcsDefinitionRow> pcsDefinitions = new ArrayList<>();
    final List<ChangeRow> changes = new ArrayList<>();
    final List<ConversionRow> conversions = new ArrayList<>();
    /** The order addenda's entries, and whether it compares the year's file with itself (a mid-year re-issue). */
    final List<org.codedesk.catalog.source.icd10cm.AddendaEntry> orderAddenda = new ArrayList<>();
    boolean addendaComparesOneFile;
    /** How the release was derived from its files (mid-year updates taken out or made), for the import report. */
    final List<String> derivations = new ArrayList<>();
    /** Optional files (or parts of them) left out, each with its file, line and reason, for the import report. */
    final List<String> skipped = new ArrayList<>();
}
