package com.tttools.app.shared;

import java.util.UUID;

/** Ids taken from a URL path. A malformed id names nothing, so it answers 404 like an unknown one. */
public final class PathIds {

    private PathIds() {
    }

    public static OrganizationId organization(String value) {
        return new OrganizationId(uuid(value, "Organization"));
    }

    public static WorkspaceId workspace(String value) {
        return new WorkspaceId(uuid(value, "Workspace"));
    }

    public static UserId user(String value) {
        return new UserId(uuid(value, "Member"));
    }

    public static UUID uuid(String value, String what) {
        try {
            if (value != null && value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException malformed) {
            // falls through to 404
        }
        throw new NotFoundException(what);
    }
}
