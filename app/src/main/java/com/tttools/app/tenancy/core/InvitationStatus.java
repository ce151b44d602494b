package com.tttools.app.tenancy.core;

import com.tttools.app.tenancy.core.InvitationRepository.Invitation;
import java.time.Instant;

/** Where an invitation stands; derived from its row (accepted, revoked, expiry), not stored. */
public enum InvitationStatus {
    PENDING("This invitation is waiting to be accepted."),
    ACCEPTED("This invitation was already accepted."),
    REVOKED("This invitation was revoked. Ask for a new one."),
    EXPIRED("This invitation has expired. Ask for a new one.");

    private final String explanation;

    InvitationStatus(String explanation) {
        this.explanation = explanation;
    }

    /** What the invitation page says of it (the API shows the name). */
    public String explanation() {
        return explanation;
    }

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
