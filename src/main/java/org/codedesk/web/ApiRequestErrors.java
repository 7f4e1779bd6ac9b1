package org.codedesk.web;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** {@link RequestErrors} in the JSON API: RFC 9457 problem+json; an API's own handler comes first. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ApiRequestErrors {

    private final RequestErrors errors;

    ApiRequestErrors(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
        this.errors = new RequestErrors(maxFileSize);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(errors.typeMismatch(e));
    }

    @ExceptionHandler(InvalidPropertyException.class)
    ResponseEntity<ProblemDetail> unknownField(InvalidPropertyException e) {
        return problem(errors.unknownField(e));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException e) {
        return problem(errors.uploadTooLarge(e));
    }

    private static ResponseEntity<ProblemDetail> problem(RequestErrors.Answer answer) {
        return ResponseEntity.status(answer.status()).body(ProblemDetail.forStatusAndDetail(answer.status(), answer.detail()));
    }
}
