package org.codedesk.catalog;

import java.time.Instant;

import org.springframework.stereotype.Component;

/** The state of the running or last import, shown on the home and admin pages while the service keeps serving. */
@Component
public class ImportProgress {

    /** A snapshot for display: {@code running}, what is being done, how far, and the last report. */
    public record Snapshot(boolean running, String activity, int done, int total, Instant updated, ImportReport lastReport) { }

    private volatile Snapshot snapshot = new Snapshot(false, "No import has run since the service started.", 0, 0, Instant.now(), null);

    public Snapshot snapshot() {
        return snapshot;
    }

    public void start(String activity) {
        snapshot = new Snapshot(true, activity, 0, 0, Instant.now(), snapshot.lastReport());
    }

    public void step(String release, int done, int total) {
        snapshot = new Snapshot(true, "Importing " + release, done, total, Instant.now(), snapshot.lastReport());
    }

    public void finish(ImportReport report) {
        snapshot = new Snapshot(false, report.failed() ? "Last import finished with errors." : "Last import finished.",
                report.outcomes().size(), report.outcomes().size(), Instant.now(), report);
    }

    public void fail(String message) {
        fail(message, null);
    }

    /** The import stopped; {@code soFar} (may be null) holds the outcomes of the releases it finished before. */
    public void fail(String message, ImportReport soFar) {
        snapshot = new Snapshot(false, "Last import failed: " + message, 0, 0, Instant.now(),
                soFar != null && !soFar.outcomes().isEmpty() ? soFar : snapshot.lastReport());
    }
}
