package com.tttools.app.bulk.web;

import com.tttools.app.jobs.JobFailedPermanently;
import com.tttools.app.platform.web.Problems;
import com.tttools.app.tiktok.TikTokApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Planning and reverting read TikTok while the caller waits: when TikTok cannot be read the answer is 502 (or 409
 * when the connection has no token), with TikTok's code and request id but no token or request body.
 */
@RestControllerAdvice(assignableTypes = BulkApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BulkApiExceptionHandler {

    @ExceptionHandler(TikTokApiException.class)
    ResponseEntity<ProblemDetail> tiktok(TikTokApiException ex, HttpServletRequest request) {
        return Problems.response(Problems.problem(HttpStatus.BAD_GATEWAY, "TikTok could not be read ("
                + (ex.code() == 0 ? "no answer" : "code " + ex.code()) + (ex.requestId() == null ? ""
                : ", request id " + ex.requestId()) + "); nothing was planned. Try again.", request,
                request.getRequestURI()));
    }

    @ExceptionHandler(JobFailedPermanently.class)
    ResponseEntity<ProblemDetail> noToken(JobFailedPermanently ex, HttpServletRequest request) {
        return Problems.response(Problems.problem(HttpStatus.CONFLICT, ex.getMessage(), request,
                request.getRequestURI()));
    }
}
