package com.tttools.app.privacy.retention;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.platform.web.CurrentRequest;
import com.tttools.app.privacy.Retention;
import com.tttools.app.privacy.RetentionChange;
import com.tttools.app.privacy.RetentionSetting;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.PathIds;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.tenancy.OrganizationPermission;
import com.tttools.app.tenancy.TenantAccess;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/organizations/{orgId}/retention}: retention per data class, for organization admins. */
@RestController
@RequestMapping("/api/v1/organizations/{orgId}/retention")
class RetentionApiController {

    record ClassesJson(List<RetentionSetting> classes) {
    }

    record ChangeRequest(List<RetentionChange> classes) {
    }

    private final Retention retention;
    private final TenantAccess tenants;

    RetentionApiController(Retention retention, TenantAccess tenants) {
        this.retention = retention;
        this.tenants = tenants;
    }

    @GetMapping
    ClassesJson get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String orgId) {
        return new ClassesJson(retention.settings(authorize(caller, orgId)));
    }

    @PutMapping
    ClassesJson put(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String orgId,
            @RequestBody(required = false) ChangeRequest body) {
        OrganizationId organization = authorize(caller, orgId);
        return new ClassesJson(retention.change(organization, body == null ? null : body.classes(),
                Actor.user(caller.id(), caller.email()), CurrentRequest.metadata()));
    }

    private OrganizationId authorize(AuthenticatedUser caller, String orgId) {
        return tenants.requireOrganization(caller.id(), PathIds.organization(orgId),
                OrganizationPermission.MANAGE_RETENTION).organizationId();
    }
}
