package com.tttools.app.privacy;

/**
 * An organization in which the user is the only member: it is deleted (workspaces, connections and all) when the
 * account is erased at the end of the grace period, unless someone else has joined by then.
 */
public record SoleMemberOrganization(String id, String name) {
}
