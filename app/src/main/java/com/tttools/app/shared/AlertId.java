package com.tttools.app.shared;

import java.util.UUID;

/** Identity of a fired alert; carried as an opaque string in the API and converted from paths like the other ids. */
public record AlertId(UUID value) implements java.io.Serializable {

    public AlertId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static AlertId of(String value) {
        return new AlertId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
