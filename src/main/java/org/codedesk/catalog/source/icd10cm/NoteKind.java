package org.codedesk.catalog.source.icd10cm;

import java.util.Arrays;
import java.util.Optional;

/** The instructional note types of the ICD-10-CM tabular, by their XML element name and their label in the book. */
public enum NoteKind {
    INCLUSION_TERM("inclusionTerm", "Inclusion terms"),
    INCLUDES("includes", "Includes"),
    EXCLUDES1("excludes1", "Excludes1"),
    EXCLUDES2("excludes2", "Excludes2"),
    CODE_FIRST("codeFirst", "Code first"),
    USE_ADDITIONAL_CODE("useAdditionalCode", "Use additional code"),
    CODE_ALSO("codeAlso", "Code also"),
    NOTES("notes", "Note"),
    SEVENTH_CHARACTER_NOTE("sevenChrNote", "7th character note"),
    VISUAL_IMPAIRMENT_TABLE("visualImpairment", "Categories of visual impairment");

    private final String element;
    private final String label;

    NoteKind(String element, String label) {
        this.element = element;
        this.label = label;
    }

    public String element() { return element; }

    public String label() { return label; }

    public static Optional<NoteKind> ofElement(String element) {
        return Arrays.stream(values()).filter(k -> k.element.equals(element)).findFirst();
    }
}
