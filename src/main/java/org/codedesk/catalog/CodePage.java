package org.codedesk.catalog;

import java.util.List;

/**
 * Everything CodeDesk shows about one code on a date of service, each fact with the release it came from.
 * Lists are empty, never null, when a fact does not apply to the code's system. {@code currency} says whether the
 * release shown is the one in force on the date or an older one (then with the sentence to show); {@code noteGaps} the
 * addenda changes to the notes of the code or above it that the import could not apply (the notes keep the text before);
 * {@code plainLanguage} the explanation in plain words, generated from these facts when the page is assembled (cached with it)
 * or, in the copy given to a reader, the editors' published one in its place.
 */
public record CodePage(
        CodeSystem system,
        Release release,
        String key,
        String code,
        String kind,
        boolean billable,
        String shortDescription,
        String longDescription,
        boolean descriptorLicensed,
        List<Crumb> breadcrumb,
        List<CodeSummary> children,
        List<CodeSummary> billableDescendants,
        int billableDescendantCount,
        List<Note> notes,
        Release notesRelease,
        List<SeventhCharacter> seventhCharacters,
        String seventhCharacterSource,
        List<PcsCharacter> pcsCharacters,
        PcsTableView pcsTable,
        List<PcsDefinition> pcsDefinitions,
        List<Attribute> attributes,
        List<IndexEntry> indexEntries,
        List<HistoryEvent> history,
        List<String> noteGaps,
        Currency currency,
        PlainLanguage plainLanguage) {

    /** The same page with the currency of another date of service (a cached page is shared by all dates that select its releases). */
    public CodePage withCurrency(Currency other) {
        return new CodePage(system, release, key, code, kind, billable, shortDescription, longDescription, descriptorLicensed, breadcrumb,
                children, billableDescendants, billableDescendantCount, notes, notesRelease, seventhCharacters, seventhCharacterSource,
                pcsCharacters, pcsTable, pcsDefinitions, attributes, indexEntries, history, noteGaps, other, plainLanguage);
    }

    /** The same page with another plain-language explanation (the generated one, or an editor's published one in its place). */
    public CodePage withPlainLanguage(PlainLanguage other) {
        return new CodePage(system, release, key, code, kind, billable, shortDescription, longDescription, descriptorLicensed, breadcrumb,
                children, billableDescendants, billableDescendantCount, notes, notesRelease, seventhCharacters, seventhCharacterSource,
                pcsCharacters, pcsTable, pcsDefinitions, attributes, indexEntries, history, noteGaps, currency, other);
    }

    /** A step of the hierarchy above the code; {@code url} null for headings without a page. */
    public record Crumb(String code, String title, String url) { }

    /**
     * An instructional note as the book prints it; {@code ownerCode}/{@code ownerTitle} say where it is attached (the code
     * itself or above). A lead-in ("Code first, for adverse effects, the nature of the adverse effect, such as:") carries its
     * {@code items}; {@code since} is the release that added or last revised it ("FY2023"), null when not known.
     */
    public record Note(String kind, String kindLabel, String text, String ownerCode, String ownerTitle, boolean inherited,
                       List<String> items, String since) {

        /** The lead-in with its items, as one line ("... such as: adverse effect NOS (T88.7); aspirin gastritis (K29.-)"). */
        public String fullText() {
            // the XML writes "Code first, for adverse effects..." as ", for adverse effects...": the label goes before it
            String lead = text.startsWith(",") ? text.substring(1).strip() : text;
            return items.isEmpty() ? lead : lead + " " + String.join("; ", items);
        }
    }

    /** A 7th character: its meaning and the complete code it makes with this code (null when it does not exist). */
    public record SeventhCharacter(String character, String meaning, String completeCode, boolean current) { }

    /** The meaning of one character of an ICD-10-PCS code. */
    public record PcsCharacter(int position, String axis, String value, String meaning) { }

    /** An ICD-10-PCS table as printed in the book: the first three characters, then the rows of the grid. */
    public record PcsTableView(String tableCode, List<PcsCharacter> header, List<List<List<PcsCharacter>>> rows, String release) { }

    /** The official PCS definition of one character's value (root operation, approach, device...). */
    public record PcsDefinition(String axis, String term, String definition, String explanation, String includes, String release) { }

    /** A field of the official record (HCPCS), its value and the value in words. */
    public record Attribute(String label, String value, String meaning) { }

    /** An alphabetic-index (or drug/neoplasm table) entry that leads to the code. */
    public record IndexEntry(String index, String path, String column, String release) { }

    /** What happened to the code in a release: NEW, REVISED, DELETED, ADDED_FROM, REPLACED_BY... in words. */
    public record HistoryEvent(String release, String event, String detail) { }
}
