package org.codedesk.web;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/** {@link RequestErrors} on the HTML pages: the site's error page with the reason; a page's own handler comes first. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageRequestErrors {

    private final RequestErrors errors;

    PageRequestErrors(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
        this.errors = new RequestErrors(maxFileSize);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e) {
        return page(errors.typeMismatch(e));
    }

    @ExceptionHandler(InvalidPropertyException.class)
    ModelAndView unknownField(InvalidPropertyException e) {
        return page(errors.unknownField(e));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView uploadTooLarge(MaxUploadSizeExceededException e) {
        return page(errors.uploadTooLarge(e));
    }

    private static ModelAndView page(RequestErrors.Answer answer) {
        ModelAndView view = new ModelAndView("error");
        view.addObject("status", answer.status().value());
        view.addObject("message", answer.detail());
        view.setStatus(answer.status());
        return view;
    }
}
