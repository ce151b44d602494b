package com.tttools.app.tenancy.web;

import com.tttools.app.shared.MaskedEmail;
import com.tttools.app.shared.InvitationId;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.tenancy.core.InvitationService;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Invitations: managed under an organization, accepted by the invited person with the token from the email. */
@RestController
class InvitationApiController {

    record NewInvitation(String email, String role, List<InvitationService.GrantRequest> workspaces) {
        @Override
        public String toString() {
            return "NewInvitation[email=" + MaskedEmail.of(email) + ", role=" + role + "]";
        }
    }

    private final InvitationService invitations;

    InvitationApiController(InvitationService invitations) {
        this.invitations = invitations;
    }

    @PostMapping("/api/v1/organizations/{orgId}/invitations")
    ResponseEntity<InvitationService.InvitationView> invite(@AuthenticationPrincipal AuthenticatedUser caller,
            @PathVariable OrganizationId orgId, @RequestBody(required = false) NewInvitation body,
            RequestMetadata metadata) {
        NewInvitation request = body == null ? new NewInvitation(null, null, null) : body;
        var created = invitations.invite(caller, orgId, request.email(), request.role(),
                request.workspaces(), metadata);
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @GetMapping("/api/v1/organizations/{orgId}/invitations")
    Items<InvitationService.InvitationView> pending(@AuthenticationPrincipal AuthenticatedUser caller,
            @PathVariable OrganizationId orgId) {
        return Items.of(invitations.pending(caller, orgId));
    }

    @DeleteMapping("/api/v1/organizations/{orgId}/invitations/{id}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable OrganizationId orgId,
            @PathVariable InvitationId id, RequestMetadata request) {
        invitations.revoke(caller, orgId, id, request);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/organizations/{orgId}/invitations/{id}/resend")
    InvitationService.InvitationView resend(@AuthenticationPrincipal AuthenticatedUser caller,
            @PathVariable OrganizationId orgId, @PathVariable InvitationId id, RequestMetadata request) {
        return invitations.resend(caller, orgId, id, request);
    }

    @PostMapping("/api/v1/invitations/{token}/accept")
    Map<String, String> accept(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String token,
            RequestMetadata request) {
        return Map.of("organizationId", invitations.accept(caller, token, request).toString());
    }
}
