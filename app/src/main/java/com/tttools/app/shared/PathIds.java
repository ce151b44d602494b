package com.tttools.app.shared;

import java.util.UUID;

/**
 * Ids taken from a URL path. A malformed id (anything but a UUID's canonical 36-character spelling, in either letter
 * case) names nothing, so it answers 404 like an unknown one. The web layer's
 * converters use these, so controllers declare {@code @PathVariable WorkspaceId wsId} instead of calling them.
 */
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

    public static ConnectionId connection(String value) {
        return new ConnectionId(uuid(value, "Connection"));
    }

    public static JobId job(String value) {
        return new JobId(uuid(value, "Job"));
    }

    public static UUID uuid(String value, String what) {
        try {
            if (value != null && value.length() == 36) {
                UUID id = UUID.fromString(value);
                // UUID.fromString also reads spellings such as "+0000001-0001-…" or non-ASCII digits as an id:
                // only the canonical form (either letter case) names one
                if (id.toString().equalsIgnoreCase(value)) {
                    return id;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // falls through to 404
        }
        throw new NotFoundException(what);
    }
}
