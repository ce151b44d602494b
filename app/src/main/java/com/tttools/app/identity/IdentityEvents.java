package com.tttools.app.identity;

import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.shared.audit.AuditableEvent;
import com.tttools.app.shared.audit.RequestMetadata;
import java.time.Instant;
import java.util.Map;

/** Past-tense events of the identity module. Each says how it reads in the audit log. */
public final class IdentityEvents {

    private IdentityEvents() {
    }

    public record UserSignedUp(UserId userId, String email, RequestMetadata request, Instant at) implements AuditableEvent {
        @Override
        public AuditEntry auditEntry() {
            return userEntry("user.signed_up", userId, email, request, Map.of(), at);
        }
    }

    public record UserEmailVerified(UserId userId, String email, RequestMetadata request, Instant at) implements AuditableEvent {
        @Override
        public AuditEntry auditEntry() {
            return userEntry("user.email_verified", userId, email, request, Map.of(), at);
        }
    }

    public record UserEmailChanged(UserId userId, String oldEmail, String newEmail, RequestMetadata request, Instant at)
            implements AuditableEvent {
        @Override
        public AuditEntry auditEntry() {
            return userEntry("user.email_changed", userId, newEmail, request,
                    Map.of("before", oldEmail, "after", newEmail), at);
        }
    }

    public record UserProfileChanged(UserId userId, String email, String oldName, String newName, RequestMetadata request,
            Instant at) implements AuditableEvent {
        @Override
        public AuditEntry auditEntry() {
            return userEntry("user.profile_changed", userId, email, request,
                    Map.of("name", Map.of("before", oldName, "after", newName)), at);
        }
    }

    /** The password was changed by its owner or through a reset; other sessions were ended. */
    public record UserPasswordChanged(UserId userId, String email, boolean throughReset, RequestMetadata request, Instant at)
            implements AuditableEvent {
        @Override
        public AuditEntry auditEntry() {
            return userEntry(throughReset ? "user.password_reset" : "user.password_changed", userId, email, request,
                    Map.of(), at);
        }
    }

    static AuditEntry userEntry(String action, UserId userId, String email, RequestMetadata request,
            Map<String, Object> details, Instant at) {
        return new AuditEntry(action, Actor.user(userId, email), "user", userId.toString(), null, null, request,
                details, at);
    }
}
