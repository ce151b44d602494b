package com.tttools.app.tenancy.core;

import com.tttools.app.tenancy.core.InvitationRepository.Invitation;
import java.time.Instant;

/** Where an invitation stands; derived from its row (accepted, revoked, expiry), not stored. */
public enum InvitationStatus {
    PENDING, ACCEPTED, REVOKED, EXPIRED;

    static InvitationStatus of(Invitation invitation, Instant now) {
        if (invitation.acceptedAt() != null) {
            return ACCEPTED;
        }
        if (invitation.revokedAt() != null) {
            return REVOKED;
        }
        return now.isBefore(invitation.expiresAt()) ? PENDING : EXPIRED;
    }
}
