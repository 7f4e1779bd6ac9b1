package org.codedesk.catalog.source.pcs;

import java.util.List;
import java.util.Objects;

/**
 * One term of the ICD-10-PCS definitions file: a value of an axis in a section (an operation, body part,
 * approach, device...) with its definition, explanation and the terms it includes. A {@code <terms>} block
 * naming several values (e.g. a left and a right body part) yields one definition per value, sharing the rest.
 *
 * @param sectionCode  section character, e.g. "0"
 * @param sectionTitle section title, e.g. "Medical and Surgical"
 * @param position     axis position (3..7) the term belongs to
 * @param axisTitle    axis title, e.g. "Operation", "Body Part"
 * @param term         the value's name
 * @param definition   definition, or null when the file gives none (most body parts and devices)
 * @param explanation  explanation, or null
 * @param includes     included terms (synonyms, eponyms, brand names), possibly empty
 */
public record PcsDefinition(String sectionCode, String sectionTitle, int position, String axisTitle, String term,
                            String definition, String explanation, List<String> includes) {

    public PcsDefinition {
        Objects.requireNonNull(term, "term");
        includes = List.copyOf(includes);
    }
}
