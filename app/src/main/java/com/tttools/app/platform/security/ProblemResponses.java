package com.tttools.app.platform.security;

import com.tttools.app.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes problem details from filters (before any controller runs): 401, 403, 429. */
@Component
public class ProblemResponses {

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status) throws IOException {
        write(request, response, status, Problems.defaultDetail(status.value(), request.getMethod(), request.getRequestURI()));
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        write(request, response, Problems.problem(status, detail, request, request.getRequestURI()));
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), problem);
    }

    public void tooManyRequests(HttpServletRequest request, HttpServletResponse response, Duration retryAfter)
            throws IOException {
        response.setHeader("Retry-After", String.valueOf(Math.max(1, retryAfter.toSeconds())));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS);
    }
}
