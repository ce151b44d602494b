package com.tttools.app.tenancy.web;

import com.tttools.app.shared.UserId;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.tenancy.OrganizationAccess;
import com.tttools.app.tenancy.core.MemberView;
import com.tttools.app.tenancy.core.OrganizationService;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.tenancy.core.WorkspaceService;
import com.tttools.app.shared.validation.DisplayName;
import jakarta.validation.Valid;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.convert.ConversionService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/organizations}: organizations, their members, ownership and deletion. */
@RestController
@RequestMapping("/api/v1/organizations")
class OrganizationApiController {

    record NewOrganization(@DisplayName String name, @Valid WorkspaceService.NewWorkspace workspace) {
    }

    record OrganizationJson(String id, String name, String role, WorkspaceService.WorkspaceView workspace) {
    }

    record RoleChange(String role) {
    }

    record Transfer(String userId) {
    }

    record Deletion(String confirmName) {
    }

    private final OrganizationService organizations;
    private final ConversionService conversions;

    /** MVC's conversions: the body's user id parses like a path id (malformed → 404). */
    OrganizationApiController(OrganizationService organizations,
            @Qualifier("mvcConversionService") ConversionService conversions) {
        this.organizations = organizations;
        this.conversions = conversions;
    }

    @PostMapping
    ResponseEntity<OrganizationJson> create(@AuthenticationPrincipal AuthenticatedUser caller,
            @Valid @RequestBody(required = false) NewOrganization body,
            RequestMetadata metadata) {
        NewOrganization request = body == null ? new NewOrganization(null, null) : body;
        var created = organizations.create(caller, request.name(), request.workspace(), metadata);
        return ResponseEntity.status(HttpStatus.CREATED).body(new OrganizationJson(created.organizationId().toString(),
                created.name(), "OWNER", created.firstWorkspace()));
    }

    @GetMapping("/{orgId}")
    OrganizationJson get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable OrganizationId orgId) {
        OrganizationAccess access = organizations.get(caller, orgId);
        return new OrganizationJson(access.organizationId().toString(), access.organizationName(), access.role().name(),
                null);
    }

    @DeleteMapping("/{orgId}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable OrganizationId orgId,
            @RequestBody(required = false) Deletion body, RequestMetadata request) {
        organizations.delete(caller, orgId, body == null ? null : body.confirmName(), request);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{orgId}/transfer-ownership")
    ResponseEntity<Void> transfer(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable OrganizationId orgId,
            @RequestBody(required = false) Transfer body, RequestMetadata request) {
        UserId heir = body == null ? null : conversions.convert(body.userId(), UserId.class);
        if (heir == null) {
            throw new NotFoundException("Member");
        }
        organizations.transferOwnership(caller, orgId, heir, request);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{orgId}/leave")
    ResponseEntity<Void> leave(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable OrganizationId orgId,
            RequestMetadata request) {
        organizations.leave(caller, orgId, request);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{orgId}/members")
    Items<MemberView> members(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable OrganizationId orgId) {
        return Items.of(organizations.members(caller, orgId));
    }

    @PatchMapping("/{orgId}/members/{userId}")
    MemberView changeRole(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable OrganizationId orgId,
            @PathVariable UserId userId, @RequestBody(required = false) RoleChange body, RequestMetadata request) {
        return organizations.changeRole(caller, orgId, userId,
                body == null ? null : body.role(), request);
    }

    @DeleteMapping("/{orgId}/members/{userId}")
    ResponseEntity<Void> remove(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable OrganizationId orgId,
            @PathVariable UserId userId, RequestMetadata request) {
        organizations.removeMember(caller, orgId, userId, request);
        return ResponseEntity.noContent().build();
    }
}
