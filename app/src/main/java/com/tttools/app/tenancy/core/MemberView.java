package com.tttools.app.tenancy.core;

import com.tttools.app.shared.MaskedEmail;

/** A member as lists show it: {@code role} is an organization or workspace role name. */
public record MemberView(String userId, String email, String name, String role) {

    @Override
    public String toString() {
        return "MemberView[userId=" + userId + ", email=" + MaskedEmail.of(email) + ", role=" + role + "]";
    }
}
