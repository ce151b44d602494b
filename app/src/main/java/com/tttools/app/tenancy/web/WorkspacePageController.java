package com.tttools.app.tenancy.web;

import com.tttools.app.shared.UserId;
import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.tenancy.OrganizationPermission;
import com.tttools.app.tenancy.RequireWorkspace;
import com.tttools.app.tenancy.WorkspacePermission;
import com.tttools.app.tenancy.WorkspaceRole;
import com.tttools.app.tenancy.core.OrganizationService;
import com.tttools.app.tenancy.core.WorkspaceService;
import com.tttools.app.shared.ForbiddenException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Workspaces of an organization (list, create, delete, restore), one workspace's members, and switching. The routes
 * acting within one live workspace authorize the caller and bind the workspace through {@code @RequireWorkspace} with
 * the permission {@link WorkspaceService} checks again, so their statements run under row-level security
 * (docs/security.md); the organization's routes, restore and the switcher's form bind none (see each).
 */
@Controller
class WorkspacePageController {

    private final WorkspaceService workspaces;
    private final OrganizationService organizations;
    private final WorkspaceNavigation navigation;

    WorkspacePageController(WorkspaceService workspaces, OrganizationService organizations,
            WorkspaceNavigation navigation) {
        this.workspaces = workspaces;
        this.organizations = organizations;
        this.navigation = navigation;
    }

    @GetMapping("/organizations/{orgId}/workspaces")
    String list(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable OrganizationId orgId, Model model) {
        model.addAttribute("form", new WorkspaceService.NewWorkspace(null, null, null));
        return render(caller, orgId, model);
    }

    /**
     * The new-workspace form, bound to the service's request record; invalid fields answer 422 with the page again,
     * each problem next to its field (after the permission check, so others still get 404 or 403).
     */
    @PostMapping("/organizations/{orgId}/workspaces")
    String create(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable OrganizationId orgId,
            @Valid @ModelAttribute("form") WorkspaceService.NewWorkspace form, BindingResult errors, Model model,
            HttpServletResponse response, RequestMetadata request) {
        if (errors.hasErrors()) {
            String page = render(caller, orgId, model);
            if (!Boolean.TRUE.equals(model.getAttribute("administers"))) {
                throw new ForbiddenException("You are not allowed to do this.");
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page;
        }
        var workspace = workspaces.create(caller, orgId, form, request);
        return "redirect:/workspaces/" + workspace.id();
    }

    private String render(AuthenticatedUser caller, OrganizationId id, Model model) {
        var organization = organizations.get(caller, id);
        boolean administers = OrganizationPermission.CREATE_WORKSPACE.grantedTo(organization.role());
        model.addAttribute("organization", organization);
        model.addAttribute("administers", administers);
        model.addAttribute("workspaces", workspaces.list(caller, id));
        model.addAttribute("deleted", administers ? workspaces.deleted(caller, id) : List.of());
        model.addAttribute("timezones", Choices.TIMEZONES);
        model.addAttribute("currencies", Choices.CURRENCIES);
        return "tenancy/workspaces";
    }

    @GetMapping("/workspaces/{wsId}/settings")
    String show(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.VIEW_WORKSPACE) WorkspaceId wsId, Model model) {
        WorkspaceId id = wsId;
        var workspace = workspaces.get(caller, id);
        var organizationId = OrganizationId.of(workspace.organizationId());
        boolean managesMembers = WorkspacePermission.MANAGE_WORKSPACE_MEMBERS.grantedTo(WorkspaceRole.valueOf(workspace.role()));
        var organization = organizations.get(caller, organizationId);
        model.addAttribute("workspace", workspace);
        model.addAttribute("organization", organization);
        model.addAttribute("managesMembers", managesMembers);
        model.addAttribute("deletes", OrganizationPermission.DELETE_WORKSPACE.grantedTo(organization.role()));
        model.addAttribute("members", workspaces.members(caller, id));
        model.addAttribute("organizationMembers", managesMembers ? organizations.members(caller, organizationId) : List.of());
        model.addAttribute("workspaceRoles", Choices.WORKSPACE_ROLES);
        model.addAttribute("managesSettings", WorkspacePermission.MANAGE_WORKSPACE_SETTINGS
                .grantedTo(WorkspaceRole.valueOf(workspace.role())));
        model.addAttribute("currencies", Choices.CURRENCIES);
        return "tenancy/workspace";
    }

    @PostMapping("/workspaces/{wsId}/settings/currency")
    String changeCurrency(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.MANAGE_WORKSPACE_SETTINGS) WorkspaceId wsId,
            @RequestParam(required = false) String currency, RedirectAttributes redirect, RequestMetadata request) {
        try {
            var workspace = workspaces.changeCurrency(caller, wsId, currency, request);
            redirect.addFlashAttribute("notice", "Reports are now shown in " + workspace.currency() + ".");
        } catch (com.tttools.app.shared.ValidationFailedException e) {
            redirect.addFlashAttribute("currencyError", e.problems().get(0).message());
        }
        return "redirect:/workspaces/" + wsId + "/settings";
    }

    @PostMapping("/workspaces/{wsId}/members")
    String setMember(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.MANAGE_WORKSPACE_MEMBERS) WorkspaceId wsId,
            @RequestParam(required = false) UserId userId, @RequestParam(required = false) String role,
            RedirectAttributes redirect, RequestMetadata request) {
        if (userId == null) {
            throw new NotFoundException("Member");
        }
        var member = workspaces.setMember(caller, wsId, userId, role, request);
        redirect.addFlashAttribute("notice", member.email() + " is now " + member.role() + " in this workspace.");
        return "redirect:/workspaces/" + wsId + "/settings";
    }

    @PostMapping("/workspaces/{wsId}/members/{userId}/remove")
    String removeMember(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.MANAGE_WORKSPACE_MEMBERS) WorkspaceId wsId,
            @PathVariable UserId userId, RedirectAttributes redirect, RequestMetadata request) {
        workspaces.removeMember(caller, wsId, userId, request);
        redirect.addFlashAttribute("notice", "Removed from this workspace.");
        return "redirect:/workspaces/" + wsId + "/settings";
    }

    /** Soft delete; the service also requires the organization's DELETE_WORKSPACE (403 for a workspace member). */
    @PostMapping("/workspaces/{wsId}/delete")
    String delete(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.VIEW_WORKSPACE) WorkspaceId wsId, RedirectAttributes redirect,
            RequestMetadata request) {
        var workspace = workspaces.get(caller, wsId);
        workspaces.delete(caller, wsId, request);
        redirect.addFlashAttribute("notice", "Workspace deleted. It can be restored for 30 days.");
        return "redirect:/organizations/" + workspace.organizationId() + "/workspaces";
    }

    /**
     * Not {@code @RequireWorkspace}: the workspace is deleted, and the access check finds live workspaces only (a
     * deleted one is 404 there); the service reads the deleted workspace's standing itself, as the login role.
     */
    @PostMapping("/workspaces/{wsId}/restore")
    String restore(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable WorkspaceId wsId,
            RedirectAttributes redirect, RequestMetadata request) {
        workspaces.restore(caller, wsId, request);
        redirect.addFlashAttribute("notice", "Workspace restored.");
        return "redirect:/workspaces/" + wsId;
    }

    /**
     * The layout's switcher posts here (a select with a submit button; switcher.js submits on change), with the
     * page it was on as {@code next}: the same section of the other workspace opens (only workspace paths are
     * followed, so it cannot redirect elsewhere). Binds no workspace: the workspace is a form field, not a path
     * variable {@code @RequireWorkspace} reads; the service authorizes it and only writes the user's preference.
     */
    @PostMapping("/switch-workspace")
    String switchTo(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequestParam(required = false) WorkspaceId workspaceId, @RequestParam(required = false) String next) {
        if (workspaceId == null) {
            throw new NotFoundException("Workspace");
        }
        var workspace = workspaces.switchTo(caller, workspaceId);
        return "redirect:" + navigation.samePageIn(workspace.id().toString(), next);
    }
}
