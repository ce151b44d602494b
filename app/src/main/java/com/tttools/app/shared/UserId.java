package com.tttools.app.shared;

import java.util.UUID;

/** Identity of a user; carried as an opaque string in the API. */
public record UserId(UUID value) implements java.io.Serializable {

    public UserId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static UserId of(String value) {
        return new UserId(UUID.fromString(value));
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
