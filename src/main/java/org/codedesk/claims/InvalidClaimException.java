package org.codedesk.claims;

import java.util.List;

/** A claim that cannot be checked as submitted: one message per field ("lines[2].units"), in words. */
public class InvalidClaimException extends RuntimeException {

    public record FieldError(String field, String message) { }

    private final List<FieldError> errors;

    public InvalidClaimException(List<FieldError> errors) {
        super(errors.size() + " field" + (errors.size() == 1 ? "" : "s") + " of the claim need correcting: "
                + errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
