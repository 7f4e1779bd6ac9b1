package org.codedesk.catalog;

import java.util.ArrayList;
import java.util.List;

/** What an import did, release by release, in words an operator can act on. */
public record ImportReport(List<Outcome> outcomes, List<String> ignored) {

    public enum Status { IMPORTED, UNCHANGED, FAILED }

    /** One release's outcome; {@code detail} holds counts, or the file, line and reason of a failure. */
    public record Outcome(String release, Status status, String detail) { }

    public boolean failed() {
        return outcomes.stream().anyMatch(o -> o.status() == Status.FAILED);
    }

    public static ImportReport of(List<String> ignored) {
        return new ImportReport(new ArrayList<>(), ignored);
    }
}
