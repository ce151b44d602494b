package com.tttools.app.privacy.retention;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.privacy.Retention;
import com.tttools.app.privacy.RetentionChange;
import com.tttools.app.privacy.RetentionSetting;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.tenancy.OrganizationPermission;
import com.tttools.app.tenancy.RequireOrganization;
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

    RetentionApiController(Retention retention) {
        this.retention = retention;
    }

    @GetMapping
    ClassesJson get(@RequireOrganization(OrganizationPermission.MANAGE_RETENTION) OrganizationId organization) {
        return new ClassesJson(retention.settings(organization));
    }

    @PutMapping
    ClassesJson put(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireOrganization(OrganizationPermission.MANAGE_RETENTION) OrganizationId organization,
            @RequestBody(required = false) ChangeRequest body, RequestMetadata request) {
        return new ClassesJson(retention.change(organization, body == null ? null : body.classes(),
                Actor.user(caller.id(), caller.email()), request));
    }

}
