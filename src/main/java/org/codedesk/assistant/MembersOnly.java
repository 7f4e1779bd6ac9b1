package org.codedesk.assistant;

import java.util.List;

import org.codedesk.assistant.Answer.Citation;
import org.codedesk.assistant.Answer.Statement;

/**
 * The code pages' gate in the assistant's words: the facts their sections show members only (NCCI PTP edits, MUE, the
 * Physician Fee Schedule, GEMs, Medicare coverage) are not looked up for a guest; the answer says plainly that they are
 * for members instead, with where to register.
 */
final class MembersOnly {

    static final String REGISTER = "/register";

    private MembersOnly() {
    }

    /** "Register to view content: the medically unlikely edits (MUE) of 20610 are for members..." */
    static Statement gate(String what) {
        return new Statement("Register to view content: " + what + " are for members, as on CodeDesk's code pages. Register for free"
                + " or log in to see them.", List.of(new Citation("Register for free or log in", REGISTER)));
    }

    /** Whether the statement is a gate (an answer holding one is given as it is, never rewritten by a language model). */
    static boolean isGate(Statement statement) {
        return statement.citations().stream().anyMatch(c -> REGISTER.equals(c.url()));
    }
}
