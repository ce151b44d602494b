package com.tttools.app.privacy.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.identity.UserAccounts;
import com.tttools.app.identity.UserSummary;
import com.tttools.app.privacy.AccountDeletionBlocked;
import com.tttools.app.privacy.AccountDeletions;
import com.tttools.app.privacy.PersonalDataExports;
import com.tttools.app.privacy.PrivacyProperties;
import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.audit.RequestMetadata;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The "Your data" page ({@code /account/data}): export with progress (htmx polling), download, account deletion. */
@Controller
class PrivacyPageController {

    private final PersonalDataExports exports;
    private final AccountDeletions deletions;
    private final UserAccounts users;
    private final PrivacyProperties properties;

    PrivacyPageController(PersonalDataExports exports, AccountDeletions deletions, UserAccounts users,
            PrivacyProperties properties) {
        this.exports = exports;
        this.deletions = deletions;
        this.users = users;
        this.properties = properties;
    }

    @GetMapping("/account/data")
    String page(@AuthenticationPrincipal AuthenticatedUser caller, Model model) {
        return render(caller, model);
    }

    @PostMapping("/account/data/exports")
    String requestExport(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        exports.request(caller.id(), null);
        if (htmx == null) {
            return "redirect:/account/data";
        }
        model.addAttribute("exports", exports.recent(caller.id(), 5));
        return "privacy/export-status :: list";
    }

    @GetMapping("/account/data/exports/{id}")
    String exportStatus(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String id, Model model) {
        model.addAttribute("export", exports.find(caller.id(), id).orElseThrow(() -> new NotFoundException("Export")));
        return "privacy/export-status :: status";
    }

    @GetMapping("/account/data/exports/{id}/download")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String id,
            RequestMetadata request) {
        return PrivacyApiController.zip(exports.download(caller.id(), id, request), "tttools-personal-data-" + id + ".zip");
    }

    @PostMapping("/account/data/delete")
    String delete(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String totpCode,
            HttpServletRequest request, HttpServletResponse response, Model model, RequestMetadata metadata) {
        try {
            deletions.request(caller.id(), password, totpCode.isBlank() ? null : totpCode, metadata);
        } catch (ValidationFailedException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldProblem problem : e.problems()) {
                errors.put(problem.field(), problem.message());
            }
            model.addAttribute("errors", errors);
            response.setStatus(422);
            return render(caller, model);
        } catch (AccountDeletionBlocked e) {
            model.addAttribute("blocked", e.organizations());
            response.setStatus(409);
            return render(caller, model);
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/login?deleted";
    }

    private String render(AuthenticatedUser caller, Model model) {
        UserSummary user = users.find(caller.id()).orElseThrow(() -> new NotFoundException("User"));
        model.addAttribute("user", user);
        model.addAttribute("exports", exports.recent(caller.id(), 5));
        model.addAttribute("graceDays", properties.deletionGracePeriod().toDays());
        model.addAttribute("deletedWithAccount", deletions.organizationsDeletedWith(caller.id()));
        model.addAttribute("exportHours", properties.exportLifetime().toHours());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "privacy/data";
    }
}
