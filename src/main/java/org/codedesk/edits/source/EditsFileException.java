package org.codedesk.edits.source;

/**
 * An official edits or fee-schedule file that does not follow its published format: names the file, the line (or
 * spreadsheet row; 0 when unknown) and the reason, so an operator can find the fault. The message reads
 * {@code file:line: reason}, or {@code file: reason} when the line is unknown.
 */
public class EditsFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String reason;

    public EditsFileException(String file, long line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public EditsFileException(String file, long line, String reason, Throwable cause) {
        this(file, line, reason);
        initCause(cause);
    }

    public String file() { return file; }

    public long line() { return line; }

    public String reason() { return reason; }
}
