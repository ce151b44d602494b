package com.tttools.app.platform.web;

import com.tttools.app.platform.ratelimit.RateLimitedException;
import com.tttools.app.shared.ConflictException;
import com.tttools.app.shared.ForbiddenException;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.ValidationFailedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for exceptions raised by JSON controllers. Validation failures are 422 with
 * {@code errors: [{field, message}]}; unexpected failures are logged with the request id and answered
 * without any internals. HTML controllers are not covered: their errors reach {@link ErrorPageController}.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException ex, HttpServletRequest request) {
        return Problems.response(Problems.problem(HttpStatus.NOT_FOUND, ex.getMessage() + ".", request,
                request.getRequestURI()));
    }

    /** A typed id in a body that does not parse names nothing, like a malformed path id (see TypedIdConverters). */
    @ExceptionHandler(org.springframework.core.convert.ConversionFailedException.class)
    ResponseEntity<ProblemDetail> conversionFailed(org.springframework.core.convert.ConversionFailedException ex,
            HttpServletRequest request) throws org.springframework.core.convert.ConversionFailedException {
        var malformed = TypedIdConverters.malformedId(ex).orElseThrow(() -> ex);
        return notFound(malformed, request);
    }

    @ExceptionHandler(ValidationFailedException.class)
    ResponseEntity<ProblemDetail> validationFailed(ValidationFailedException ex, HttpServletRequest request) {
        ProblemDetail problem = Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "The request has invalid values.",
                request, request.getRequestURI());
        problem.setProperty("errors", ex.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        return Problems.response(problem);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException ex, HttpServletRequest request) {
        return Problems.response(Problems.problem(HttpStatus.CONFLICT, ex.getMessage(), request, request.getRequestURI()));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException ex, HttpServletRequest request) {
        return Problems.response(Problems.problem(HttpStatus.FORBIDDEN, ex.getMessage(), request, request.getRequestURI()));
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException ex, HttpServletRequest request) {
        ProblemDetail problem = Problems.problem(HttpStatus.TOO_MANY_REQUESTS,
                Problems.defaultDetail(429, request.getMethod(), request.getRequestURI()), request, request.getRequestURI());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, ex.retryAfter().toSeconds())))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex, HttpServletRequest request) {
        List<Map<String, String>> errors = ex.getConstraintViolations().stream()
                .map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage()))
                .toList();
        ProblemDetail problem = Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "The request has invalid values.",
                request, request.getRequestURI());
        problem.setProperty("errors", errors);
        return Problems.response(problem);
    }

    /**
     * The safety net behind the checks at the edges: a value PostgreSQL refuses as data (SQLSTATE class 22: a year
     * out of range, a NUL character in text, a number too large) came from the request, so it is the caller's
     * problem (422), logged as one line without a stack trace. Any other database failure stays a 500.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> dataAccess(DataAccessException ex, HttpServletRequest request) {
        String state = sqlState(ex);
        if (state == null || !state.startsWith("22")) {
            return unexpected(ex, request);
        }
        log.warn("Refused a value the database cannot take (SQLSTATE {}) on {} {}", state, Problems.method(request),
                SecretPaths.mask(request.getRequestURI()));
        return Problems.response(Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT,
                "A value in the request is out of range or is not text that can be stored.", request,
                request.getRequestURI()));
    }

    private static String sqlState(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
        log.error("Unhandled error on {} {}", request.getMethod(), SecretPaths.mask(request.getRequestURI()), ex);
        return Problems.response(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR,
                Problems.defaultDetail(500, Problems.method(request), request.getRequestURI()), request, request.getRequestURI()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ApiExceptionHandler::fieldError)
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "The request has invalid values.");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.UNPROCESSABLE_CONTENT, request);
    }

    /** A typed path id that does not parse names nothing: 404 like an unknown one (see {@link TypedIdConverters}). */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        var malformed = TypedIdConverters.malformedId(ex);
        if (malformed.isPresent()) {
            HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
            return handleExceptionInternal(ex, Problems.problem(HttpStatus.NOT_FOUND,
                    malformed.get().getMessage() + ".", servletRequest, servletRequest.getRequestURI()), headers,
                    HttpStatus.NOT_FOUND, request);
        }
        // Spring's default detail quotes the value as Java prints it ("[Ljava.lang.String;@…" for a repeated
        // parameter): name the parameter and the expected kind of value instead (found by ControllerFuzzIT)
        String name = ex.getPropertyName() == null ? "value" : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName();
        return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The parameter '" + name + "' is not a valid " + expected + "."), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "The request body is missing or is not valid JSON of the expected shape.");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.UNPROCESSABLE_CONTENT, request);
    }

    /** Every problem this advice writes gets the request id, the request path and the problem media type. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        ProblemDetail problem = body instanceof ProblemDetail given ? given
                : ProblemDetail.forStatusAndDetail(statusCode, Problems.defaultDetail(statusCode.value(),
                        Problems.method(servletRequest), servletRequest.getRequestURI()));
        if (statusCode.is5xxServerError()) {
            log.error("Request failed: {} {}", Problems.method(servletRequest), SecretPaths.mask(servletRequest.getRequestURI()), ex);
            problem.setDetail(Problems.defaultDetail(statusCode.value(), Problems.method(servletRequest), servletRequest.getRequestURI()));
        }
        Problems.withRequestId(problem, servletRequest);
        HttpHeaders out = new HttpHeaders();
        if (headers != null) {
            out.putAll(headers);
        }
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(statusCode).headers(out).body(problem);
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(),
                "message", error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage());
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }
}
