package com.tttools.app.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one place every unhandled error ends (replaces Boot's whitelabel controller): {@code /api/**} gets an
 * RFC 9457 problem, everything else a friendly page. Neither ever shows a stack trace or exception message.
 */
@Controller
class ErrorPageController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    Object error(HttpServletRequest request) {
        int status = statusOf(request);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path == null) {
            path = request.getRequestURI();
        }
        if (Problems.isApiPath(path) || wantsJsonOnly(request)) {
            HttpStatus httpStatus = HttpStatus.resolve(status);
            var problem = Problems.problem(httpStatus == null ? HttpStatus.INTERNAL_SERVER_ERROR : httpStatus,
                    Problems.defaultDetail(status, Problems.method(request), path), request, path);
            return Problems.response(problem);
        }
        HttpStatus httpStatus = HttpStatus.resolve(status);
        String view = status == 404 ? "error/404" : "error/error";
        return new ModelAndView(view, Map.of(
                "status", status,
                "reason", httpStatus == null ? "Error" : httpStatus.getReasonPhrase(),
                "requestId", String.valueOf(RequestIdFilter.of(request))),
                httpStatus == null ? HttpStatus.INTERNAL_SERVER_ERROR : httpStatus);
    }

    private static int statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer value ? value : 500;
    }

    private static boolean wantsJsonOnly(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && !accept.contains("text/html")
                && (accept.contains(MediaType.APPLICATION_JSON_VALUE) || accept.contains(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
    }
}
