package com.tttools.app.tenancy;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.Actor;
import java.util.List;

/** Memberships as account deletion (privacy module) sees them. */
public interface AccountMemberships {

    record OwnedOrganization(OrganizationId id, String name) {
    }

    /** Organizations whose only owner is this user while other people are members: deletion waits for a transfer. */
    List<OwnedOrganization> lastOwnerWithOtherMembers(UserId userId);

    /**
     * Organizations in which this user is the only member: they are deleted with the account (see
     * {@link #deleteOrganizationsOnlyHeldBy}), so the deletion form and answer name them beforehand.
     */
    List<OwnedOrganization> onlyMemberOf(UserId userId);

    /**
     * Deletes every organization in which this user is still the only member (re-checked under each organization's
     * lock), exactly as an owner's deletion does: workspaces with it, {@code OrganizationDeleted} published so every
     * module purges and TikTok connections are disconnected, audited as {@code organization.deleted} with
     * {@code actor} (the system). Joins the caller's transaction; idempotent. Returns the organizations deleted.
     */
    List<OwnedOrganization> deleteOrganizationsOnlyHeldBy(UserId userId, Actor actor);

    /**
     * Removes the user from every organization and workspace, forgets their last workspace, and replaces their
     * address in invitations sent to it by the tombstone. Idempotent.
     */
    void removeEverywhere(UserId userId, String email, String tombstone);
}
