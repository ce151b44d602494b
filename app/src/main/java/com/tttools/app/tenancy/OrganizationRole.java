package com.tttools.app.tenancy;

import java.util.Optional;

/** A person's role in an organization, lowest first. */
public enum OrganizationRole {
    MEMBER("Member"),
    ADMIN("Admin"),
    OWNER("Owner");

    private final String label;

    OrganizationRole(String label) {
        this.label = label;
    }

    /** The role in words, as pages show it: "Member". */
    public String label() {
        return label;
    }

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
