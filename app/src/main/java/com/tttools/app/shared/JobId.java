package com.tttools.app.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/**
 * Identity of a job; carried as an opaque string in the API. In JSON (e.g. events stored as Spring Modulith event
 * publications) it is the plain UUID string, the shape events had when they carried the id as a {@code String}, so
 * publications stored before keep deserialising.
 */
public record JobId(UUID value) implements java.io.Serializable {

    public JobId {
        java.util.Objects.requireNonNull(value, "value");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static JobId of(String value) {
        return new JobId(UUID.fromString(value));
    }

    public static JobId random() {
        return new JobId(UUID.randomUUID());
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
