package com.tttools.app.shared;

import java.util.UUID;

/** Identity of an alert rule; carried as an opaque string in the API and converted from paths like the other ids. */
public record AlertRuleId(UUID value) implements java.io.Serializable {

    public AlertRuleId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static AlertRuleId of(String value) {
        return new AlertRuleId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
