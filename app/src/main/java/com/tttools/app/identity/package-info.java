/**
 * Accounts: sign-up, email verification, passwords, sessions, two-factor sign-in and personal access tokens.
 * The base package is the module's API: {@link com.tttools.app.identity.UserAccounts}, the authenticated
 * principal and the events other modules listen to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity",
        allowedDependencies = { "shared", "audit", "platform :: config", "platform :: crypto", "platform :: mail",
                "platform :: ratelimit", "platform :: security", "platform :: web" })
package com.tttools.app.identity;
