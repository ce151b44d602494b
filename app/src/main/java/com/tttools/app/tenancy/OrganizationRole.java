package com.tttools.app.tenancy;

import java.util.Optional;

/** A person's role in an organization, lowest first. */
public enum OrganizationRole {
    MEMBER, ADMIN, OWNER;

    public boolean atLeast(OrganizationRole other) {
        return compareTo(other) >= 0;
    }

    /** Owners and admins act as workspace ADMIN in every workspace of their organization. */
    public boolean administersAllWorkspaces() {
        return atLeast(ADMIN);
    }

    public static Optional<OrganizationRole> parse(String value) {
        for (OrganizationRole role : values()) {
            if (role.name().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
