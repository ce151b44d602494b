package com.tttools.app.privacy;

import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.RequestMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Account deletion. A request (password, and the two-factor code when it is on) ends every session and token at
 * once; the personal data is erased by the daily purge once the grace period has passed. Signing in before
 * restores the account.
 */
public interface AccountDeletions {

    /**
     * @throws com.tttools.app.shared.ValidationFailedException for a wrong password ({@code password}) or a missing
     *                                                          or wrong code ({@code totpCode})
     * @throws AccountDeletionBlocked while the user is the last owner of an organization with other members
     */
    AccountDeletionScheduled request(UserId userId, String password, String totpCode, RequestMetadata request);

    /**
     * The organizations that would be deleted with the account: those in which the user is the only member (the
     * purge re-checks this when the grace period ends, so one that gained a member meanwhile stays).
     */
    List<SoleMemberOrganization> organizationsDeletedWith(UserId userId);

    /** When the user's pending deletion will be carried out, if one is pending. */
    Optional<Instant> pendingUntil(UserId userId);

    /** Erases every account whose grace period ended before {@code now}; idempotent. Returns how many. */
    int purgeDue(Instant now);
}
