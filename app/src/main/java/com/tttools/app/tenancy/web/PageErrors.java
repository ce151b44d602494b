package com.tttools.app.tenancy.web;

import com.tttools.app.shared.ConflictException;
import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.ValidationFailedException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Errors of the tenancy pages: 404 and 403 go to the error pages; a refused form (409/422) goes back to the page
 * it came from with the reason shown above the form (post/redirect/get).
 */
@ControllerAdvice(assignableTypes = {OnboardingPageController.class, OrganizationPageController.class,
        InvitationPageController.class,
        WorkspacePageController.class})
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 10)
class PageErrors {

    @ExceptionHandler({ConflictException.class, ValidationFailedException.class})
    String refused(RuntimeException refused, HttpServletRequest request) {
        String message = refused instanceof ValidationFailedException invalid
                ? invalid.problems().stream().map(PageErrors::describe).collect(Collectors.joining("; "))
                : refused.getMessage();
        RequestContextUtils.getOutputFlashMap(request).put("error", message);
        return "redirect:" + backTo(request);
    }

    private static String describe(FieldProblem problem) {
        return problem.field() + " " + problem.message();
    }

    /** The same-origin page the form was on (path only), else the app's start. */
    private static String backTo(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                URI uri = URI.create(referer);
                if (uri.getPath() != null && uri.getPath().startsWith("/") && !uri.getPath().startsWith("//")
                        && request.getServerName().equalsIgnoreCase(uri.getHost())) {
                    return uri.getPath();
                }
            } catch (IllegalArgumentException ignored) {
                // fall back below
            }
        }
        return "/app";
    }
}
