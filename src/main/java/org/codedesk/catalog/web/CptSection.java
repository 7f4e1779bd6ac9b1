package org.codedesk.catalog.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The sections of CPT by code range, as the code book orders them (Category I by range, then Categories II and III and the
 * laboratory analyses by their last character). Names and ranges only, which CMS publications use as well; no descriptor.
 */
enum CptSection {
    EVALUATION_AND_MANAGEMENT("Evaluation and Management", "99202", "99499", null),
    ANESTHESIA("Anesthesia", "00100", "01999", null),
    SURGERY("Surgery", "10004", "69990", null),
    RADIOLOGY("Radiology", "70010", "79999", null),
    PATHOLOGY_AND_LABORATORY("Pathology and Laboratory", "80047", "89398", null),
    MEDICINE("Medicine", "90281", "99607", null),
    CATEGORY_II("Category II (performance measurement)", "0001F", "9007F", 'F'),
    CATEGORY_III("Category III (emerging technology)", "0042T", "0999T", 'T'),
    PROPRIETARY_LABORATORY_ANALYSES("Proprietary Laboratory Analyses", "0001U", "0999U", 'U'),
    MULTIANALYTE_ASSAYS("Multianalyte Assays with Algorithmic Analyses", "0001M", "0999M", 'M');

    final String title;
    final String first;
    final String last;
    private final Character suffix;

    CptSection(String title, String first, String last, Character suffix) {
        this.title = title;
        this.first = first;
        this.last = last;
        this.suffix = suffix;
    }

    /** The URL segment: "evaluation-and-management". */
    String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    String range() {
        return suffix == null ? first + "–" + last : "four characters and " + suffix;
    }

    /** The section a code falls in; E/M is tried before Medicine, whose range holds it. Empty for a code in no section. */
    static Optional<CptSection> of(String code) {
        char end = code.charAt(code.length() - 1);
        return Arrays.stream(values()).filter(s -> s.suffix == null
                ? Character.isDigit(end) && code.compareTo(s.first) >= 0 && code.compareTo(s.last) <= 0
                : end == s.suffix).findFirst();
    }

    static Optional<CptSection> ofSlug(String slug) {
        return Arrays.stream(values()).filter(s -> s.slug().equals(slug)).findFirst();
    }
}
