package com.tttools.app.tiktok.connection;

import com.tttools.app.shared.ConflictException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Errors of the connections pages: 404/403 go to the error pages; a refused button shows its reason. */
@ControllerAdvice(assignableTypes = ConnectionPageController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 10)
class ConnectionPageErrors {

    @ExceptionHandler(ConflictException.class)
    String refused(ConflictException refused, HttpServletRequest request) {
        RequestContextUtils.getOutputFlashMap(request).put("error", refused.getMessage());
        String path = request.getRequestURI();
        int cut = path.indexOf("/connections");
        return "redirect:" + (cut > 0 ? path.substring(0, cut + "/connections".length()) : "/app");
    }
}
