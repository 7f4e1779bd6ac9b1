package org.codedesk.catalog.source.hcpcs;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HCPCS Level II procedure code or modifier as published by CMS in the alpha-numeric (ANWEB) file, with its
 * continuation lines already joined.
 *
 * @param code                5-character procedure code, or the 2-character modifier when {@code modifier} is true
 * @param modifier            true for a modifier (record ids 7/8), false for a procedure (record ids 3/4)
 * @param longDescription     the long description pieces joined in sequence order with single spaces
 * @param shortDescription    the short description (at most 28 characters), empty when absent
 * @param addDate             date the code was added to HCPCS
 * @param actionEffectiveDate effective date of the latest action; null when the file leaves it blank
 * @param terminationDate     last date the code may be used; null for an active code
 * @param actionCode          the latest maintenance action (see {@link HcpcsFieldMeanings})
 * @param fields              every detail field of the record layout (positions 120-293) by a stable key from
 *                            {@link HcpcsFieldMeanings#keys()}, raw trimmed text, blank fields omitted; dates are
 *                            {@code yyyyMMdd}. Also holds the date and action fields above in raw form, so a
 *                            consumer can walk one map for display.
 */
public record HcpcsEntry(
        String code,
        boolean modifier,
        String longDescription,
        String shortDescription,
        LocalDate addDate,
        LocalDate actionEffectiveDate,
        LocalDate terminationDate,
        String actionCode,
        LinkedHashMap<String, String> fields) {

    public HcpcsEntry {
        // Defensive copy: the record is shared across threads once a release is loaded.
        fields = new LinkedHashMap<>(fields);
    }

    /** A copy of the detail fields, so callers cannot change a shared entry. */
    @Override
    public LinkedHashMap<String, String> fields() {
        return new LinkedHashMap<>(fields);
    }

    /** The raw value of one detail field, or null when blank. */
    public String field(String key) {
        return fields.get(key);
    }

    /** A read-only view of the detail fields, in record-layout order. */
    public Map<String, String> fieldView() {
        return Collections.unmodifiableMap(fields);
    }
}
