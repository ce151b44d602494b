package com.tttools.app.shared;

import java.util.UUID;

/** Identity of a workspace; carried as an opaque string in the API. */
public record WorkspaceId(UUID value) implements java.io.Serializable {

    public WorkspaceId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static WorkspaceId of(String value) {
        return new WorkspaceId(UUID.fromString(value));
    }

    public static WorkspaceId random() {
        return new WorkspaceId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
