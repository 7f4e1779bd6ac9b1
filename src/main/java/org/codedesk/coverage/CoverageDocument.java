package org.codedesk.coverage;

import java.time.LocalDate;

/**
 * An NCD, LCD or billing-and-coding article as cited: "NCD 190.23A Lipids Testing", with the release it was read from.
 *
 * @param otherCodes what the document says of ICD-10-CM codes it does not list (null: nothing)
 * @param related    the LCD an article belongs to, as cited; null when none is known
 */
public record CoverageDocument(String id, String kind, String title, LocalDate effectiveFrom, LocalDate effectiveTo, Resolution otherCodes,
                               String related, String release) {

    /** "NCD 190.23A Lipids Testing (CMS clinical laboratory NCD coding spreadsheet 2026-Q1)". */
    public String citation() {
        String name = switch (kind) {
            case "NCD" -> "NCD " + id;
            case "LCD" -> "LCD " + id;
            default -> "Article " + id;
        };
        return name + " " + title + (related == null ? "" : ", under " + related) + " (" + release
                + (effectiveFrom == null ? "" : ", effective " + effectiveFrom) + ")";
    }
}
