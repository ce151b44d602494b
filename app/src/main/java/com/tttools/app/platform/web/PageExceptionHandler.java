package com.tttools.app.platform.web;

import com.tttools.app.shared.ForbiddenException;
import com.tttools.app.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Pages: "not found" and "not allowed" raised by any page controller end on the friendly 404 and 403 pages.
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
}
