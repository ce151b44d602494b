package com.tttools.app.identity.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.identity.consent.PolicyConsents;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in user (or null) into every page model, for the layout's account menu, and the policy
 * version they still have to acknowledge (or null), for the layout's notice. JSON controllers match the advice too
 * (a {@code @RestController} is a {@code @Controller}); the API renders no layout, nor do htmx requests (they get
 * fragments), so both skip the consent query.
 */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

    private final PolicyConsents consents;

    CurrentUserAdvice(PolicyConsents consents) {
        this.consents = consents;
    }

    @ModelAttribute("currentUser")
    AuthenticatedUser currentUser(@AuthenticationPrincipal AuthenticatedUser user) {
        return user;
    }

    @ModelAttribute("policyNotice")
    String policyNotice(@AuthenticationPrincipal AuthenticatedUser user, jakarta.servlet.http.HttpServletRequest request) {
        if (user == null || request.getRequestURI().startsWith("/api/") || request.getHeader("HX-Request") != null) {
            return null;
        }
        return consents.acceptedCurrent(user.id()) ? null : consents.currentVersion();
    }

    /** Where acknowledging the notice returns to: the page it was shown on. */
    @ModelAttribute("currentPath")
    String currentPath(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI();
    }
}
