package com.tttools.app.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Builds RFC 9457 problem details the same way everywhere: with the request id, never with internals, the path with
 * an invitation token masked ({@link SecretPaths}: Spring MVC prints the bodies it writes at DEBUG).
 */
public final class Problems {

    public static final String API_PREFIX = "/api/";

    private Problems() {
    }

    public static boolean isApiPath(String path) {
        return path != null && (path.startsWith(API_PREFIX) || path.equals("/api"));
    }

    public static ProblemDetail problem(HttpStatusCode status, String detail, HttpServletRequest request, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (path != null) {
            problem.setInstance(URI.create(SecretPaths.mask(path).replaceAll("[^A-Za-z0-9/._~%*-]", "")));
        }
        withRequestId(problem, request);
        return problem;
    }

    public static ProblemDetail withRequestId(ProblemDetail problem, HttpServletRequest request) {
        problem.setProperty("requestId", RequestIdFilter.of(request));
        return problem;
    }

    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The method the client used: on an error dispatch the container may report another one. */
    public static String method(HttpServletRequest request) {
        Object sent = request.getAttribute(RequestIdFilter.METHOD_ATTRIBUTE);
        return sent instanceof String method ? method : request.getMethod();
    }

    /** A safe default sentence per status: error bodies never carry exception messages. */
    public static String defaultDetail(int status, String method, String path) {
        return switch (status) {
            case 400 -> "The request could not be understood.";
            case 401 -> "Authentication is required.";
            case 403 -> "You are not allowed to do this.";
            case 404 -> "Nothing is found at " + method + " " + SecretPaths.mask(path) + ".";
            case 405 -> "The method " + method + " is not allowed here.";
            case 406 -> "No acceptable representation is available.";
            case 413 -> "The request body is too large.";
            case 415 -> "The content type is not supported.";
            case 429 -> "Too many requests. Retry later.";
            default -> status >= 500
                    ? "An unexpected error occurred. Quote the request id when reporting it."
                    : "The request failed.";
        };
    }
}
