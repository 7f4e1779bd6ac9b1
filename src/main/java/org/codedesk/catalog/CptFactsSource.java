package org.codedesk.catalog;

import java.time.LocalDate;

/**
 * Where the public CMS facts of a CPT code come from (the edits module, which imports the fee schedule and MUE files), so
 * that the catalog can explain an unlicensed CPT code in plain words without depending on that module.
 */
public interface CptFactsSource {

    /** The facts of the code (key form) in force on the date; {@link CptPublicFacts#any()} false when none is imported. */
    CptPublicFacts publicFacts(String key, LocalDate date);
}
