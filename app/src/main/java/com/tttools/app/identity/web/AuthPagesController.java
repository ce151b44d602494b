package com.tttools.app.identity.web;

import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.identity.SecurityEventTypes;
import com.tttools.app.identity.account.AccountService;
import com.tttools.app.identity.account.LoginLimits;
import com.tttools.app.identity.account.LoginResult;
import com.tttools.app.identity.account.LoginService;
import com.tttools.app.identity.account.SecurityEvents;
import com.tttools.app.identity.account.UserRecord;
import com.tttools.app.identity.account.UserRepository;
import com.tttools.app.identity.security.SignIn;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.ConflictException;
import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.ValidationFailedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in pages: log in (with the second step), sign up, verify email, forgot and reset password, log out. */
@Controller
class AuthPagesController {

    static final String AFTER_LOGIN = "/app";
    /** The session's note of the page a sign-up came from (an invitation), offered again once the address is confirmed. */
    static final String CONTINUE_AFTER_VERIFY = AuthPagesController.class.getName() + ".continueAfterVerify";

    private final AccountService accounts;
    /** Where a sign-in that cancelled a pending account deletion lands: the privacy page says so. */
    static final String RESTORED = "/account/data?restored";

    private final LoginService logins;
    private final SignIn signIn;
    private final UserRepository users;
    private final RateLimiter limiter;
    private final SecurityEvents securityEvents;

    AuthPagesController(AccountService accounts, LoginService logins, SignIn signIn, UserRepository users,
            RateLimiter limiter, SecurityEvents securityEvents) {
        this.accounts = accounts;
        this.logins = logins;
        this.signIn = signIn;
        this.users = users;
        this.limiter = limiter;
        this.securityEvents = securityEvents;
    }

    @GetMapping("/login")
    String loginPage(@AuthenticationPrincipal AuthenticatedUser user, @RequestParam(required = false) String next,
            Model model) {
        model.addAttribute("next", SafeRedirects.target(next, null));
        return user == null ? "identity/login" : "redirect:" + SafeRedirects.target(next, AFTER_LOGIN);
    }

    @PostMapping("/login")
    String login(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
            @RequestParam(required = false) String next, HttpServletRequest request, HttpServletResponse response,
            RequestMetadata metadata, Model model) {
        String target = SafeRedirects.target(next, AFTER_LOGIN);
        LoginResult result = logins.authenticate(email, password, null, metadata);
        if (result instanceof LoginResult.Succeeded ok) {
            signIn.signIn(ok.user(), request, response);
            return "redirect:" + (ok.restored() ? RESTORED : target);
        }
        if (result instanceof LoginResult.SecondFactorRequired pending) {
            signIn.rememberPendingSecondFactor(pending.user(), request);
            return "redirect:/login/two-factor" + (target.equals(AFTER_LOGIN) ? "" : "?next=" + target);
        }
        model.addAttribute("email", email);
        model.addAttribute("next", SafeRedirects.target(next, null));
        if (result instanceof LoginResult.Throttled throttled) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(throttled.retryAfter().toSeconds()));
            model.addAttribute("error", "Too many attempts. Try again in "
                    + Math.max(1, throttled.retryAfter().toMinutes()) + " minute(s).");
        } else {
            response.setStatus(401);
            model.addAttribute("error", AuthApiController.INVALID_CREDENTIALS);
        }
        return "identity/login";
    }

    @GetMapping("/login/two-factor")
    String secondFactorPage(@RequestParam(required = false) String next, HttpServletRequest request, Model model) {
        model.addAttribute("next", SafeRedirects.target(next, null));
        return signIn.pendingSecondFactorUser(request).isPresent() ? "identity/two-factor-login" : "redirect:/login";
    }

    @PostMapping("/login/two-factor")
    String secondFactor(@RequestParam(defaultValue = "") String code, @RequestParam(required = false) String next,
            HttpServletRequest request, HttpServletResponse response, RequestMetadata metadata, Model model) {
        model.addAttribute("next", SafeRedirects.target(next, null));
        var pending = signIn.pendingSecondFactorUser(request);
        if (pending.isEmpty()) {
            return "redirect:/login";
        }
        UserRecord user = users.findById(UserId.of(pending.get())).orElse(null);
        if (user == null) {
            return "redirect:/login";
        }
        LoginResult result = logins.completeSecondFactor(user, code, metadata);
        if (result instanceof LoginResult.Succeeded ok) {
            signIn.signIn(ok.user(), request, response);
            return "redirect:" + (ok.restored() ? RESTORED : SafeRedirects.target(next, AFTER_LOGIN));
        }
        if (result instanceof LoginResult.Throttled) {
            response.setStatus(429);
            model.addAttribute("error", "Too many attempts. Start again later.");
            signIn.signOut(request);
            return "identity/login";
        }
        response.setStatus(401);
        model.addAttribute("error", "That code is not valid. Try the current code, or a recovery code.");
        return "identity/two-factor-login";
    }

    @GetMapping("/signup")
    String signupPage(@AuthenticationPrincipal AuthenticatedUser user, @RequestParam(required = false) String next,
            Model model) {
        model.addAttribute("form", new SignUpForm(null, null, null, null));
        model.addAttribute("next", SafeRedirects.target(next, null));
        return user == null ? "identity/signup" : "redirect:" + SafeRedirects.target(next, AFTER_LOGIN);
    }

    /**
     * Counted against the network's sign-up budget before anything else (invalid attempts too); invalid fields
     * answer 422 with each problem next to its field.
     */
    @PostMapping("/signup")
    String signup(@Valid @ModelAttribute("form") SignUpForm form, BindingResult errors, HttpServletRequest request,
            HttpServletResponse response, RequestMetadata metadata, Model model) {
        model.addAttribute("next", SafeRedirects.target(form.next(), null));   // the form itself stays bound to its errors
        RateLimiter.Decision decision = limiter.consume(LoginLimits.SIGNUPS_PER_IP, metadata.ip());
        if (!decision.allowed()) {
            securityEvents.publish(SecurityEventTypes.RATE_LIMITED, null, null, Map.of("limit", "signup-ip"), metadata);
            response.setStatus(429);
            model.addAttribute("error", "Too many sign-ups from your network. Try again later.");
            // a fresh form object: the model drops the binding result, so no field is marked (nothing was checked)
            model.addAttribute("form", new SignUpForm(form.name(), form.email(), null, null));
            return "identity/signup";
        }
        if (!errors.hasErrors()) {
            try {
                AccountService.SignUp outcome = accounts.signUp(form.email(), form.password(), form.name(), metadata);
                if (outcome.created()) {
                    signIn.signIn(outcome.user(), request, response);
                } else {
                    signIn.startAnonymousSession(request);   // a taken address answers like a new one
                }
                String next = SafeRedirects.target(form.next(), null);
                if (next != null) {
                    // where the confirmation leads back to (an invitation waits for a confirmed address)
                    request.getSession().setAttribute(CONTINUE_AFTER_VERIFY, next);
                }
                return "redirect:" + SafeRedirects.target(form.next(), AFTER_LOGIN);
            } catch (ValidationFailedException e) {
                reject(errors, e);
            }
        }
        response.setStatus(422);
        return "identity/signup";
    }

    /** The emailed link lands here; confirming is a POST so that link scanners cannot use the token. */
    @GetMapping("/verify-email")
    String verifyPage(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        return "identity/verify-email";
    }

    @PostMapping("/verify-email")
    String verify(@RequestParam(defaultValue = "") String token, RequestMetadata metadata, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        try {
            accounts.verifyEmail(token, metadata);
            model.addAttribute("verified", true);
            jakarta.servlet.http.HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(CONTINUE_AFTER_VERIFY) instanceof String next) {
                session.removeAttribute(CONTINUE_AFTER_VERIFY);
                model.addAttribute("continueTo", SafeRedirects.target(next, null));
            }
        } catch (ValidationFailedException | ConflictException e) {
            response.setStatus(422);
            model.addAttribute("error", e instanceof ValidationFailedException v ? v.problems().get(0).message() : e.getMessage());
        }
        model.addAttribute("token", token);
        return "identity/verify-email";
    }

    @GetMapping("/forgot-password")
    String forgotPage() {
        return "identity/forgot-password";
    }

    @PostMapping("/forgot-password")
    String forgot(@RequestParam(defaultValue = "") String email, RequestMetadata metadata, Model model) {
        if (limiter.consume(LoginLimits.RESETS_PER_EMAIL, email.strip().toLowerCase(Locale.ROOT)).allowed()) {
            accounts.requestPasswordReset(email, metadata);
        }
        model.addAttribute("sent", true);
        return "identity/forgot-password";
    }

    @GetMapping("/reset-password")
    String resetPage(@RequestParam(defaultValue = "") String token, Model model) {
        // A used, expired or unknown link says which and offers a new one instead of a form that cannot work.
        boolean unusable = !accounts.isPasswordResetUsable(token);
        model.addAttribute("linkUnusable", unusable);
        if (unusable) {
            model.addAttribute("linkState", accounts.passwordResetLinkState(token).name());
        }
        model.addAttribute("token", token);
        model.addAttribute("form", new ResetPasswordForm(token, null));
        return "identity/reset-password";
    }

    @PostMapping("/reset-password")
    String reset(@ModelAttribute("form") ResetPasswordForm form, BindingResult errors, RequestMetadata metadata,
            Model model, HttpServletResponse response) {
        try {
            accounts.confirmPasswordReset(form.token(), form.newPassword(), metadata);
            model.addAttribute("done", true);
        } catch (ValidationFailedException e) {
            response.setStatus(422);
            reject(errors, e);
            model.addAttribute("linkUnusable", errors.hasFieldErrors("token"));
            if (errors.hasFieldErrors("token")) {
                model.addAttribute("linkState", accounts.passwordResetLinkState(form.token()).name());
            }
        }
        model.addAttribute("token", form.token());
        return "identity/reset-password";
    }

    /** A service's problems (rules it alone can check) as field errors, shown like the constraints' own. */
    private static void reject(BindingResult errors, ValidationFailedException e) {
        for (FieldProblem problem : e.problems()) {
            if (!errors.hasFieldErrors(problem.field())) {
                errors.rejectValue(problem.field(), "invalid", problem.message());
            }
        }
    }

    @PostMapping("/logout")
    String logout(@AuthenticationPrincipal AuthenticatedUser user, HttpServletRequest request,
            RequestMetadata metadata) {
        if (user != null) {
            securityEvents.publish(SecurityEventTypes.LOGOUT, user.id(), user.email(), Map.of(), metadata);
        }
        signIn.signOut(request);
        return "redirect:/login?loggedOut";
    }
}
