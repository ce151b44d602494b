package com.tttools.app.tiktok.connection;

import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.WorkspaceId;
import java.util.UUID;

/** Ids from URL paths: a malformed one names nothing, so it answers 404 like an unknown one. */
final class PathIds {

    private PathIds() {
    }

    static WorkspaceId workspace(String value) {
        return new WorkspaceId(uuid(value, "Workspace"));
    }

    static UUID connection(String value) {
        return uuid(value, "Connection");
    }

    private static UUID uuid(String value, String what) {
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
