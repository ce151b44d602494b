package com.tttools.app.tenancy.web;

import com.tttools.app.shared.UserId;
import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.shared.InvitationId;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.tenancy.OrganizationAccess;
import com.tttools.app.tenancy.OrganizationPermission;
import com.tttools.app.tenancy.OrganizationRole;
import com.tttools.app.tenancy.RequireOrganization;
import com.tttools.app.tenancy.WorkspacePermission;
import com.tttools.app.tenancy.WorkspaceRole;
import com.tttools.app.tenancy.core.InvitationService;
import com.tttools.app.tenancy.core.OrganizationService;
import com.tttools.app.tenancy.core.WorkspaceService;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organization settings: members, invitations, ownership, leaving and deletion. */
@Controller
class OrganizationPageController {

    private final OrganizationService organizations;
    private final InvitationService invitations;
    private final WorkspaceService workspaces;

    OrganizationPageController(OrganizationService organizations, InvitationService invitations,
            WorkspaceService workspaces) {
        this.organizations = organizations;
        this.invitations = invitations;
        this.workspaces = workspaces;
    }

    @GetMapping("/organizations/{orgId}")
    String settings(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable OrganizationId orgId, Model model) {
        OrganizationId id = orgId;
        OrganizationAccess organization = organizations.get(caller, id);
        boolean manages = OrganizationPermission.MANAGE_ORG_MEMBERS.grantedTo(organization.role());
        model.addAttribute("organization", organization);
        model.addAttribute("manages", manages);
        model.addAttribute("managesRetention", OrganizationPermission.MANAGE_RETENTION.grantedTo(organization.role()));
        model.addAttribute("exportsData", OrganizationPermission.EXPORT_ORGANIZATION_DATA.grantedTo(organization.role()));
        model.addAttribute("owns", organization.role() == OrganizationRole.OWNER);
        model.addAttribute("me", caller.id().toString());
        model.addAttribute("members", organizations.members(caller, id));
        model.addAttribute("invitations", manages ? invitations.pending(caller, id) : List.of());
        List<WorkspaceService.WorkspaceView> visible = workspaces.list(caller, id);
        model.addAttribute("workspaces", visible);
        // the same rule as AuditScopeInterceptor: organization admins, or a member who administers a workspace
        model.addAttribute("readsAudit", OrganizationPermission.READ_AUDIT_LOG.grantedTo(organization.role())
                || visible.stream().anyMatch(w -> WorkspacePermission.MANAGE_WORKSPACE_MEMBERS
                        .grantedTo(WorkspaceRole.valueOf(w.role()))));
        model.addAttribute("roles", organization.role() == OrganizationRole.OWNER ? Choices.ORGANIZATION_ROLES
                : Choices.ORGANIZATION_ROLES.subList(0, 2));
        model.addAttribute("workspaceRoles", Choices.WORKSPACE_ROLES);
        return "tenancy/organization";
    }

    /**
     * The invitee's address travels in the form's body only: in the URL, the request lines Spring Security and MVC
     * log at DEBUG (and any proxy's access log) would print it. An address in the query string is refused, after
     * the caller's permission, so no client comes to rely on it.
     */
    @PostMapping("/organizations/{orgId}/invitations")
    String invite(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireOrganization(OrganizationPermission.MANAGE_ORG_MEMBERS) OrganizationId orgId,
            @RequestParam(required = false) String email, @RequestParam(required = false) String role,
            @RequestParam(required = false) String workspaceId, @RequestParam(required = false) String workspaceRole,
            HttpServletRequest servletRequest, RedirectAttributes redirect, RequestMetadata request) {
        if (inQueryString(servletRequest, "email")) {
            throw new ValidationFailedException("email", "must be sent in the form's body, not in the address");
        }
        List<InvitationService.GrantRequest> grants = workspaceId == null || workspaceId.isBlank() ? List.of()
                : List.of(new InvitationService.GrantRequest(workspaceId, workspaceRole));
        var invitation = invitations.invite(caller, orgId, email, role, grants, request);
        redirect.addFlashAttribute("notice", "Invitation sent to " + invitation.email() + ".");
        return "redirect:/organizations/" + orgId;
    }

    private static boolean inQueryString(HttpServletRequest request, String name) {
        String query = request.getQueryString();
        return query != null && Arrays.stream(query.split("&")).anyMatch(pair -> decoded(pair.split("=", 2)[0]).equals(name));
    }

    private static String decoded(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return name;
        }
    }

    @PostMapping("/organizations/{orgId}/invitations/{id}/revoke")
    String revoke(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable OrganizationId orgId,
            @PathVariable InvitationId id, RedirectAttributes redirect, RequestMetadata request) {
        invitations.revoke(caller, orgId, id, request);
        redirect.addFlashAttribute("notice", "Invitation revoked.");
        return "redirect:/organizations/" + orgId;
    }

    @PostMapping("/organizations/{orgId}/invitations/{id}/resend")
    String resend(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable OrganizationId orgId,
            @PathVariable InvitationId id, RedirectAttributes redirect, RequestMetadata request) {
        invitations.resend(caller, orgId, id, request);
        redirect.addFlashAttribute("notice", "Invitation sent again with a new link.");
        return "redirect:/organizations/" + orgId;
    }

    @PostMapping("/organizations/{orgId}/members/{userId}/role")
    String changeRole(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable OrganizationId orgId,
            @PathVariable UserId userId, @RequestParam(required = false) String role, RedirectAttributes redirect,
            RequestMetadata request) {
        var member = organizations.changeRole(caller, orgId, userId, role, request);
        redirect.addFlashAttribute("notice", member.email() + " is now " + member.role() + ".");
        return "redirect:/organizations/" + orgId;
    }

    @PostMapping("/organizations/{orgId}/members/{userId}/remove")
    String remove(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable OrganizationId orgId,
            @PathVariable UserId userId, RedirectAttributes redirect, RequestMetadata request) {
        organizations.removeMember(caller, orgId, userId, request);
        redirect.addFlashAttribute("notice", "Member removed.");
        return caller.id().toString().equals(userId) ? "redirect:/app" : "redirect:/organizations/" + orgId;
    }

    @PostMapping("/organizations/{orgId}/leave")
    String leave(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable OrganizationId orgId,
            RequestMetadata request) {
        organizations.leave(caller, orgId, request);
        return "redirect:/app";
    }

    @PostMapping("/organizations/{orgId}/transfer-ownership")
    String transfer(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable OrganizationId orgId,
            @RequestParam(required = false) UserId userId, RedirectAttributes redirect, RequestMetadata request) {
        if (userId == null) {
            throw new NotFoundException("Member");
        }
        organizations.transferOwnership(caller, orgId, userId, request);
        redirect.addFlashAttribute("notice", "Ownership transferred. You are now an admin.");
        return "redirect:/organizations/" + orgId;
    }

    @PostMapping("/organizations/{orgId}/delete")
    String delete(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable OrganizationId orgId,
            @RequestParam(required = false) String confirmName, RequestMetadata request) {
        organizations.delete(caller, orgId, confirmName, request);
        return "redirect:/app";
    }
}
