package com.tttools.app.tenancy.web;

import com.tttools.app.audit.SecurityEvent;
import com.tttools.app.audit.SecurityLog;
import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.shared.CursorPage;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.tenancy.OrganizationPermission;
import com.tttools.app.tenancy.TenantAccess;
import com.tttools.app.tenancy.core.OrganizationService;
import com.tttools.app.shared.PathIds;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/organizations/{orgId}/security-events}: the sign-in activity of the organization's
 * current members, for organization OWNER/ADMIN (who read the audit log too).
 */
@RestController
class MemberSecurityEventsController {

    record SecurityEventView(String id, Instant at, String type, String userId, String email, String ip,
            String userAgent, String requestId, Map<String, Object> details) {

        static SecurityEventView of(SecurityEvent event) {
            return new SecurityEventView(event.id().toString(), event.at(), event.type(),
                    event.userId() == null ? null : event.userId().toString(), event.email(), event.request().ip(),
                    event.request().userAgent(), event.request().requestId(), event.details());
        }
    }

    private final TenantAccess access;
    private final OrganizationService organizations;
    private final SecurityLog securityLog;

    MemberSecurityEventsController(TenantAccess access, OrganizationService organizations, SecurityLog securityLog) {
        this.access = access;
        this.organizations = organizations;
        this.securityLog = securityLog;
    }

    @GetMapping("/api/v1/organizations/{orgId}/security-events")
    CursorPage<SecurityEventView> list(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String orgId,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String cursor) {
        OrganizationId organization = PathIds.organization(orgId);
        access.requireOrganization(caller.id(), organization, OrganizationPermission.READ_AUDIT_LOG);
        List<UserId> members = organizations.members(caller, organization).stream()
                .map(member -> UserId.of(member.userId())).toList();
        CursorPage<SecurityEvent> page = securityLog.forUsers(members, limit, cursor);
        return new CursorPage<>(page.items().stream().map(SecurityEventView::of).toList(), page.nextCursor());
    }
}
