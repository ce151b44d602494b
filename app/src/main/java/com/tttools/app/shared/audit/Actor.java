package com.tttools.app.shared.audit;

import com.tttools.app.shared.UserId;

/**
 * Who did something: a user (id and email at the time), or the system with the job that acted
 * (e.g. {@code system} = "job:asset-sync:42").
 */
public record Actor(UserId userId, String email, String system) {

    public static Actor user(UserId userId, String email) {
        return new Actor(userId, email, null);
    }

    public static Actor system(String what) {
        return new Actor(null, null, what);
    }

    public boolean isSystem() {
        return system != null;
    }
}
