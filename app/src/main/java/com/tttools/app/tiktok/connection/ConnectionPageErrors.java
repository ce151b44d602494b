package com.tttools.app.tiktok.connection;

import com.tttools.app.shared.ConflictException;
import com.tttools.app.shared.ForbiddenException;
import com.tttools.app.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Errors of the connections pages: 404/403 go to the error pages; a refused button shows its reason. */
@ControllerAdvice(assignableTypes = ConnectionPageController.class)
class ConnectionPageErrors {

    @ExceptionHandler(NotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @ExceptionHandler(ForbiddenException.class)
    void forbidden(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    @ExceptionHandler(ConflictException.class)
    String refused(ConflictException refused, HttpServletRequest request) {
        RequestContextUtils.getOutputFlashMap(request).put("error", refused.getMessage());
        String path = request.getRequestURI();
        int cut = path.indexOf("/connections");
        return "redirect:" + (cut > 0 ? path.substring(0, cut + "/connections".length()) : "/app");
    }
}
