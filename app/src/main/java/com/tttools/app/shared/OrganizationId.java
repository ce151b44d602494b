package com.tttools.app.shared;

import java.util.UUID;

/** Identity of a organization; carried as an opaque string in the API. */
public record OrganizationId(UUID value) implements java.io.Serializable {

    public OrganizationId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static OrganizationId of(String value) {
        return new OrganizationId(UUID.fromString(value));
    }

    public static OrganizationId random() {
        return new OrganizationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
