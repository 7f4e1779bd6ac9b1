package org.codedesk.careers;

import java.util.Map;

/** A job or an application with invalid fields: field name to message. */
public class InvalidJobException extends RuntimeException {

    private final transient Map<String, String> errors;

    public InvalidJobException(Map<String, String> errors) {
        super("Some fields need correcting: " + String.join(", ", errors.keySet()));
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
