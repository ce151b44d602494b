package com.tttools.app.audit.web;

import com.tttools.app.audit.InvalidAuditInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Invalid audit input (a forged cursor, a bad date, a limit out of range) is 422 with {@code errors}, like
 * the platform's validation problems. Everything else falls through to the platform's handler.
 */
@RestControllerAdvice(assignableTypes = AuditEventsController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditApiExceptionHandler {

    @ExceptionHandler(InvalidAuditInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidAuditInputException ex, HttpServletRequest request,
            HttpServletResponse response) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "The request has invalid values.");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
        String requestId = response.getHeader("X-Request-Id");
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
