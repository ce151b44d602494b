package com.tttools.app.tenancy.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.shared.ConflictException;
import com.tttools.app.shared.ForbiddenException;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.tenancy.core.InvitationService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The link in the invitation email. Public: it shows who invited whom to what, and offers to accept (signed
 * in) or to sign up / log in first and come back here.
 */
@Controller
class InvitationPageController {

    private final InvitationService invitations;

    InvitationPageController(InvitationService invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/invitations/{token}")
    String show(@PathVariable String token, @AuthenticationPrincipal AuthenticatedUser caller, Model model) {
        model.addAttribute("invitation", invitations.preview(token));
        model.addAttribute("token", token);
        // the header's "Log in" / "Sign up" come back here too, so an invitee never loses the invitation
        model.addAttribute("continueTo", "/invitations/" + token);
        model.addAttribute("signedIn", caller != null);
        model.addAttribute("callerEmail", caller == null ? null : caller.email());
        return "tenancy/invitation";
    }

    @PostMapping("/invitations/{token}/accept")
    String accept(@PathVariable String token, @AuthenticationPrincipal AuthenticatedUser caller,
            RedirectAttributes redirect, RequestMetadata request) {
        try {
            var organizationId = invitations.accept(caller, token, request);
            redirect.addFlashAttribute("notice", "Welcome aboard: you joined the organization.");
            return "redirect:/organizations/" + organizationId;
        } catch (ConflictException | ForbiddenException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/invitations/" + token;
        }
    }
}
