package com.tttools.app.platform.web;

import com.tttools.app.shared.ForbiddenException;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.ValidationFailedException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Pages: "not found", "not allowed" and invalid parameters raised by any page controller end on the friendly
 * error pages. Modules whose forms redirect back with a message order their own advice before this one.
 * Runs after {@link ApiExceptionHandler}, which answers JSON controllers with problem details.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    @ExceptionHandler(NotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @ExceptionHandler(ForbiddenException.class)
    void forbidden(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    /** A typed path id that does not parse names nothing (404); any other unconvertible parameter is a 400. */
    @ExceptionHandler(TypeMismatchException.class)
    void typeMismatch(TypeMismatchException mismatch, HttpServletResponse response) throws IOException {
        response.sendError(TypedIdConverters.malformedId(mismatch).isPresent() ? HttpServletResponse.SC_NOT_FOUND
                : HttpServletResponse.SC_BAD_REQUEST);
    }

    /** A page request with a bad filter, cursor or id format; form pages handle their own refusals first. */
    @ExceptionHandler(ValidationFailedException.class)
    void invalid(HttpServletResponse response) throws IOException {
        response.sendError(422);
    }
}
