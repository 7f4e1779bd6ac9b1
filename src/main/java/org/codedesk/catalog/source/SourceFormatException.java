package org.codedesk.catalog.source;

/**
 * An official source file that does not follow its published format: names the file, the line (0 when
 * unknown) and the reason, so an operator can find the fault. Import stops and the previous release keeps
 * serving.
 */
public class SourceFormatException extends RuntimeException {

    private final String file;
    private final long line;
    private final String reason;

    public SourceFormatException(String file, long line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public SourceFormatException(String file, long line, String reason, Throwable cause) {
        this(file, line, reason);
        initCause(cause);
    }

    public String file() { return file; }

    public long line() { return line; }

    public String reason() { return reason; }
}
