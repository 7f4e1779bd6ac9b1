package org.codedesk.catalog.source.icd10cm;

import java.util.List;

/**
 * One entry of an ICD-10-CM index: a main term ({@code level} 0, {@code parentId} 0) or a subterm at the
 * level given in the file. Ids are 1-based in document order, so a parent always has a smaller id than its
 * subterms. Text fields are {@code null} when the element is absent; codes keep the dot as written.
 *
 * @param nonessentialModifiers text of the {@code nemod} element in the title, e.g. "(acute) (double)"
 * @param manifestationCode     {@code manif}: the manifestation code printed in brackets after the code
 *                              (in the neoplasm table the element holds a site note instead)
 * @param seeCategory           {@code seecat}: a category the coder must look up in the tabular list
 * @param subcategory           {@code subcat}: a subcategory the coder must look up in the tabular list
 * @param cells                 drug/neoplasm table cells in file order, empty for the plain indexes
 */
public record IndexTerm(int id, int parentId, int level, String letter, String title,
                        String nonessentialModifiers, String code, String manifestationCode, String see,
                        String seeAlso, String seeCategory, String subcategory, List<IndexCell> cells) {

    public IndexTerm {
        cells = List.copyOf(cells);
    }

    public boolean isMainTerm() {
        return level == 0;
    }
}
