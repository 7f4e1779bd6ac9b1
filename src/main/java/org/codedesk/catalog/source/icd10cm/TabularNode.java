package org.codedesk.catalog.source.icd10cm;

/**
 * A node of the ICD-10-CM tabular: a chapter (code is its number, "1".."22"), a section (code is its id,
 * "A00-A09"), or a diagnosis code as written (with the dot). {@code parent} is the code of the enclosing node.
 */
public record TabularNode(Kind kind, String code, String description, String parent, int order, boolean placeholder) {

    public enum Kind { CHAPTER, SECTION, DIAG }
}
