package com.tttools.app.identity.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.identity.security.RecentAuthentication;
import com.tttools.app.identity.session.SessionProperties;
import com.tttools.app.shared.ValidationFailedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /account/confirm-password}: the page account-security actions send a signed-in user to when the
 * password was last proven longer ago than the reauthentication window.
 */
@Controller
class ConfirmPasswordPagesController {

    static final String PATH = "/account/confirm-password";

    private final RecentAuthentication recent;
    private final SessionProperties sessions;

    ConfirmPasswordPagesController(RecentAuthentication recent, SessionProperties sessions) {
        this.recent = recent;
        this.sessions = sessions;
    }

    /** Where a page action goes when the session needs a fresh password confirmation first. */
    static String redirectTo(String next) {
        return "redirect:" + PATH + "?next=" + SafeRedirects.target(next, "/account");
    }

    @GetMapping(PATH)
    String page(@RequestParam(required = false) String next, Model model) {
        model.addAttribute("next", SafeRedirects.target(next, "/account"));
        model.addAttribute("windowMinutes", sessions.reauthenticationWindow().toMinutes());
        return "identity/confirm-password";
    }

    @PostMapping(PATH)
    String confirm(@AuthenticationPrincipal AuthenticatedUser caller, @RequestParam(defaultValue = "") String password,
            @RequestParam(required = false) String next, HttpServletRequest request, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        String target = SafeRedirects.target(next, "/account");
        try {
            recent.confirm(caller, password, null, request);
        } catch (ValidationFailedException e) {
            response.setStatus(422);
            model.addAttribute("next", target);
            model.addAttribute("windowMinutes", sessions.reauthenticationWindow().toMinutes());
            model.addAttribute("error", "Password " + e.problems().get(0).message() + ".");
            return "identity/confirm-password";
        }
        redirect.addFlashAttribute("message", "Thanks. Now repeat what you were doing.");
        return "redirect:" + target;
    }
}
