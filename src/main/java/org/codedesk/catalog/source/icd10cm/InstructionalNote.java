package org.codedesk.catalog.source.icd10cm;

/**
 * One instructional note attached to a tabular node ({@code owner} is the node's code), in book order.
 *
 * <p>The book prints some notes as a lead-in followed by more indented items that complete it, e.g.
 * "Code first, for adverse effects, the nature of the adverse effect, such as:" then "adverse effect NOS (T88.7)",
 * "aspirin gastritis (K29.-)"... The tabular XML stores each line as a separate note of the same group; here
 * the lead-in has {@code leadIn} set and each item carries the lead-in's {@code sequence} in
 * {@code leadInSequence}, so a reader can show them as one instruction. {@link LeadInRule} says which notes are
 * lead-ins and where their items end.
 *
 * @param sequence       1-based position among the notes of the same owner and kind
 * @param leadIn         this note opens a list of items (it ends with ':' and at least one item follows)
 * @param leadInSequence the {@code sequence} of the lead-in this note is an item of; 0 when it is not an item
 * @param since          the release that added the note or last revised its text ("FY2017", "FY2023"...);
 *                       {@code null} when the source does not say
 */
public record InstructionalNote(String owner, NoteKind kind, String text, int sequence, boolean leadIn,
                                int leadInSequence, String since) {

    /** Whether this note completes a lead-in rather than standing on its own. */
    public boolean isItem() {
        return leadInSequence > 0;
    }
}
