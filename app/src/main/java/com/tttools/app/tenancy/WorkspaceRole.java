package com.tttools.app.tenancy;

import java.util.Optional;

/** A person's role in one workspace, mirroring TikTok's ad-account roles; lowest first. */
public enum WorkspaceRole {
    ANALYST("Analyst"),
    OPERATOR("Operator"),
    ADMIN("Admin");

    private final String label;

    WorkspaceRole(String label) {
        this.label = label;
    }

    /** The role in words, as pages show it: "Analyst". */
    public String label() {
        return label;
    }

    public boolean atLeast(WorkspaceRole other) {
        return compareTo(other) >= 0;
    }

    public static Optional<WorkspaceRole> parse(String value) {
        for (WorkspaceRole role : values()) {
            if (role.name().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
