package org.codedesk.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * CPT code numbers as public CMS files list them (the Physician Fee Schedule relative value file lists every CPT code
 * Medicare knows, with its payment status), for browsing CPT when no licensed CPT file is imported. Implemented by the
 * module that imports those files; the catalog does not depend on it. Never carries a CPT descriptor (AMA licence).
 */
public interface PublicCptCodes {

    /** The CPT codes listed in the file in force on the date, in code order; {@link Listing#NONE} when none is imported. */
    Listing listed(LocalDate date);

    /** The codes of one file, its citation, and the currency sentence when it is older than the one in force (else null). */
    record Listing(List<Listed> codes, String source, String currency) {
        public static final Listing NONE = new Listing(List.of(), null, null);
    }

    /** A code number with the public fact the file gives about it, in words ("Medicare physician fee schedule: status A, ..."). */
    record Listed(String code, String fact) { }
}
