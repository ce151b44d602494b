package com.tttools.app.identity.web;

import com.tttools.app.identity.security.ReauthenticationRequiredException;
import com.tttools.app.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** 403 {@code reauthentication-required} problems for the account API (ahead of the catch-all API advice). */
@RestControllerAdvice(assignableTypes = {MeApiController.class, TwoFactorApiController.class})
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
class ReauthenticationProblems {

    @ExceptionHandler(ReauthenticationRequiredException.class)
    ResponseEntity<ProblemDetail> reauthenticationRequired(ReauthenticationRequiredException ex,
            HttpServletRequest request) {
        ProblemDetail problem = Problems.problem(HttpStatus.FORBIDDEN, ex.getMessage(), request, request.getRequestURI());
        problem.setType(URI.create(ReauthenticationRequiredException.PROBLEM_TYPE));
        problem.setTitle("Reauthentication required");
        if (!ex.personalAccessToken()) {
            problem.setProperty("reauthenticate", "/api/v1/me/reauthenticate");
        }
        return Problems.response(problem);
    }
}
