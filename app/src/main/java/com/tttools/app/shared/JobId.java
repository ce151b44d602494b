package com.tttools.app.shared;

import java.util.UUID;

/** Identity of a job; carried as an opaque string in the API. */
public record JobId(UUID value) implements java.io.Serializable {

    public JobId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static JobId of(String value) {
        return new JobId(UUID.fromString(value));
    }

    public static JobId random() {
        return new JobId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
