package org.codedesk.edits;

/** The modifier indicator of a PTP edit: whether an NCCI-associated modifier may let both codes be paid. */
public enum ModifierIndicator {
    NOT_ALLOWED(0, "0: not allowed. The two codes are never paid together; no modifier bypasses this edit."),
    ALLOWED(1, "1: allowed. An NCCI-associated modifier may bypass this edit when the documentation supports it."),
    NOT_APPLICABLE(9, "9: not applicable. The edit does not apply (it was deleted or never in effect).");

    private final int value;
    private final String words;

    ModifierIndicator(int value, String words) {
        this.value = value;
        this.words = words;
    }

    public int value() { return value; }

    public String words() { return words; }

    public static ModifierIndicator of(int value) {
        for (ModifierIndicator m : values()) {
            if (m.value == value) {
                return m;
            }
        }
        throw new IllegalArgumentException("modifier indicator " + value + " is not 0, 1 or 9");
    }
}
