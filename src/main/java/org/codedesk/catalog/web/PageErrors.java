package org.codedesk.catalog.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/** Errors on the catalog's HTML pages: the site's error page with the reason in words, never a stack trace. */
@ControllerAdvice(assignableTypes = {CodePageController.class, BrowseController.class, AdminImportController.class})
class PageErrors {

    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView status(ResponseStatusException e) {
        ModelAndView view = new ModelAndView("error");
        view.addObject("status", e.getStatusCode().value());
        view.addObject("message", e.getReason());
        view.setStatus(HttpStatus.valueOf(e.getStatusCode().value()));
        return view;
    }
}
