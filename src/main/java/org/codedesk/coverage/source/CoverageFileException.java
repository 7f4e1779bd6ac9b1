package org.codedesk.coverage.source;

/** An official coverage file that breaks its published layout: the file, the line or row, and what is wrong. */
public class CoverageFileException extends RuntimeException {

    public CoverageFileException(String origin, long line, String reason) {
        super(origin + (line > 0 ? " line " + line : "") + ": " + reason);
    }
}
