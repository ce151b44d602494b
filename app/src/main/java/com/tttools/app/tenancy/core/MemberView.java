package com.tttools.app.tenancy.core;

/** A member as lists show it: {@code role} is an organization or workspace role name. */
public record MemberView(String userId, String email, String name, String role) {
}
