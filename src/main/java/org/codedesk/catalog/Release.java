package org.codedesk.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** One imported release of a code system, with what it contains ("codes", "tabular", "index"...). */
public record Release(long id, CodeSystem system, String version, String label, LocalDate effectiveFrom,
                      Set<String> contents, Instant importedAt) {

    public boolean has(String content) {
        return contents.contains(content);
    }
}
