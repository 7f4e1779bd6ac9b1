package org.codedesk.casecoding.text;

/**
 * What the text says about a condition it mentions: present, absent (negated), possible (uncertain), in a
 * relative (family history) or in the patient's past (history of). Decides whether a mention may be coded.
 */
public enum Assertion {
    PRESENT, ABSENT, POSSIBLE, FAMILY, HISTORY;

    /** How much the assertion weighs when two triggers reach one word: absent, family, possible, history, present. */
    public int strength() {
        return switch (this) {
            case ABSENT -> 4;
            case FAMILY -> 3;
            case POSSIBLE -> 2;
            case HISTORY -> 1;
            case PRESENT -> 0;
        };
    }

    public static Assertion stronger(Assertion a, Assertion b) {
        return b.strength() > a.strength() ? b : a;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
