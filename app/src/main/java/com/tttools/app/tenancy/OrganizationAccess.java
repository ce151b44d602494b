package com.tttools.app.tenancy;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;

/** Proof that a user may act in an organization, with their role there. */
public record OrganizationAccess(UserId userId, OrganizationId organizationId, String organizationName,
        OrganizationRole role) {
}
