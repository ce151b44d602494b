package com.tttools.app.tenancy;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import java.util.List;

/** Memberships as account deletion (privacy module) sees them. */
public interface AccountMemberships {

    record OwnedOrganization(OrganizationId id, String name) {
    }

    /** Organizations whose only owner is this user while other people are members: deletion waits for a transfer. */
    List<OwnedOrganization> lastOwnerWithOtherMembers(UserId userId);

    /**
     * Removes the user from every organization and workspace, forgets their last workspace, and replaces their
     * address in invitations sent to it by the tombstone. Idempotent.
     */
    void removeEverywhere(UserId userId, String email, String tombstone);
}
