package com.tttools.app.identity.password;

import org.springframework.security.crypto.password.PasswordEncoder;

/** Lets tests outside the package use the application's own password encoder configuration. */
public final class PasswordHashingAccess {

    public PasswordEncoder encoder() {
        return new PasswordHashing().passwordEncoder();
    }
}
