package com.tttools.app.bulk;

import com.tttools.app.shared.UserId;
import java.time.Instant;
import java.util.List;

/**
 * A change set waits for a workspace ADMIN other than its author ({@code author}) to approve it, before
 * {@code expiresAt}; {@code reasons} say why the policy asks for it. Notifications tell the approvers.
 */
public record ChangeSetAwaitingApproval(ChangeSetRef changeSet, UserId author, String authorEmail,
        List<String> reasons, Instant expiresAt) {
}
