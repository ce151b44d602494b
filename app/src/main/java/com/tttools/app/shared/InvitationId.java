package com.tttools.app.shared;

import java.util.UUID;

/** Identity of an invitation; carried as an opaque string in the API and converted from paths like the other ids. */
public record InvitationId(UUID value) implements java.io.Serializable {

    public InvitationId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static InvitationId of(String value) {
        return new InvitationId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
