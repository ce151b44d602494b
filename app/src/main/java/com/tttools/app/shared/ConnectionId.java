package com.tttools.app.shared;

import java.util.UUID;

/** Identity of a connection; carried as an opaque string in the API. */
public record ConnectionId(UUID value) implements java.io.Serializable {

    public ConnectionId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static ConnectionId of(String value) {
        return new ConnectionId(UUID.fromString(value));
    }

    public static ConnectionId random() {
        return new ConnectionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
