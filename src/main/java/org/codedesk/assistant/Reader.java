package org.codedesk.assistant;

/**
 * Who an answer is for. A member gets every fact CodeDesk holds; a guest gets what the code pages show guests, and for
 * what they show members only (NCCI edits, MUE, fee schedule, GEMs, coverage) the same "Register to view content".
 */
public enum Reader {
    MEMBER,
    GUEST
}
