package org.codedesk.catalog.source.icd10cm;

/** One instructional note attached to a tabular node ({@code owner} is the node's code), in book order. */
public record InstructionalNote(String owner, NoteKind kind, String text, int sequence) {
}
