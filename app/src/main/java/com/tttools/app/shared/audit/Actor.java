package com.tttools.app.shared.audit;

import com.tttools.app.shared.MaskedEmail;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.tttools.app.shared.UserId;

/**
 * Who did something: a user (id and email at the time), or the system with the job that acted
 * (e.g. {@code system} = "job:asset-sync:42").
 */
public record Actor(UserId userId, String email, @JsonProperty("system") String system) {

    public static Actor user(UserId userId, String email) {
        return new Actor(userId, email, null);
    }

    public static Actor system(String what) {
        return new Actor(null, null, what);
    }

    @Override
    public String toString() {
        return "Actor[userId=" + userId + ", email=" + MaskedEmail.of(email) + ", system=" + system + "]";
    }

    /** Not part of the JSON (events are stored as JSON): Jackson would write it as {@code system} and read it back. */
    @JsonIgnore
    public boolean isSystem() {
        return system != null;
    }
}
