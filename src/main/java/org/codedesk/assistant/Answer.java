package org.codedesk.assistant;

import java.time.LocalDate;
import java.util.List;

/**
 * The assistant's answer: statements, each with the sources it rests on; what could not be answered and why;
 * every code the answer names, checked against the catalog for the date.
 *
 * @param missing    the data an answer would need that is not imported, in words (empty when nothing is missing)
 * @param unverified code-like tokens of the answer that are not valid codes on the date (flagged in the text too)
 * @param engine     who wrote it: "offline" (CodeDesk's own composition) or "model &lt;name&gt;"
 * @param notices    what the reader should know about how it was made ("the model did not answer in time...")
 */
public record Answer(String question, LocalDate dateOfService, Intent intent, List<Statement> statements, List<String> missing,
                     List<String> unverified, String engine, List<String> notices) {

    /** An offline answer. */
    public Answer(String question, LocalDate dateOfService, Intent intent, List<Statement> statements, List<String> missing,
                  List<String> unverified) {
        this(question, dateOfService, intent, statements, missing, unverified, "offline", List.of());
    }

    /** One statement and its citations; {@code text} is plain text. */
    public record Statement(String text, List<Citation> citations) { }

    /** A source: what it is ("MUE table, practitioner services, 2026-Q2") and where to read it (a CodeDesk URL, or null). */
    public record Citation(String source, String url) { }

    /** The whole answer as plain text, a statement per paragraph with its sources in brackets. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (Statement s : statements) {
            text.append(s.text());
            if (!s.citations().isEmpty()) {
                text.append(" [").append(String.join("; ", s.citations().stream().map(Citation::source).toList())).append(']');
            }
            text.append("\n\n");
        }
        return text.toString().trim();
    }
}
