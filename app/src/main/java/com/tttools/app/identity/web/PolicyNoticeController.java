package com.tttools.app.identity.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.identity.consent.PolicyConsents;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The layout's notice after the privacy policy or terms changed: shown to a signed-in user until they
 * acknowledge the version in force (a CSRF-protected form POST), then never again for that version.
 */
@Controller
class PolicyNoticeController {

    private final PolicyConsents consents;

    PolicyNoticeController(PolicyConsents consents) {
        this.consents = consents;
    }

    @PostMapping("/account/policy-acknowledgement")
    String acknowledge(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequestParam(required = false) String next) {
        consents.acknowledge(caller.id());
        return "redirect:" + SafeRedirects.target(next, "/app");
    }
}
