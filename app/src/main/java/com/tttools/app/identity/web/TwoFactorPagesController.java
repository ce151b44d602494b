package com.tttools.app.identity.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.identity.mfa.TwoFactorService;
import com.tttools.app.identity.security.RecentAuthentication;
import com.tttools.app.platform.ratelimit.RateLimitedException;
import com.tttools.app.shared.audit.RequestMetadata;
import jakarta.servlet.http.HttpServletRequest;
import com.tttools.app.shared.ConflictException;
import com.tttools.app.shared.ForbiddenException;
import com.tttools.app.shared.ValidationFailedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /account/two-factor}: the setup page (QR code and key, confirm with a code) and the manage page. */
@Controller
class TwoFactorPagesController {

    private static final String PAGE = "/account/two-factor";

    private final TwoFactorService twoFactor;
    private final RecentAuthentication recent;

    TwoFactorPagesController(TwoFactorService twoFactor, RecentAuthentication recent) {
        this.twoFactor = twoFactor;
        this.recent = recent;
    }

    @GetMapping("/account/two-factor")
    String page(@AuthenticationPrincipal AuthenticatedUser caller, Model model) {
        boolean enabled = twoFactor.enabled(caller.id());
        model.addAttribute("enabled", enabled);
        if (enabled) {
            model.addAttribute("unusedRecoveryCodes", twoFactor.unusedRecoveryCodes(caller.id()));
        } else {
            model.addAttribute("setup", twoFactor.pendingSetup(caller.id()).orElse(null));
        }
        return "identity/two-factor";
    }

    @PostMapping("/account/two-factor/setup")
    String begin(@AuthenticationPrincipal AuthenticatedUser caller, HttpServletRequest request,
            RedirectAttributes redirect) {
        if (!recent.isRecent(request)) {
            return ConfirmPasswordPagesController.redirectTo(PAGE);
        }
        try {
            twoFactor.begin(caller.id());
        } catch (ConflictException | ForbiddenException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/account/two-factor";
    }

    @PostMapping("/account/two-factor/confirm")
    String confirm(@AuthenticationPrincipal AuthenticatedUser caller, @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            RedirectAttributes redirect, RequestMetadata metadata) {
        if (!recent.isRecent(request)) {
            return ConfirmPasswordPagesController.redirectTo(PAGE);
        }
        try {
            redirect.addFlashAttribute("recoveryCodes", twoFactor.confirm(caller.id(), code, metadata));
            redirect.addFlashAttribute("message", "Two-factor sign-in is on. Keep these recovery codes somewhere safe: "
                    + "each works once if you lose your device. They are shown only now.");
        } catch (ValidationFailedException e) {
            redirect.addFlashAttribute("error", "That code does not match. Check the time on your device and try the current code.");
            return "redirect:/account/two-factor?retry";
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/account/two-factor";
    }

    @PostMapping("/account/two-factor/disable")
    String disable(@AuthenticationPrincipal AuthenticatedUser caller, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String code, HttpServletRequest request,
            RedirectAttributes redirect, RequestMetadata metadata) {
        if (!recent.isRecent(request)) {
            return ConfirmPasswordPagesController.redirectTo(PAGE);
        }
        try {
            twoFactor.disable(caller.id(), password, code, metadata);
            redirect.addFlashAttribute("message", "Two-factor sign-in is off.");
            return "redirect:/account";
        } catch (ValidationFailedException | ConflictException e) {
            redirect.addFlashAttribute("error", e instanceof ValidationFailedException v
                    ? (v.problems().get(0).field().equals("password") ? "Password is not your current password."
                    : "That code is not valid.") : e.getMessage());
            return "redirect:/account/two-factor";
        } catch (RateLimitedException e) {
            redirect.addFlashAttribute("error", tooManyAttempts(e));
            return "redirect:/account/two-factor";
        }
    }

    @PostMapping("/account/two-factor/recovery-codes")
    String regenerate(@AuthenticationPrincipal AuthenticatedUser caller, @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            RedirectAttributes redirect, RequestMetadata metadata) {
        if (!recent.isRecent(request)) {
            return ConfirmPasswordPagesController.redirectTo(PAGE);
        }
        try {
            redirect.addFlashAttribute("recoveryCodes", twoFactor.regenerateRecoveryCodes(caller.id(), code, metadata));
            redirect.addFlashAttribute("message", "New recovery codes; the old ones no longer work.");
        } catch (ValidationFailedException e) {
            redirect.addFlashAttribute("error", "That code is not valid.");
        } catch (RateLimitedException e) {
            redirect.addFlashAttribute("error", tooManyAttempts(e));
        }
        return "redirect:/account/two-factor";
    }

    private static String tooManyAttempts(RateLimitedException e) {
        return "Too many attempts. Try again in " + Math.max(1, (e.retryAfter().toSeconds() + 59) / 60) + " minute(s).";
    }
}
