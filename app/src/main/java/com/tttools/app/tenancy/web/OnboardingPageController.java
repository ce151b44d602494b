package com.tttools.app.tenancy.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.identity.MembershipDirectory;
import com.tttools.app.tenancy.TenantAccess;
import com.tttools.app.tenancy.core.OrganizationService;
import com.tttools.app.tenancy.core.WorkspaceService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

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

    @GetMapping("/onboarding")
    String form(Model model) {
        model.addAttribute("timezones", Choices.TIMEZONES);
        model.addAttribute("currencies", Choices.CURRENCIES);
        return "tenancy/onboarding";
    }

    @PostMapping("/onboarding")
    String create(@AuthenticationPrincipal AuthenticatedUser caller, @RequestParam(required = false) String name,
            @RequestParam(required = false) String workspaceName, @RequestParam(required = false) String timezone,
            @RequestParam(required = false) String currency) {
        var created = organizations.create(caller, name,
                new WorkspaceService.NewWorkspace(workspaceName, timezone, currency));
        return "redirect:/workspaces/" + created.firstWorkspace().id();
    }
}
