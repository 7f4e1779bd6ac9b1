package org.codedesk.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Another module's sections on a code page (NCCI edits, MUE, fee schedule, GEMs...), so that the catalog
 * shows them without depending on that module. Sections are premium: the code page asks for them only for a
 * viewer allowed to see them, and tells guests their titles only.
 */
public interface CodePageExtension {

    /** The titles of the sections this extension adds for codes of the system; empty when none. */
    List<String> sectionTitles(CodeSystem system);

    /**
     * The sections for one code (key form) on a date of service. {@code options} are the page's query
     * parameters (a chosen payment locality, say).
     */
    List<CodePageSection> sections(CodeSystem system, String key, LocalDate date, Map<String, String> options);
}
