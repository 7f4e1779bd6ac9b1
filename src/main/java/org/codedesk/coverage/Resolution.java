package org.codedesk.coverage;

/** What a coverage document says of a diagnosis for a procedure (the NCD spreadsheet's resolution codes 1, 2, 3). */
public enum Resolution {
    COVERED(1, "covered: supports medical necessity"),
    DENIED(2, "denied: never covered by Medicare for this service"),
    NOT_REASONABLE_AND_NECESSARY(3, "does not support medical necessity");

    private final int code;
    private final String words;

    Resolution(int code, String words) {
        this.code = code;
        this.words = words;
    }

    public int code() { return code; }

    public String words() { return words; }

    public static Resolution of(int code) {
        return switch (code) {
            case 1 -> COVERED;
            case 2 -> DENIED;
            default -> NOT_REASONABLE_AND_NECESSARY;
        };
    }
}
