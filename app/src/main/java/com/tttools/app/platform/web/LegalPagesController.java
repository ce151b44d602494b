package com.tttools.app.platform.web;

import com.tttools.app.platform.config.PolicyProperties;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The privacy policy ({@code /privacy}) and terms of use ({@code /terms}): public pages, linked from every page's
 * footer and from sign-up. The operator, contact, version and effective date come from {@link PolicyProperties}.
 */
@Controller
class LegalPagesController {

    @GetMapping("/privacy")
    String privacy() {
        return "legal/privacy";
    }

    @GetMapping("/terms")
    String terms() {
        return "legal/terms";
    }

    /** The policy in force, for every page (footer, sign-up text, the notice after a change). */
    @ControllerAdvice(annotations = Controller.class)
    static class PolicyAdvice {

        private final PolicyProperties policy;

        PolicyAdvice(PolicyProperties policy) {
            this.policy = policy;
        }

        @ModelAttribute("policy")
        PolicyProperties policy() {
            return policy;
        }
    }
}
