package org.codedesk.web;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Bad requests that no page or API answers itself, in words: a value of the wrong type ({@code page=abc}), a form
 * field the page does not have ({@code lines[10000].code}), an upload over the limit. Shared by {@link PageRequestErrors}
 * (the site's error page) and {@link ApiRequestErrors} (problem+json).
 */
final class RequestErrors {

    /** A failure and what to say about it. */
    record Answer(HttpStatus status, String detail) { }

    private final DataSize maxFileSize;

    RequestErrors(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    Answer typeMismatch(MethodArgumentTypeMismatchException e) {
        String type = e.getRequiredType() == null ? "value" : switch (e.getRequiredType().getSimpleName()) {
            case "int", "Integer", "long", "Long" -> "whole number";
            case "boolean", "Boolean" -> "true or false";
            default -> "value";
        };
        return new Answer(HttpStatus.BAD_REQUEST, "\"" + e.getValue() + "\" is not a valid " + e.getName() + ": give a " + type + ".");
    }

    Answer unknownField(InvalidPropertyException e) {
        return new Answer(HttpStatus.BAD_REQUEST, "The form sent a field this page does not have (" + e.getPropertyName() + ").");
    }

    Answer uploadTooLarge(MaxUploadSizeExceededException e) {
        return new Answer(HttpStatus.CONTENT_TOO_LARGE, "The upload is too large: a file is at most " + maxFileSize.toMegabytes() + " MB.");
    }
}
