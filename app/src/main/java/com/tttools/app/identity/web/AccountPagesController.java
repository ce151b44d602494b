package com.tttools.app.identity.web;

import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.audit.SecurityLog;
import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.identity.SecurityEventTypes;
import com.tttools.app.identity.account.AccountService;
import com.tttools.app.identity.account.SecondFactor;
import com.tttools.app.identity.account.SecurityEvents;
import com.tttools.app.identity.account.UserRepository;
import com.tttools.app.identity.session.UserSessions;
import com.tttools.app.identity.token.PersonalAccessTokens;
import com.tttools.app.identity.security.RecentAuthentication;
import com.tttools.app.shared.ConflictException;
import com.tttools.app.shared.ForbiddenException;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.identity.web.AccountForms.EmailChangeForm;
import com.tttools.app.identity.web.AccountForms.NameForm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /account}: profile, email, password, sessions and personal access tokens of the signed-in user. */
@Controller
class AccountPagesController {

    private final UserRepository users;
    private final AccountService accounts;
    private final UserSessions sessions;
    private final PersonalAccessTokens tokens;
    private final SecurityEvents securityEvents;
    private final ObjectProvider<SecondFactor> secondFactor;
    private final SecurityLog securityLog;
    private final RecentAuthentication recent;

    AccountPagesController(UserRepository users, AccountService accounts, UserSessions sessions,
            PersonalAccessTokens tokens, SecurityEvents securityEvents, ObjectProvider<SecondFactor> secondFactor,
            SecurityLog securityLog, RecentAuthentication recent) {
        this.users = users;
        this.accounts = accounts;
        this.sessions = sessions;
        this.tokens = tokens;
        this.securityEvents = securityEvents;
        this.secondFactor = secondFactor;
        this.securityLog = securityLog;
        this.recent = recent;
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal AuthenticatedUser caller, HttpServletRequest request, Model model) {
        var user = users.findById(caller.id()).orElseThrow(() -> new NotFoundException("User"));
        if (!model.containsAttribute("nameForm")) {
            model.addAttribute("nameForm", new NameForm(user.name()));
        }
        if (!model.containsAttribute("emailForm")) {
            model.addAttribute("emailForm", new EmailChangeForm(null, null));
        }
        HttpSession session = request.getSession(false);
        SecondFactor factor = secondFactor.getIfAvailable();
        model.addAttribute("user", user);
        model.addAttribute("twoFactorAvailable", factor != null);
        model.addAttribute("twoFactorEnabled", factor != null && factor.enabled(user.id()));
        model.addAttribute("sessions", sessions.list(caller.id(), session == null ? null : session.getId()));
        model.addAttribute("tokens", tokens.list(caller.id()));
        var events = securityLog.forUser(caller.id(), 20, null).items();
        model.addAttribute("securityEvents", events);
        Map<String, String> eventLabels = new java.util.HashMap<>();
        events.forEach(e -> eventLabels.put(e.type(), SecurityEventTypes.label(e.type())));
        model.addAttribute("eventLabels", eventLabels);
        return "identity/account";
    }

    /** A refused form comes back on the page (422) with its messages next to its fields; a valid one goes on. */
    @PostMapping("/account/name")
    String changeName(@AuthenticationPrincipal AuthenticatedUser caller,
            @Valid @ModelAttribute("nameForm") NameForm form, BindingResult errors, RequestMetadata metadata,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return account(caller, request, model);
        }
        return outcome(redirect, "Your name is saved.", () -> accounts.changeName(caller.id(), form.name(), metadata));
    }

    @PostMapping("/account/email")
    String changeEmail(@AuthenticationPrincipal AuthenticatedUser caller,
            @Valid @ModelAttribute("emailForm") EmailChangeForm form, BindingResult errors,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("emailForm", form.withoutPassword());
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "emailForm", errors);
            model.addAttribute("emailFormInvalid", true);
            return account(caller, request, model);
        }
        return outcome(redirect, "We sent a confirmation link to " + form.email() + ". The change happens when you follow it.",
                () -> accounts.requestEmailChange(caller.id(), form.email(), form.currentPassword()));
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequestParam(defaultValue = "") String currentPassword, @RequestParam(defaultValue = "") String newPassword,
            HttpServletRequest request, RequestMetadata metadata, RedirectAttributes redirect) {
        HttpSession session = request.getSession(false);
        return outcome(redirect, "Your password is changed; your other sessions were signed out.",
                () -> accounts.changePassword(caller.id(), currentPassword, newPassword,
                        session == null ? null : session.getId(), metadata));
    }

    @PostMapping("/account/verification")
    String resendVerification(@AuthenticationPrincipal AuthenticatedUser caller, RedirectAttributes redirect) {
        return outcome(redirect, "We sent a new confirmation link.", () -> accounts.resendVerification(caller.id()));
    }

    @PostMapping("/account/sessions/{id}/revoke")
    String revokeSession(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String id,
            HttpServletRequest request, RedirectAttributes redirect, RequestMetadata metadata) {
        if (!recent.isRecent(request)) {
            return ConfirmPasswordPagesController.redirectTo("/account");
        }
        return outcome(redirect, "The session is signed out.", () -> {
            sessions.revoke(caller.id(), id);
            securityEvents.publish(SecurityEventTypes.SESSION_REVOKED, caller.id(), caller.email(), Map.of(), metadata);
        });
    }

    @PostMapping("/account/sessions/revoke-others")
    String revokeOtherSessions(@AuthenticationPrincipal AuthenticatedUser caller, HttpServletRequest request,
            RedirectAttributes redirect, RequestMetadata metadata) {
        if (!recent.isRecent(request)) {
            return ConfirmPasswordPagesController.redirectTo("/account");
        }
        HttpSession session = request.getSession(false);
        return outcome(redirect, "Every other session is signed out.", () -> {
            int ended = sessions.endAllSessions(caller.id(), session == null ? null : session.getId());
            securityEvents.publish(SecurityEventTypes.SESSION_REVOKED, caller.id(), caller.email(),
                    Map.of("count", String.valueOf(ended)), metadata);
        });
    }

    @PostMapping("/account/tokens")
    String createToken(@AuthenticationPrincipal AuthenticatedUser caller, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "false") boolean readOnly, @RequestParam(required = false) LocalDate expiresOn,
            HttpServletRequest request, RedirectAttributes redirect, RequestMetadata metadata) {
        if (!recent.isRecent(request)) {
            return ConfirmPasswordPagesController.redirectTo("/account");
        }
        try {
            var created = tokens.create(caller.id(), name, readOnly,
                    expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), metadata);
            redirect.addFlashAttribute("newToken", created.secret());
            redirect.addFlashAttribute("message", "Token created. Copy it now: it is shown only once.");
        } catch (ValidationFailedException e) {
            redirect.addFlashAttribute("error", "Token " + e.problems().get(0).field() + " " + e.problems().get(0).message());
        } catch (ForbiddenException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/account#tokens";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String id,
            RedirectAttributes redirect, RequestMetadata request) {
        return outcome(redirect, "The token is revoked.", () -> tokens.revoke(caller.id(), id, request));
    }

    private static String outcome(RedirectAttributes redirect, String success, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", success);
        } catch (ValidationFailedException e) {
            var problem = e.problems().get(0);
            redirect.addFlashAttribute("error", humanize(problem.field()) + " " + problem.message() + ".");
        } catch (ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/account";
    }

    private static String humanize(String field) {
        return switch (field) {
            case "currentPassword" -> "Current password";
            case "newPassword" -> "New password";
            case "email" -> "Email";
            case "name" -> "Name";
            default -> field;
        };
    }

}
