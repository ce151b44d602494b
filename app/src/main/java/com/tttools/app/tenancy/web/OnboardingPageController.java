package com.tttools.app.tenancy.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.shared.validation.CurrencyCode;
import com.tttools.app.shared.validation.DisplayName;
import com.tttools.app.shared.validation.TimeZoneName;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import com.tttools.app.identity.MembershipDirectory;
import com.tttools.app.tenancy.TenantAccess;
import com.tttools.app.tenancy.core.OrganizationService;
import com.tttools.app.tenancy.core.WorkspaceService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** After sign-up: create an organization and its first workspace. {@code /app} opens the current workspace. */
@Controller
class OnboardingPageController {

    private final OrganizationService organizations;
    private final TenantAccess access;
    private final MembershipDirectory memberships;

    OnboardingPageController(OrganizationService organizations, TenantAccess access,
            MembershipDirectory memberships) {
        this.organizations = organizations;
        this.access = access;
        this.memberships = memberships;
    }

    /** The current workspace; else an organization without a workspace for the caller yet; else onboarding. */
    @GetMapping("/app")
    String start(@AuthenticationPrincipal AuthenticatedUser caller) {
        return access.currentWorkspace(caller.id())
                .map(workspace -> "redirect:/workspaces/" + workspace.workspaceId())
                .or(() -> memberships.organizationsOf(caller.id()).stream().findFirst()
                        .map(organization -> "redirect:/organizations/" + organization.id()))
                .orElse("redirect:/onboarding");
    }

    /** The onboarding form as posted; problems are shown next to the fields. */
    record OnboardingForm(@DisplayName String name, @DisplayName String workspaceName, @TimeZoneName String timezone,
            @CurrencyCode String currency) {
    }

    @GetMapping("/onboarding")
    String form(Model model) {
        model.addAttribute("form", new OnboardingForm(null, null, null, null));
        return render(model);
    }

    /** Invalid fields answer 422 with the form again, each problem next to its field. */
    @PostMapping("/onboarding")
    String create(@AuthenticationPrincipal AuthenticatedUser caller,
            @Valid @ModelAttribute("form") OnboardingForm form, BindingResult errors, Model model,
            HttpServletResponse response, RequestMetadata request) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(model);
        }
        var created = organizations.create(caller, form.name(),
                new WorkspaceService.NewWorkspace(form.workspaceName(), form.timezone(), form.currency()), request);
        return "redirect:/workspaces/" + created.firstWorkspace().id();
    }

    private static String render(Model model) {
        model.addAttribute("timezones", Choices.TIMEZONES);
        model.addAttribute("currencies", Choices.CURRENCIES);
        return "tenancy/onboarding";
    }
}
