package org.codedesk.catalog.source.pcs;

/**
 * One entry of the ICD-10-PCS alphabetic index, flattened: main terms and their nested subterms, linked by id.
 *
 * @param id       1-based, sequential in document order, so a parent always precedes its subterms
 * @param parentId id of the enclosing term, 0 for a main term
 * @param level    0 for a main term, 1..n for subterms
 * @param title    the term's text; null for a subterm that is only a cross-reference or a code
 *                 (e.g. a bare {@code <see>} under a main term)
 * @param code     where the term leads: a full code ({@code <code>}), a partial code ({@code <codes>}) or a table
 *                 ({@code <tab>}); null when none
 * @param see      text of a {@code <see>} reference without its code, e.g. "Resection, Uterus"; null when none
 * @param seeCode  the table or partial code inside {@code <see>}, or null
 * @param use      text of a {@code <use>} reference (the value to code instead), without its code; null when none
 * @param useCode  the table inside {@code <use>} that the value applies to, or null
 */
public record PcsIndexTerm(int id, int parentId, int level, String title, String code, String see, String seeCode,
                           String use, String useCode) {
}
