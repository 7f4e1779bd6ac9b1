package org.codedesk.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The code systems CodeDesk serves, with their URL slug and the normal forms of their codes. */
public enum CodeSystem {
    ICD10CM("icd10cm", "ICD-10-CM", "CDC National Center for Health Statistics"),
    ICD10PCS("icd10pcs", "ICD-10-PCS", "Centers for Medicare & Medicaid Services"),
    HCPCS("hcpcs", "HCPCS Level II", "Centers for Medicare & Medicaid Services"),
    CPT("cpt", "CPT", "American Medical Association (licensed file imported by the operator)");

    /**
     * The shape of a CPT code, written here once for every module: five digits (Category I), or four digits and F
     * (Category II), T (Category III), M (Multianalyte Assays with Algorithmic Analyses, MAAA) or U (Proprietary
     * Laboratory Analyses, PLA).
     */
    public static final String CPT_CODE = "[0-9]{4}[0-9FMTU]";
    /** The shape of a HCPCS Level II code: a letter and four digits (J1100). */
    public static final String LEVEL_TWO_CODE = "[A-Z][0-9]{4}";
    /** A procedure code on a claim or in an edits table: CPT or HCPCS Level II. */
    public static final String PROCEDURE_CODE = CPT_CODE + "|" + LEVEL_TWO_CODE;

    private final String slug;
    private final String title;
    private final String publisher;

    CodeSystem(String slug, String title, String publisher) {
        this.slug = slug;
        this.title = title;
        this.publisher = publisher;
    }

    public String slug() { return slug; }

    public String title() { return title; }

    public String publisher() { return publisher; }

    public static Optional<CodeSystem> ofSlug(String slug) {
        return Arrays.stream(values()).filter(s -> s.slug.equalsIgnoreCase(slug)).findFirst();
    }

    /** The key form of a code: upper case, no dot, no spaces ("i21.4" becomes "I214"). */
    public String key(String code) {
        return code == null ? "" : code.trim().replace(".", "").replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** The code as coders write it: ICD-10-CM takes a dot after the category ("I214" becomes "I21.4"). */
    public String display(String key) {
        if (this == ICD10CM && key.length() > 3) {
            return key.substring(0, 3) + "." + key.substring(3);
        }
        return key;
    }

    /** Whether a key (upper case) has the shape of a CPT code, modifiers excluded: 99213, 0001F, 0042T, 0006M, 0001U. */
    public static boolean isCptCode(String key) {
        return key != null && key.matches(CPT_CODE);
    }

    /** Whether a key has the shape of a code of this system (says nothing of whether it exists). */
    public boolean isWellFormed(String key) {
        return switch (this) {
            case ICD10CM -> key.matches("[A-Z][0-9A-Z][0-9A-Z][0-9A-Z]{0,4}");
            case ICD10PCS -> key.matches("[0-9A-HJ-NP-Z]{3,7}");
            case HCPCS -> key.matches(LEVEL_TWO_CODE + "|[A-Z0-9]{2}");
            case CPT -> key.matches(CPT_CODE + "|[0-9]{2}");
        };
    }
}
