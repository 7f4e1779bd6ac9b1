package org.codedesk.coverage;

import java.time.Instant;
import java.time.LocalDate;

/** One imported release of a coverage source: what every crosswalk row and finding cites. */
public record CoverageRelease(long id, CoverageSource source, String version, String label, LocalDate effectiveFrom, int rowCount,
                              Instant importedAt) { }
