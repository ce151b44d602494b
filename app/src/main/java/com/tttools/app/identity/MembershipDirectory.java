package com.tttools.app.identity;

import com.tttools.app.shared.UserId;
import java.util.List;

/**
 * The organizations a user belongs to, for {@code GET /api/v1/me}. Implemented by the tenancy module (which
 * depends on identity, not the other way round).
 */
public interface MembershipDirectory {

    record OrganizationMembership(String id, String name, String role) {
    }

    List<OrganizationMembership> organizationsOf(UserId userId);
}
