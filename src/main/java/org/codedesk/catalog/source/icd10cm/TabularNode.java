package org.codedesk.catalog.source.icd10cm;

/**
 * A node of the ICD-10-CM tabular: a chapter (code is its number, "1".."22"), a section (code is its id,
 * "A00-A09"), or a diagnosis code as written (with the dot). {@code parent} is the code of the enclosing node.
 *
 * @param since the release whose tabular first carried this node or last revised its description, e.g.
 *              "FY2017" for everything read from the FY2017 XML, "FY2023" for a code added by the FY2023
 *              addenda (see {@link TabularAddendaApplier}); {@code null} when the source does not say
 */
public record TabularNode(Kind kind, String code, String description, String parent, int order, boolean placeholder,
                          String since) {

    public enum Kind { CHAPTER, SECTION, DIAG }
}
