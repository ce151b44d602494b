package com.tttools.app.tenancy.web;

import com.tttools.app.shared.MaskedEmail;
import com.tttools.app.audit.SecurityEvent;
import com.tttools.app.audit.SecurityEventType;
import com.tttools.app.audit.SecurityLog;
import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.shared.CursorPage;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.tenancy.core.OrganizationService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/organizations/{orgId}/security-events}: the account-security activity of the
 * organization's current members, for organization OWNER/ADMIN (who read the audit log too). Each member's
 * events are shown from when they joined this organization on, and only the types that bear on the
 * organization's safety (sign-ins, lock-outs, password and second-factor changes, access tokens, revoked
 * sessions); the rest of a person's history stays theirs (see docs/permissions.md).
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

        @Override
        public String toString() {
            return "SecurityEventView[id=" + id + ", type=" + type + ", userId=" + userId + ", email="
                    + MaskedEmail.of(email) + "]";
        }
    }

    /** What an organization admin may see of a member's security events. */
    static final List<String> VISIBLE_TYPES = java.util.stream.Stream.of(SecurityEventType.LOGIN_SUCCEEDED,
                    SecurityEventType.LOGIN_FAILED, SecurityEventType.LOGIN_LOCKED, SecurityEventType.PASSWORD_CHANGED,
                    SecurityEventType.PASSWORD_RESET, SecurityEventType.TWO_FACTOR_ENABLED,
                    SecurityEventType.TWO_FACTOR_DISABLED, SecurityEventType.RECOVERY_CODE_USED,
                    SecurityEventType.TOKEN_CREATED, SecurityEventType.TOKEN_REVOKED,
                    SecurityEventType.TOKEN_USED_FROM_NEW_IP, SecurityEventType.SESSION_REVOKED)
            .map(SecurityEventType::code).toList();

    private final OrganizationService organizations;
    private final SecurityLog securityLog;

    MemberSecurityEventsController(OrganizationService organizations, SecurityLog securityLog) {
        this.organizations = organizations;
        this.securityLog = securityLog;
    }

    @GetMapping("/api/v1/organizations/{orgId}/security-events")
    CursorPage<SecurityEventView> list(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable OrganizationId orgId,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String cursor) {
        OrganizationId organization = orgId;
        Map<UserId, Instant> joinedAt = organizations.membersJoinedAt(caller, organization);
        CursorPage<SecurityEvent> page = securityLog.forUsersSince(joinedAt, VISIBLE_TYPES, limit, cursor);
        return new CursorPage<>(page.items().stream().map(SecurityEventView::of).toList(), page.nextCursor());
    }
}
